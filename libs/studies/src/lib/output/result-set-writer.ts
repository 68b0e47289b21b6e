import * as nodeFs from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { FileError, describeFileFailure, isErrnoError, type FileAction } from './file-error';

/**
 * Writes the files of one run (a result JSON, its CSV side files, a report) as ONE unit: after
 * it returns every file is new, after it throws every file is as it was (old or absent).
 *
 * 1. Check every target before anything is written: an existing file without `force`, a
 *    folder, a FIFO or device, a parent path that is a file, a target named twice, a target
 *    that is an input of the same run (refused even with `force`). All problems are listed.
 * 2. Create missing folders, then take a lock per target (`<target>.lock`, created exclusively,
 *    holding the pid): a second writer of any of the same files fails with a clear message;
 *    a lock left by a process that no longer runs is taken over, with its temporary files.
 * 3. Write every file to `<target>.tmp-<pid>` in the target's folder, keep a hard link
 *    `<target>.bak-<pid>` to each file being replaced, then rename the temporary files over
 *    the targets (a rename within a folder is atomic).
 * 4. On any failure: undo the renames from the backups, remove the new files, temporary files
 *    and created folders, release the locks, and throw a {@link FileError} naming the file.
 *
 * SIGINT, SIGTERM and SIGHUP: once a set has been written in a process, these signals are
 * handled by ratecut (JavaScript handlers run between synchronous steps, so a set being
 * written is finished, not cut), pending staged files are removed, then the signal is raised
 * again with its default action. Not covered: SIGKILL or a power cut in the instant between
 * the first and the last rename; the next writer of the same files removes what it left.
 */

/** The file-system calls the writer makes: node:fs, or a stand-in that injects failures in tests. */
export type WriterFs = Pick<
  typeof nodeFs,
  | 'writeFileSync' | 'renameSync' | 'linkSync' | 'copyFileSync' | 'unlinkSync' | 'mkdirSync' | 'rmdirSync'
  | 'statSync' | 'lstatSync' | 'readFileSync' | 'readdirSync' | 'realpathSync' | 'openSync' | 'writeSync' | 'closeSync'
>;

/** One file of a set: where (as the user named it, relative to `cwd` or absolute) and what. */
export interface OutputFile {
  readonly path: string;
  readonly text: string;
}

/** How a set is written. */
export interface WriteOptions {
  /** Folder that relative paths are resolved against. */
  readonly cwd: string;
  /** Replace existing files; without it an existing target is refused before anything is written. */
  readonly force: boolean;
  /** Files this run read (config, scenario, data, result files): never overwritten, even with `force`. */
  readonly inputs?: readonly string[];
  /** File-system seam (tests); node:fs by default. */
  readonly fs?: WriterFs;
}

interface Target {
  readonly file: OutputFile;
  readonly abs: string;
}

type Kind = 'absent' | 'file' | 'folder' | 'other' | 'under-file';

function kindOf(fs: WriterFs, abs: string): Kind {
  try {
    const l = fs.lstatSync(abs);
    if (!l.isSymbolicLink()) return l.isFile() ? 'file' : l.isDirectory() ? 'folder' : 'other';
    try {
      const s = fs.statSync(abs);
      return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
    } catch {
      return 'file'; // a dangling link: replacing it replaces the link
    }
  } catch (e) {
    if (isErrnoError(e) && e.code === 'ENOENT') return 'absent';
    if (isErrnoError(e) && e.code === 'ENOTDIR') return 'under-file';
    throw e;
  }
}

/** The nearest existing ancestor of `abs` and whether it is a folder. */
function existingAncestor(fs: WriterFs, abs: string): { path: string; folder: boolean } {
  let p = dirname(abs);
  for (;;) {
    const k = kindOf(fs, p);
    if (k === 'folder') return { path: p, folder: true };
    if (k === 'file' || k === 'other') return { path: p, folder: false };
    const up = dirname(p);
    if (up === p) return { path: p, folder: true };
    p = up;
  }
}

/** True when writing `a` would replace the file read as `b` (same path after links, or same inode). */
function sameFile(fs: WriterFs, a: string, b: string): boolean {
  const canonical = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      try {
        return resolve(fs.realpathSync(dirname(p)), relative(dirname(p), p));
      } catch {
        return p;
      }
    }
  };
  if (a === b || canonical(a) === canonical(b)) return true;
  try {
    const sa = fs.statSync(a), sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Step 1 alone: checks every target of a set before anything is written (commands also call
 * it before a long computation, so a wrong `--out` is reported at once). Throws a
 * {@link FileError} with exit code 2 (the command line named a wrong output) listing every
 * problem, one line each. Returns the absolute paths in the order given.
 */
export function checkOutputs(paths: readonly string[], options: WriteOptions): string[] {
  const fs = options.fs ?? nodeFs;
  const files = paths.map((path) => ({ path }));
  const targets = paths.map((p) => resolve(options.cwd, p));
  const inputs = (options.inputs ?? []).map((i) => resolve(options.cwd, i));
  const problems: string[] = [];
  const existing: string[] = [];
  const underFile = new Map<string, string[]>(); // blocking file -> targets under it
  const seen = new Set<string>();
  targets.forEach((abs, i) => {
    try {
      checkOne(abs, files[i].path);
    } catch (e) {
      if (!isErrnoError(e)) throw e;
      problems.push(describeFileFailure(e, files[i].path, 'write'));
    }
  });
  function checkOne(abs: string, name: string): void {
    if (seen.has(abs)) {
      problems.push(`${name} is named twice among this run's outputs; give each output its own file`);
      return;
    }
    seen.add(abs);
    const input = inputs.find((inp) => sameFile(fs, abs, inp));
    if (input !== undefined) {
      problems.push(`${name} is also an input of this run; write the output to another file (not even --force replaces an input)`);
      return;
    }
    const kind = kindOf(fs, abs);
    if (kind === 'folder') problems.push(`${name} is a folder; name a file to write instead`);
    else if (kind === 'other') problems.push(`${name} exists and is not a regular file (a FIFO, socket or device); name a regular file`);
    else if (kind === 'file' && !options.force) existing.push(name);
    else if (kind === 'under-file' || kind === 'absent') {
      const up = existingAncestor(fs, abs);
      if (!up.folder) underFile.set(up.path, [...(underFile.get(up.path) ?? []), name]);
    }
  }
  for (const [blocker, names] of underFile) {
    const others = names.length > 1 ? ` (and ${names.length - 1} more file${names.length > 2 ? 's' : ''} of this run)` : '';
    problems.push(`cannot write ${names[0]}${others}: ${relative(options.cwd, blocker) || blocker} is a file, not a folder; choose another --out`);
  }
  if (existing.length > 0) {
    problems.push(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to replace ${existing.length === 1 ? 'it' : 'them'}`);
  }
  if (problems.length > 0) throw new FileError(problems.join('\n'), 2);
  return targets;
}

/**
 * Refuses an `--out` that names a folder (an existing one, or a path ending with a slash) where
 * a command derives several file names from it (`run.json` → `run.equity.csv`): `--out results`
 * would otherwise write `results.json` beside the folder. Throws a {@link FileError} with exit 2.
 */
export function refuseFolderOut(out: string, options: WriteOptions, example: string): void {
  const fs = options.fs ?? nodeFs;
  if (/[\\/]$/.test(out) || kindOf(fs, resolve(options.cwd, out)) === 'folder') {
    throw new FileError(`--out ${out} is a folder; name the result file, such as ${join(out, example)}`, 2);
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return isErrnoError(e) && e.code === 'EPERM';
  }
};

/** Pid recorded in a lock file; undefined when it is gone, null when unreadable or empty. */
function lockOwner(fs: WriterFs, lock: string): number | null | undefined {
  try {
    const n = Number(String(fs.readFileSync(lock, 'utf8')).trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch (e) {
    if (isErrnoError(e) && e.code === 'ENOENT') return undefined;
    return null;
  }
}

/** Seconds a lock file without a readable pid is presumed to be in the middle of its creation. */
const FRESH_LOCK_SECONDS = 10;

/**
 * Takes `<abs>.lock` by exclusive create (`name` is how messages call `abs`) and returns the
 * lock's path; delete it to release. A lock of a live process (this one included) is a
 * {@link FileError}; a lock of a dead process is renamed away (atomic: one taker wins) and
 * taken over.
 */
export function acquireLock(fs: WriterFs, abs: string, name: string): string {
  const lock = `${abs}.lock`;
  const busy = (pid: number | null): FileError =>
    new FileError(`${name} is being written by another ratecut${pid === null ? '' : ` (pid ${pid})`}; wait for it to finish, or delete ${name}.lock if no ratecut is running`);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const fd = fs.openSync(lock, 'wx');
      try {
        fs.writeSync(fd, `${process.pid}\n`);
      } finally {
        fs.closeSync(fd);
      }
      return lock;
    } catch (e) {
      if (!isErrnoError(e) || e.code !== 'EEXIST') throw e;
    }
    const owner = lockOwner(fs, lock);
    if (owner === undefined) continue; // released meanwhile
    if (owner !== null && isAlive(owner)) throw busy(owner);
    if (owner === null) {
      let age = Infinity;
      try { age = (Date.now() - fs.statSync(lock).mtimeMs) / 1000; } catch { /* gone */ }
      if (age < FRESH_LOCK_SECONDS) throw busy(null);
    }
    // Stale: move it aside (only one taker can), check it was the stale one, then retry.
    const aside = `${lock}.stale-${process.pid}`;
    try {
      fs.renameSync(lock, aside);
    } catch (e) {
      if (isErrnoError(e) && e.code === 'ENOENT') continue;
      throw e;
    }
    const moved = lockOwner(fs, aside);
    if (moved !== owner && moved !== undefined && moved !== null && isAlive(moved)) {
      try { fs.linkSync(aside, lock); } catch { /* someone else holds it now */ }
      try { fs.unlinkSync(aside); } catch { /* gone */ }
      throw busy(moved);
    }
    try { fs.unlinkSync(aside); } catch { /* gone */ }
    removeLeftovers(fs, abs);
  }
  throw busy(null);
}

/** Removes `<abs>.tmp-<pid>` and `<abs>.bak-<pid>` files of processes that no longer run (or of this one). */
function removeLeftovers(fs: WriterFs, abs: string): void {
  const dir = dirname(abs), base = abs.slice(dir.length + 1);
  let names: string[];
  try {
    names = fs.readdirSync(dir) as unknown as string[];
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(`${base}.`)) continue;
    const m = /^\.(?:tmp|bak)-(\d+)$/.exec(n.slice(base.length));
    if (m && (Number(m[1]) === process.pid || !isAlive(Number(m[1])))) {
      try { fs.unlinkSync(resolve(dir, n)); } catch { /* best effort */ }
    }
  }
}

/** Cleanup actions of sets being staged, run when a signal arrives. */
const pendingCleanups = new Set<() => void>();
let signalsInstalled = false;

/**
 * Installs (once per process) SIGINT, SIGTERM and SIGHUP handlers that run the pending
 * cleanups and then re-raise the signal with its default action.
 */
export function installSignalCleanup(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const sig of signals) {
    const handler = (): void => {
      for (const cleanup of [...pendingCleanups]) {
        try { cleanup(); } catch { /* keep cleaning */ }
      }
      pendingCleanups.clear();
      for (const [s, h] of handlers) process.removeListener(s, h);
      signalsInstalled = false;
      process.kill(process.pid, sig);
    };
    handlers.set(sig, handler);
    process.on(sig, handler);
  }
}

/**
 * Registers a cleanup to run if the process is interrupted before `release` is called (used
 * for staging folders that live across asynchronous steps). Returns `release`.
 */
export function onInterrupt(cleanup: () => void): () => void {
  installSignalCleanup();
  pendingCleanups.add(cleanup);
  return () => { pendingCleanups.delete(cleanup); };
}

/** Runs a file-system step on the path the user knows; a system error becomes a {@link FileError}. */
function step<T>(name: string, action: FileAction, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FileError || !isErrnoError(e)) throw e;
    throw new FileError(describeFileFailure(e, name, action));
  }
}

/**
 * Writes `files` as one unit (see the module comment) and returns their absolute paths.
 *
 * @throws FileError exit code 2 when a target is wrong (checked before anything is written),
 *   exit code 1 when another ratecut writes the same file or the file system fails (then
 *   nothing was changed: the message ends with "; no file was changed").
 */
export function writeResultSet(files: readonly OutputFile[], options: WriteOptions): string[] {
  const fs = options.fs ?? nodeFs;
  const abs = checkOutputs(files.map((f) => f.path), options);
  const targets: Target[] = files.map((file, i) => ({ file, abs: abs[i] }));
  const created: string[] = [];
  const locks: string[] = [];
  const temps: string[] = [];
  const backups: { abs: string; backup: string | null }[] = [];
  const renamed: { abs: string; backup: string | null }[] = [];
  const quietly = (f: () => void): void => {
    try { f(); } catch { /* best effort: keep undoing */ }
  };
  const undo = (): void => {
    for (const r of [...renamed].reverse()) {
      if (r.backup !== null) quietly(() => fs.renameSync(r.backup as string, r.abs));
      else quietly(() => fs.unlinkSync(r.abs));
    }
    for (const b of backups) if (b.backup !== null) quietly(() => fs.unlinkSync(b.backup as string));
    for (const t of temps) quietly(() => fs.unlinkSync(t));
    for (const l of locks) quietly(() => fs.unlinkSync(l));
    for (const d of [...created].reverse()) quietly(() => fs.rmdirSync(d));
    renamed.length = backups.length = temps.length = created.length = locks.length = 0;
  };
  const release = onInterrupt(undo);
  try {
    for (const t of targets) {
      const missing: string[] = [];
      for (let d = dirname(t.abs); kindOf(fs, d) === 'absent'; d = dirname(d)) missing.unshift(d);
      for (const d of missing) {
        step(relative(options.cwd, d) || d, 'create folder', () => fs.mkdirSync(d));
        created.push(d);
      }
    }
    for (const t of [...targets].sort((a, b) => (a.abs < b.abs ? -1 : 1))) {
      locks.push(step(t.file.path, 'write', () => acquireLock(fs, t.abs, t.file.path)));
      removeLeftovers(fs, t.abs);
    }
    for (const t of targets) {
      const tmp = `${t.abs}.tmp-${process.pid}`;
      temps.push(tmp);
      step(t.file.path, 'write', () => fs.writeFileSync(tmp, t.file.text, { flag: 'wx' }));
    }
    for (const t of targets) {
      if (kindOf(fs, t.abs) !== 'file') {
        backups.push({ abs: t.abs, backup: null });
        continue;
      }
      const backup = `${t.abs}.bak-${process.pid}`;
      step(t.file.path, 'write', () => {
        try {
          fs.linkSync(t.abs, backup);
        } catch (e) {
          if (!isErrnoError(e) || e.code === 'ENOSPC' || e.code === 'EEXIST') throw e;
          fs.copyFileSync(t.abs, backup); // file systems without hard links
        }
      });
      backups.push({ abs: t.abs, backup });
    }
    targets.forEach((t, i) => {
      if (options.force) {
        step(t.file.path, 'write', () => fs.renameSync(temps[i], t.abs));
      } else {
        // Without --force the target was absent when checked: create it exclusively (a hard
        // link fails if anything appeared there since), so nothing is ever replaced.
        step(t.file.path, 'write', () => {
          try {
            fs.linkSync(temps[i], t.abs);
          } catch (e) {
            if (isErrnoError(e) && e.code === 'EEXIST') throw new FileError(`${t.file.path} appeared while this run was writing (another program wrote it); pass --force to replace it`);
            if (!isErrnoError(e) || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK'].includes(e.code)) throw e;
            if (kindOf(fs, t.abs) !== 'absent') throw new FileError(`${t.file.path} appeared while this run was writing (another program wrote it); pass --force to replace it`);
            fs.renameSync(temps[i], t.abs); // file systems without hard links
          }
        });
      }
      renamed.push(backups[i]);
    });
    for (const tmp of temps) quietly(() => fs.unlinkSync(tmp));
  } catch (e) {
    undo();
    release();
    if (e instanceof FileError && e.exitCode === 1 && !/being written by another/.test(e.message)) {
      throw new FileError(`${e.message}; no file was changed`);
    }
    throw e;
  }
  release();
  for (const b of backups) if (b.backup !== null) quietly(() => fs.unlinkSync(b.backup as string));
  for (const l of locks) quietly(() => fs.unlinkSync(l));
  return abs;
}
