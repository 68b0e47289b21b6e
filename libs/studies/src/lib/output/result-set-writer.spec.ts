import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError } from './file-error';
import { checkOutputs, writeResultSet, type WriterFs } from './result-set-writer';

const SET = ['r.json', 'r.equity.csv', 'r.trades.csv', 'r.cycles.csv'];
const files = (tag: string) => SET.map((path) => ({ path, text: `${tag} ${path}\n` }));

/** Every file in `dir` with its content. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((n) => [n, fs.statSync(join(dir, n)).isFile() ? readFileSync(join(dir, n), 'utf8') : '<dir>']));

/** A file-system seam that fails `call` on the `nth` time it is given a path containing `match`. */
function failing(call: 'writeFileSync' | 'renameSync', match: string, code: string, nth = 1): WriterFs {
  let seen = 0;
  const fail = (p: unknown): void => {
    if (String(p).includes(match) && ++seen === nth) throw Object.assign(new Error(`${code}: injected, ${call} '${String(p)}'`), { code, syscall: call === 'writeFileSync' ? 'write' : 'rename', path: String(p) });
  };
  return {
    ...fs,
    writeFileSync: ((p: fs.PathOrFileDescriptor, ...rest: unknown[]) => { if (call === 'writeFileSync') fail(p); return (fs.writeFileSync as (...a: unknown[]) => void)(p, ...rest); }) as typeof fs.writeFileSync,
    renameSync: ((a: fs.PathLike, b: fs.PathLike) => { if (call === 'renameSync') fail(b); return fs.renameSync(a, b); }) as typeof fs.renameSync,
  };
}

const thrown = (f: () => unknown): FileError => {
  try {
    f();
  } catch (e) {
    if (e instanceof FileError) return e;
    throw e;
  }
  throw new Error('expected a FileError');
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratecut-set-'));
});

describe('writeResultSet', () => {
  it('writes every file and leaves no temporary or lock file', () => {
    const written = writeResultSet(files('new'), { cwd: dir, force: false });
    expect(written).toEqual(SET.map((p) => join(dir, p)));
    expect(snapshot(dir)).toEqual(Object.fromEntries(SET.map((p) => [p, `new ${p}\n`]).sort()));
  });

  it('creates missing folders', () => {
    writeResultSet([{ path: 'a/b/c.json', text: 'x' }], { cwd: dir, force: false });
    expect(readFileSync(join(dir, 'a/b/c.json'), 'utf8')).toBe('x');
  });

  it.each([
    ['a full disk while writing the third file', failing('writeFileSync', 'r.trades.csv', 'ENOSPC'), 'cannot write r.trades.csv: the disk is full (ENOSPC); free some space or choose another folder with --out; no file was changed'],
    ['a read-only folder', failing('writeFileSync', 'r.json', 'EROFS'), 'cannot write r.json: the file system is read-only (EROFS); choose a writable folder with --out; no file was changed'],
    ['permission denied', failing('writeFileSync', 'r.cycles.csv', 'EACCES'), 'cannot write r.cycles.csv: permission denied (EACCES); choose a writable folder with --out; no file was changed'],
    ['a rename failing after two files were replaced', failing('renameSync', 'r.trades.csv', 'EIO'), 'cannot write r.trades.csv: an input/output error'],
  ])('after %s, keeps the old set byte-identical and removes every temporary file', (_what, seam, message) => {
    writeResultSet(files('old'), { cwd: dir, force: false });
    const before = snapshot(dir);
    const e = thrown(() => writeResultSet(files('new'), { cwd: dir, force: true, fs: seam }));
    expect(e.exitCode).toBe(1);
    expect(e.message).toContain(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it('removes new files and created folders when a set that did not exist fails', () => {
    const e = thrown(() => writeResultSet(files('new').map((f) => ({ ...f, path: `sub/${f.path}` })), { cwd: dir, force: true, fs: failing('renameSync', 'r.cycles.csv', 'ENOSPC') }));
    expect(e.message).toMatch(/^cannot write sub\/r\.cycles\.csv: the disk is full/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('checks every target before writing: a folder in the middle of the set changes nothing', () => {
    writeResultSet(files('old'), { cwd: dir, force: false });
    fs.rmSync(join(dir, 'r.trades.csv'));
    fs.mkdirSync(join(dir, 'r.trades.csv'));
    const before = snapshot(dir);
    const e = thrown(() => writeResultSet(files('new'), { cwd: dir, force: true }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('r.trades.csv is a folder; name a file to write instead');
    expect(snapshot(dir)).toEqual(before);
  });

  it('lists every existing target without --force, and a path under a file, with exit code 2', () => {
    writeResultSet(files('old').slice(0, 2), { cwd: dir, force: false });
    writeFileSync(join(dir, 'plain'), 'x');
    const e = thrown(() => writeResultSet([...files('new'), { path: 'plain/deeper/r.html', text: '' }], { cwd: dir, force: false }));
    expect(e.exitCode).toBe(2);
    expect(e.message.split('\n')).toEqual([
      'cannot write plain/deeper/r.html: plain is a file, not a folder; choose another --out',
      'r.json, r.equity.csv already exist; pass --force to replace them',
    ]);
    expect(snapshot(dir)).toEqual({ plain: 'x', 'r.equity.csv': 'old r.equity.csv\n', 'r.json': 'old r.json\n' });
  });

  it('refuses, even with --force, to replace an input of the run, also through a link or another spelling', () => {
    writeFileSync(join(dir, 'bt.json'), 'input');
    symlinkSync(join(dir, 'bt.json'), join(dir, 'link.json'));
    for (const out of ['bt.json', './sub/../bt.json', 'link.json']) {
      const e = thrown(() => writeResultSet([{ path: out, text: 'report' }], { cwd: dir, force: true, inputs: [join(dir, 'bt.json')] }));
      expect(e.exitCode).toBe(2);
      expect(e.message).toBe(`${out} is also an input of this run; write the output to another file (not even --force replaces an input)`);
    }
    expect(readFileSync(join(dir, 'bt.json'), 'utf8')).toBe('input');
  });

  it('refuses a target named twice, and a FIFO or device', () => {
    expect(thrown(() => checkOutputs(['a.json', './a.json'], { cwd: dir, force: true })).message).toBe('./a.json is named twice among this run\'s outputs; give each output its own file');
    expect(thrown(() => checkOutputs(['/dev/null'], { cwd: dir, force: true })).message).toMatch(/^\/dev\/null exists and is not a regular file/);
    const long = `${'x'.repeat(300)}.json`;
    expect(thrown(() => checkOutputs([long], { cwd: dir, force: true })).message).toBe(`cannot write ${long}: the name is too long (ENAMETOOLONG); choose a shorter name`);
  });

  describe('with a second writer', () => {
    const children: ChildProcess[] = [];
    afterEach(() => { for (const c of children) c.kill('SIGKILL'); children.length = 0; });

    it('refuses while the lock of a running process exists, and takes over the lock and leftovers of a dead one', async () => {
      const sleeper = spawn('sleep', ['30']);
      children.push(sleeper);
      writeFileSync(join(dir, 'r.trades.csv.lock'), `${sleeper.pid}\n`);
      const e = thrown(() => writeResultSet(files('new'), { cwd: dir, force: true }));
      expect(e.exitCode).toBe(1);
      expect(e.message).toBe(`r.trades.csv is being written by another ratecut (pid ${sleeper.pid}); wait for it to finish, or delete r.trades.csv.lock if no ratecut is running`);
      expect(readdirSync(dir)).toEqual(['r.trades.csv.lock']);
      const gone = new Promise((r) => sleeper.once('exit', r));
      sleeper.kill('SIGKILL');
      await gone;
      writeFileSync(join(dir, `r.json.tmp-${sleeper.pid}`), 'half a file');
      writeResultSet(files('new'), { cwd: dir, force: true });
      expect(snapshot(dir)).toEqual(Object.fromEntries(SET.map((p) => [p, `new ${p}\n`]).sort()));
    });

    const child = (tag: string, mode: string): { proc: ChildProcess; output: Promise<{ out: string; code: number | null; signal: NodeJS.Signals | null }>; saw: (text: string) => Promise<void> } => {
      const proc = spawn(process.execPath, [join(__dirname, '..', '..', 'testing', 'slow-writer-child.js'), dir, mode, tag]);
      children.push(proc);
      let out = '';
      const waiters: [string, () => void][] = [];
      proc.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        for (const [t, r] of waiters) if (out.includes(t)) r();
      });
      return {
        proc,
        output: new Promise((r) => proc.once('exit', (code, signal) => r({ out, code, signal }))),
        saw: (text) => new Promise((r) => { if (out.includes(text)) r(); else waiters.push([text, r]); }),
      };
    };

    it('lets only one of two concurrent writers of the same files through; the other fails with a clear message', async () => {
      const go = join(tmpdir(), `ratecut-go-${process.pid}-a`);
      const a = child('A', `block:2:${go}`);
      await a.saw('writing');
      const rb = await child('B', '0').output;
      writeFileSync(go, '');
      const ra = await a.output;
      fs.rmSync(go);
      expect(ra.out).toContain('written');
      expect(rb.code).toBe(1);
      expect(rb.out).toMatch(/a\.equity\.csv is being written by another ratecut \(pid \d+\); wait for it to finish/);
      expect(snapshot(dir)).toEqual({ 'a.equity.csv': 'A a.equity.csv\n', 'a.json': 'A a.json\n', 'a.trades.csv': 'A a.trades.csv\n' });
    }, 60_000);

    it.each(['SIGTERM', 'SIGINT'] as const)('on %s in the middle of a set, finishes the set (all new), leaves no temporary file, then dies of the signal', async (signal) => {
      writeResultSet(['a.json', 'a.equity.csv', 'a.trades.csv'].map((p) => ({ path: p, text: `old ${p}\n` })), { cwd: dir, force: false });
      const go = join(tmpdir(), `ratecut-go-${process.pid}-${signal}`);
      const a = child('new', `block:2:${go}`);
      await a.saw('writing a.equity.csv');
      a.proc.kill(signal);
      await new Promise((r) => setTimeout(r, 200));
      writeFileSync(go, '');
      const r = await a.output;
      fs.rmSync(go);
      expect(r.signal).toBe(signal);
      expect(snapshot(dir)).toEqual({ 'a.equity.csv': 'new a.equity.csv\n', 'a.json': 'new a.json\n', 'a.trades.csv': 'new a.trades.csv\n' });
    }, 60_000);
  });
});
