import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type WriterFs } from '@ratecut/studies/output';
import { BACKTEST_BLOCK_EXECUTOR } from '@ratecut/studies/backtest';
import { main } from './main';
import { captureIo } from './testing/capture-io';
import { writeFixture } from './testing/fixture-market';

/**
 * The hostile-user pass on files: every file-system problem is one line naming the path and
 * what to do (exit 1, or 2 when a flag named a wrong path), never a stack trace, and a run's
 * files are written as one unit.
 */

let data = '';
let dir = '';
beforeAll(() => {
  data = mkdtempSync(join(tmpdir(), 'ratecut-faults-data-'));
  writeFixture(data);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratecut-faults-'));
  mkdirSync(join(dir, 'adir'));
  writeFileSync(join(dir, 'afile'), 'x');
});

const run = async (args: string[], extra: { fs?: WriterFs; env?: NodeJS.ProcessEnv } = {}) => {
  const io = { ...captureIo(extra.env ?? {}, dir), ...(extra.fs ? { fs: extra.fs } : {}) };
  const code = await main(args, io);
  return { code, err: io.err(), out: io.out() };
};
const BT = ['backtest', '--data', '', '--strategy', 'cut-trigger', '--window=-3m..12m'];
const bt = (...more: string[]) => BT.map((a) => (a === '' ? data : a)).concat(more);
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);
const listing = () => readdirSync(dir).sort();

describe('a folder, FIFO or file where another kind is expected', () => {
  it('names a folder given as a scenario, config or result file', async () => {
    const sim = await run(['simulate', 'adir']);
    expect(sim.code).toBe(1);
    expect(sim.err).toBe(`${join(dir, 'adir')}: error not-a-file: is a folder; name a file\n`);
    const cfg = await run(bt('--config', 'adir'));
    expect(cfg.code).toBe(1);
    expect(cfg.err).toBe('adir: error not-a-file: is a folder; name a file\n');
    const cmp = await run(['compare', 'adir', 'afile']);
    expect(cmp.code).toBe(1);
    expect(cmp.err).toMatch(/^adir: error not-a-file: is a folder; name a file$/m);
    const rep = await run(['report', 'adir', '--out', 'r.html']);
    expect(rep.code).toBe(1);
    expect(rep.err).toMatch(/^adir: error not-a-file: is a folder; name a file$/m);
    for (const r of [sim, cfg, cmp, rep]) noStack(r.err);
  });

  it('refuses --out naming a folder or a path under a file, with exit 2 and one line', async () => {
    const a = await run(['cycles', '--data', data, '--out', 'adir']);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^ratecut cycles: adir is a folder; name a file to write instead\n$/m);
    const b = await run(['cycles', '--data', data, '--out', 'afile/x.csv']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/^ratecut cycles: cannot write afile\/x\.csv: afile is a file, not a folder; choose another --out$/m);
    const c = await run(bt('--out', 'afile/bt.json'));
    expect(c.code).toBe(2);
    expect(c.err).toBe('ratecut backtest: cannot write afile/bt.json (and 3 more files of this run): afile is a file, not a folder; choose another --out\n');
    for (const out of ['adir', 'adir/']) {
      const d = await run(bt('--out', out));
      expect(d.code).toBe(2);
      expect(d.err).toBe(`ratecut backtest: --out ${out} is a folder; name the result file, such as adir/backtest.json\n`);
    }
    for (const r of [a, b, c]) noStack(r.err);
    expect(listing()).toEqual(['adir', 'afile']);
  });
});

describe('file-system failures while writing (injected through the io.fs seam)', () => {
  const failing = (match: string, code: string): WriterFs => ({
    ...fs,
    writeFileSync: ((p: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (String(p).includes(match)) throw Object.assign(new Error(`${code}: injected`), { code, syscall: 'write', path: String(p) });
      return (fs.writeFileSync as (...a: unknown[]) => void)(p, ...rest);
    }) as typeof fs.writeFileSync,
  });

  it('reports a read-only folder in one line, exit 1', async () => {
    const r = await run(['cycles', '--data', data, '--out', 'c.csv'], { fs: failing('c.csv', 'EROFS') });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^ratecut cycles: cannot write c\.csv: the file system is read-only \(EROFS\); choose a writable folder with --out; no file was changed$/m);
    noStack(r.err);
  });

  it('keeps the previous backtest files byte-identical when the disk fills up during --force', async () => {
    expect((await run(bt('--out', 'bt.json'))).code).toBe(0);
    const before = Object.fromEntries(listing().filter((n) => n.startsWith('bt.')).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
    expect(Object.keys(before)).toHaveLength(4);
    const r = await run(bt('--out', 'bt.json', '--force', '--lag', '2'), { fs: failing('bt.trades.csv', 'ENOSPC') });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^ratecut backtest: cannot write bt\.trades\.csv: the disk is full \(ENOSPC\); free some space or choose another folder with --out; no file was changed$/m);
    noStack(r.err);
    expect(listing()).toEqual(['adir', 'afile', ...Object.keys(before)].sort());
    for (const [n, text] of Object.entries(before)) expect(readFileSync(join(dir, n), 'utf8')).toBe(text);
  });
});

describe('checked before anything is written', () => {
  it('refuses an existing --report before writing the result files', async () => {
    writeFileSync(join(dir, 'r.html'), 'old report');
    const r = await run(bt('--out', 'bt.json', '--report', 'r.html'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ratecut backtest: r\.html already exists; pass --force to replace it$/m);
    expect(listing()).toEqual(['adir', 'afile', 'r.html']);
  });

  it('refuses a report whose --out is one of its inputs, even with --force', async () => {
    expect((await run(bt('--out', 'bt.json'))).code).toBe(0);
    const before = readFileSync(join(dir, 'bt.json'), 'utf8');
    const r = await run(['report', 'bt.json', '--out', 'bt.json', '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('ratecut report: bt.json is also an input of this run; write the output to another file (not even --force replaces an input)\n');
    expect(readFileSync(join(dir, 'bt.json'), 'utf8')).toBe(before);
  });

  it('refuses --report naming the result file itself', async () => {
    const r = await run(bt('--out', 'bt.json', '--report', 'bt.json', '--force'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bt\.json is named twice among this run's outputs/);
    expect(listing()).toEqual(['adir', 'afile']);
  });
});

describe('errors of the library', () => {
  it('shows a bad strategy parameter from the command line as a command-line issue (exit 2)', async () => {
    const r = await run(bt('--strategy', 'relative-momentum', '--param', 'k=-1'));
    expect(r.code).toBe(2);
    expect(r.err).toBe('command line: error bad-parameter: strategies[1].params.k: parameter k=-1: expected a whole number of months >= 1\n');
  });

  it('reports a RangeError from library code as an internal error (exit 3), the stack only with --debug or RATECUT_DEBUG=1', async () => {
    const spy = jest.spyOn(BACKTEST_BLOCK_EXECUTOR, 'run').mockImplementation(() => {
      throw new RangeError('Invalid array length');
    });
    try {
      const r = await run(bt('--out', 'bt.json'));
      expect(r.code).toBe(3);
      expect(r.err).toBe('ratecut backtest: internal error, please report it with the command line: RangeError: Invalid array length\nRun it again with --debug to print the stack trace.\n');
      const d = await run(bt('--out', 'bt.json'), { env: { RATECUT_DEBUG: '1' } });
      expect(d.code).toBe(3);
      expect(d.err).toMatch(/RangeError: Invalid array length\n\s+at /);
      const f = await run([...bt('--out', 'bt.json'), '--debug']);
      expect(f.code).toBe(3);
      expect(f.err).toMatch(/RangeError: Invalid array length\n\s+at /);
    } finally {
      spy.mockRestore();
    }
  });
});
