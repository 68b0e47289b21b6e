import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partialResultSchema } from '@ratecut/contracts';
import { writeFixture } from '../../testing/fixture-market';
import { filesOf, fixtureScenario, scenarioFolder, splitRunCases, splitRunCommands, type ScenarioFolder } from '../../testing/scenario-folder';

const data = mkdtempSync(join(tmpdir(), 'ratecut-merge-data-'));
writeFixture(data);

const scenario = fixtureScenario(25_000);
const folder = (): ScenarioFolder => scenarioFolder(scenario, 'ratecut-merge-');

describe('ratecut --shard k/N and ratecut merge', () => {
  jest.setTimeout(180_000);
  const { simulate } = splitRunCommands(data);

  it.each(splitRunCases(data))('%s: shards 1/3, 2/3, 3/3 merged in shuffled order write the files of the run in one process, byte for byte', async (_, command, out) => {
    const local = folder();
    expect((await local.run([...command, '--out', out, '--workers', '2'])).code).toBe(0);
    const sharded = folder();
    for (const k of [3, 1, 2]) {
      const r = await sharded.run([...command, '--shard', `${k}/3`, '--out', `parts/p${k}.json`]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`shard ${k}/3: block ${k - 1} of 3`));
      const doc = partialResultSchema.parse(JSON.parse(readFileSync(join(sharded.dir, 'parts', `p${k}.json`), 'utf8')));
      expect(doc.command.args).toEqual(command.slice(1));
    }
    const merged = folder();
    const r = await merged.run(['merge', join(sharded.dir, 'parts', 'p2.json'), join(sharded.dir, 'parts', 'p3.json'), join(sharded.dir, 'parts', 'p1.json'), '--out', out]);
    expect(r.err).toMatch(/^wrote /);
    expect(r.code).toBe(0);
    const want = filesOf(local.dir), got = filesOf(merged.dir);
    expect(Object.keys(got)).toEqual(Object.keys(want));
    for (const name of Object.keys(want)) expect(got[name].equals(want[name])).toBe(true);
  });

  it('refuses a missing shard, a shard twice, a shard of another plan and a damaged shard with exit 1, writing nothing', async () => {
    const f = folder();
    for (const k of [1, 2, 3]) expect((await f.run([...simulate, '--shard', `${k}/3`, '--out', `p${k}.json`])).code).toBe(0);
    expect((await f.run([...simulate, '--seed', '8', '--shard', '2/3', '--out', 'seed8-p2.json'])).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(f.dir, 'p2.json'), 'utf8')) as { blocks: { data: string }[] };
    const b64 = doc.blocks[0].data;
    doc.blocks[0].data = b64.slice(0, 100) + (b64[100] === 'A' ? 'B' : 'A') + b64.slice(101);
    writeFileSync(join(f.dir, 'damaged-p2.json'), JSON.stringify(doc));
    writeFileSync(join(f.dir, 'cut-p2.json'), readFileSync(join(f.dir, 'p2.json'), 'utf8').slice(0, 500));
    mkdirSync(join(f.dir, 'out'));
    const cases: [string[], RegExp][] = [
      [['p1.json', 'p3.json'], /^command line: error shard-coverage: shard 2\/3 is missing \(block 1 of 3\)/],
      [['p1.json', 'p2.json', 'p3.json', 'p2.json'], /^p2\.json: error shard-coverage: shard 2\/3 is given twice \(also as p2\.json\)/],
      [['p1.json', 'seed8-p2.json', 'p3.json'], /^seed8-p2\.json: error bad-partial: is a shard of another run than p1\.json: simulate study of `ratecut simulate scenario\.json .* --seed 8`/],
      [['p1.json', 'damaged-p2.json', 'p3.json'], /^damaged-p2\.json: error bad-partial: block 1: the output's bytes do not match their sha-256 \(the file is damaged\)/],
      [['p1.json', 'cut-p2.json', 'p3.json'], /^cut-p2\.json: error bad-partial: not a partial result: not JSON/],
      [['p1.json', 'nothing.json', 'p3.json'], /^nothing\.json: error unreadable: cannot read the partial result: no such file or folder/],
    ];
    for (const [parts, message] of cases) {
      const r = await f.run(['merge', ...parts, '--out', 'out/r.json']);
      expect([r.code, r.err]).toEqual([1, expect.stringMatching(message)]);
      expect(readdirSync(join(f.dir, 'out'))).toEqual([]);
    }
    // The data changed between the shards and the merge: every shard is refused by the plan's fingerprint.
    const changed = mkdtempSync(join(tmpdir(), 'ratecut-merge-data-'));
    writeFixture(changed);
    const catalog = JSON.parse(readFileSync(join(changed, 'catalog.json'), 'utf8')) as { series: { file: string }[] };
    const series = join(changed, catalog.series[0].file);
    const lines = readFileSync(series, 'utf8').split('\n');
    lines[lines.length - 2] = lines[lines.length - 2].replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
    writeFileSync(series, lines.join('\n'));
    const moved = folder();
    for (const k of [1, 2, 3]) writeFileSync(join(moved.dir, `p${k}.json`), readFileSync(join(f.dir, `p${k}.json`)));
    // Same command line (the --data path recorded in it), other bytes there: rewrite the folder the parts name.
    const original = readFileSync(join(data, catalog.series[0].file));
    writeFileSync(join(data, catalog.series[0].file), lines.join('\n'));
    try {
      const r = await moved.run(['merge', 'p1.json', 'p2.json', 'p3.json', '--out', 'r.json']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^p1\.json: error bad-partial: was computed from another plan .*merge where the shards ran, on the same data$/m);
      expect(existsSync(join(moved.dir, 'r.json'))).toBe(false);
    } finally {
      writeFileSync(join(data, catalog.series[0].file), original);
    }
  });

  it('refuses bad --shard values and --shard without --out or with --report as usage errors (exit 2)', async () => {
    const f = folder();
    for (const [args, message] of [
      [['--shard', '4/3', '--out', 'p.json'], /--shard "4\/3": expected k\/N/],
      [['--shard', '1/0', '--out', 'p.json'], /expected k\/N/],
      [['--shard', '1/3'], /--shard writes a partial result: name it with --out/],
      [['--shard', '1/3', '--out', 'p.json', '--report', 'r.html'], /give --report to ratecut merge/],
    ] as const) {
      const r = await f.run([...simulate, ...args]);
      expect([r.code, r.err]).toEqual([2, expect.stringMatching(message)]);
    }
    const single = await f.run(['backtest', '--data', data, '--shard', '1/2', '--out', 'p.json']);
    expect([single.code, single.err]).toEqual([2, expect.stringMatching(/--shard splits the combinations of a --sweep/)]);
    const noOut = await f.run(['merge', 'p1.json']);
    expect([noOut.code, noOut.err]).toEqual([2, expect.stringMatching(/--out <file>/)]);
    expect(readdirSync(f.dir)).toEqual(['scenario.json']);
  });
});
