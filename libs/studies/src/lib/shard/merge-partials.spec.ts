import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatSweepTable, type PartialResultJson } from '@ratecut/contracts';
import { loadCatalog } from '@ratecut/data-loader';
import { formatIssue, type LoadResult } from '@ratecut/sim-core';
import { sampleSimulateRequest } from '../../testing/sample-simulate-request';
import { writeFixture } from '../../testing/fixture-market';
import { planSimulateStudy, type SimulateStudy } from '../simulate/plan-simulate-study';
import { planSweepStudy, type SweepStudy } from '../sweep/plan-sweep-study';
import { runStudy, studyResult } from '../study/run-study';
import type { AnyStudy } from '../study/study';
import { checkPartials, mergePartials, type PartialFile } from './merge-partials';
import { runStudyShard, type ShardIdentity } from './run-study-shard';

const value = <T>(r: LoadResult<T>): T => {
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.value;
};
const messages = (r: LoadResult<unknown>): string[] => (r.ok ? [] : r.issues.map(formatIssue));

/** The shards 1/n..n/n of a study, each through JSON text as a file would be, named part-k.json. */
async function shards(study: AnyStudy, n: number, identity: ShardIdentity): Promise<PartialFile[]> {
  const out: PartialFile[] = [];
  for (let k = 1; k <= n; k += 1) {
    const doc = await studyResult(runStudyShard(study, { k, n }, identity, { workers: k === 2 ? 2 : 1 }));
    out.push({ file: `part-${k}.json`, doc: JSON.parse(JSON.stringify(doc)) as unknown });
  }
  return out;
}

/** Checks and merges partial files into a study's result. */
function merge<R>(study: AnyStudy<R>, files: readonly PartialFile[], identity: ShardIdentity): LoadResult<R> {
  const checked = checkPartials(files);
  if (!checked.ok) return checked;
  return mergePartials(study, checked.value, identity);
}

const simIdentity: ShardIdentity = { command: { name: 'simulate', args: ['sample-cuts.json', '--paths', '25000'] }, ratecutVersion: '0.0.0-test' };
// 25,000 paths: blocks of 10,000, 10,000 and 5,000; the strategies on the first 11,000 (blocks 0 and 1).
const planSim = (seed = 7): SimulateStudy => value(planSimulateStudy(sampleSimulateRequest({ paths: 25_000, seed }, { strategyPaths: 11_000 })));

describe('static sharding of a simulate study', () => {
  jest.setTimeout(120_000);
  let parts: PartialFile[];
  let inProcess: unknown;
  beforeAll(async () => {
    const study = planSim();
    expect(study.blocks).toHaveLength(3);
    // In process on two worker threads, blocks writing into the merger's shared memory.
    inProcess = await studyResult(runStudy(study, { workers: 2 }));
    parts = await shards(study, 3, simIdentity);
  });

  it('gives, from shards 1/3, 2/3, 3/3 merged in shuffled order on a study planned again, the in-process result byte for byte', () => {
    const doc = parts[0].doc as PartialResultJson;
    expect(doc).toMatchObject({ schema: 'ratecut.partial/1', kind: 'simulate', shard: { k: 1, n: 3 }, blockCount: 3, command: simIdentity.command });
    expect(doc.blocks.map((b) => b.index)).toEqual([0]);
    const merged = value(merge(planSim(), [parts[2], parts[0], parts[1]], simIdentity));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(inProcess));
    expect(merged).toEqual(inProcess);
  });

  it('refuses a missing shard, a shard given twice, a shard of another plan and a damaged shard, naming the file', async () => {
    expect(messages(merge(planSim(), [parts[0], parts[2]], simIdentity))).toEqual([
      'command line: error shard-coverage: shard 2/3 is missing (block 1 of 3); run `ratecut simulate ... --shard 2/3` and give its file',
    ]);
    expect(messages(merge(planSim(), [parts[0], parts[1], { ...parts[1], file: 'copy.json' }, parts[2]], simIdentity))).toEqual([
      'copy.json: error shard-coverage: shard 2/3 is given twice (also as part-2.json); give each shard once',
    ]);
    // Every shard of another seed, merged against this plan (the data, version or command changed): refused by the fingerprint.
    const other = await shards(planSim(8), 3, simIdentity);
    const [another] = messages(merge(planSim(), other, simIdentity));
    expect(another).toMatch(/^part-1\.json: error bad-partial: was computed from another plan \(fingerprint [0-9a-f]{12}, planned again here: [0-9a-f]{12}\)/);
    // One shard of another run among this run's: refused before anything is decoded.
    expect(messages(merge(planSim(), [parts[0], { ...other[1], file: 'other.json' }, parts[2]], simIdentity))[0])
      .toMatch(/^other\.json: error bad-partial: is a shard of another run than part-1\.json/);
    // Another command line recorded: another run, even on the same plan.
    expect(messages(merge(planSim(), parts, { ...simIdentity, command: { name: 'simulate', args: ['sample-cuts.json'] } }))[0]).toMatch(/was computed from another plan/);

    const doc = parts[1].doc as PartialResultJson;
    const data = doc.blocks[0].data;
    const at = data.length >> 1;
    const flipped = { ...doc, blocks: [{ ...doc.blocks[0], data: data.slice(0, at) + (data[at] === 'A' ? 'B' : 'A') + data.slice(at + 1) }] };
    expect(messages(merge(planSim(), [parts[0], { file: 'flipped.json', doc: flipped }, parts[2]], simIdentity))).toEqual([
      'flipped.json: error bad-partial: block 1: the output\'s bytes do not match their sha-256 (the file is damaged)',
    ]);
    const garbage = Buffer.from([0xff, 0x0f, 0x99, 0x01]);
    const undecodable = { ...doc, blocks: [{ index: 1, sha256: createHash('sha256').update(garbage).digest('hex'), data: garbage.toString('base64') }] };
    expect(messages(merge(planSim(), [parts[0], { file: 'garbage.json', doc: undecodable }, parts[2]], simIdentity))[0])
      .toMatch(/^garbage\.json: error bad-partial: block 1: the output does not decode/);
    expect(messages(merge(planSim(), [parts[0], { file: 'moved.json', doc: { ...doc, blocks: [{ ...doc.blocks[0], index: 2 }] } }, parts[2]], simIdentity))).toEqual([
      'moved.json: error bad-partial: shard 2/3 should hold block 1 of 3, holds block 2 (the file is damaged)',
    ]);
    expect(messages(merge(planSim(), [parts[0], { file: 'cut.json', doc: { ...doc, fingerprint: 'abc' } }, parts[2]], simIdentity))).toEqual([
      'cut.json: error bad-partial: not a valid partial result: fingerprint: expected a sha-256 as 64 lowercase hex digits',
    ]);
    expect(messages(merge(planSim(), [{ file: 'r.json', doc: { schema: 'ratecut.simulate/1' } }], simIdentity))).toEqual([
      'r.json: error bad-partial: not a partial result (expected "schema": "ratecut.partial/1", found "ratecut.simulate/1")',
    ]);
    const node = Number(process.versions.node.split('.')[0]);
    expect(messages(merge(planSim(), [parts[0], { file: 'old.json', doc: { ...doc, encoding: { ...doc.encoding, nodeMajor: node - 2 } } }, parts[2]], simIdentity))).toEqual([
      `old.json: error bad-partial: written by Node ${node - 2}; its block outputs (v8.serialize) are read by the same Node major, this is Node ${node}`,
    ]);
  });
});

describe('static sharding of a sweep study', () => {
  jest.setTimeout(60_000);
  const factsDir = join(__dirname, '..', '..', '..', '..', '..', 'data');
  const planSweep = (): SweepStudy => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-shard-sweep-'));
    writeFixture(dir);
    const catalog = value(loadCatalog(join(dir, 'catalog.json')));
    const grid = [{ name: 'k', values: Array.from({ length: 6 }, (_, i) => i + 1) }, { name: 'threshold', values: Array.from({ length: 50 }, (_, i) => i / 1000) }];
    return value(planSweepStudy({
      config: { strategies: [{ name: 'relative-momentum' }] }, source: { file: null, fromFlags: [] }, grid, catalog, notice: null, factsDir,
      commandLine: 'ratecut backtest --sweep k=1..6 --sweep threshold=0..0.049:0.001',
    }));
  };
  const identity: ShardIdentity = { command: { name: 'backtest', args: ['--strategy', 'relative-momentum', '--sweep', 'k=1..6', '--sweep', 'threshold=0..0.049:0.001'] }, ratecutVersion: '0.0.0-test' };

  it('gives, from shards merged in shuffled order, the in-process table byte for byte (on fixture data in a fresh folder: planned again)', async () => {
    const study = planSweep();
    expect(study.blocks).toHaveLength(3); // the kernel's blocks of 100 combinations
    const inProcess = await studyResult(runStudy(study, { workers: 2 }));
    const parts = await shards(study, 3, identity);
    const merged = value(merge(planSweep(), [parts[1], parts[2], parts[0]], identity));
    expect(formatSweepTable(merged)).toBe(formatSweepTable(inProcess));
    expect(merged.rows).toHaveLength(6 * 50);
    // Four shards of three blocks: one holds none, and the merge is the same.
    const four = await shards(study, 4, identity);
    expect(four.map((p) => (p.doc as PartialResultJson).blocks.length)).toEqual([1, 1, 1, 0]);
    expect(formatSweepTable(value(merge(study, [four[3], four[0], four[2], four[1]], identity)))).toBe(formatSweepTable(inProcess));
  });
});
