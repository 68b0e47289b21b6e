import * as nodeFs from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { FileError, describeFileFailure, isErrnoError } from './file-error';
import { acquireLock, onInterrupt } from './result-set-writer';

/** How {@link replaceFolder} treats the folder it replaces. */
export interface ReplaceFolderOptions<T> {
  readonly cwd: string;
  /** True when an existing folder with these entries may be replaced (it holds only this command's outputs). */
  readonly mayReplace: (entries: readonly string[]) => boolean;
  /** False for a value that must not replace the folder (a step failed): the staging folder is dropped. */
  readonly commit?: (value: T) => boolean;
}

const quietly = (f: () => void): void => {
  try { f(); } catch { /* best effort */ }
};
const alive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch (e) { return isErrnoError(e) && e.code === 'EPERM'; }
};

/**
 * Replaces a whole output folder as one unit: `build` fills a staging folder
 * `<folder>.tmp-<pid>` beside it, then the old folder is moved aside, the staging folder
 * renamed into place and the old one deleted. If `build` throws, its value is refused by
 * `commit`, or the process is interrupted
 * (SIGINT, SIGTERM, SIGHUP), the staging folder is removed and the old folder is untouched.
 * A lock `<folder>.lock` keeps a second writer out. An existing folder that holds anything but
 * this command's outputs (see `mayReplace`) is refused, so a mistyped `--out` never deletes a
 * user's files.
 *
 * @throws FileError exit 2 for a folder that may not be replaced or a path that is a file,
 *   exit 1 for a concurrent writer or a file-system failure.
 */
export async function replaceFolder<T>(folder: string, options: ReplaceFolderOptions<T>, build: (staging: string) => Promise<T>): Promise<{ value: T; folder: string }> {
  const fs = nodeFs;
  const abs = resolve(options.cwd, folder);
  let entries: string[] | null = null;
  try {
    const st = fs.statSync(abs);
    if (!st.isDirectory()) throw new FileError(`${folder} is a file, not a folder; choose another --out`, 2);
    entries = fs.readdirSync(abs);
  } catch (e) {
    if (e instanceof FileError) throw e;
    if (!isErrnoError(e) || (e.code !== 'ENOENT' && e.code !== 'ENOTDIR')) throw e;
    if (e.code === 'ENOTDIR') throw new FileError(`cannot write ${folder}: a part of the path is a file, not a folder; choose another --out`, 2);
  }
  if (entries !== null && !options.mayReplace(entries)) {
    throw new FileError(`${folder} holds files this command did not write; choose another --out or empty the folder (it is replaced as a whole)`, 2);
  }
  try {
    fs.mkdirSync(dirname(abs), { recursive: true });
  } catch (e) {
    throw isErrnoError(e) ? new FileError(describeFileFailure(e, dirname(folder), 'create folder')) : e;
  }
  const lock = acquireLock(fs, abs, folder);
  // Staging and moved-aside folders of writers that no longer run.
  for (const n of fs.readdirSync(dirname(abs))) {
    const m = new RegExp(`^${basename(abs).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:tmp|old)-(\\d+)$`).exec(n);
    if (m && (Number(m[1]) === process.pid || !alive(Number(m[1])))) quietly(() => fs.rmSync(resolve(dirname(abs), n), { recursive: true, force: true }));
  }
  const staging = `${abs}.tmp-${process.pid}`;
  const aside = `${abs}.old-${process.pid}`;
  const cleanup = (): void => {
    quietly(() => fs.rmSync(staging, { recursive: true, force: true }));
    quietly(() => fs.unlinkSync(lock));
  };
  const release = onInterrupt(cleanup);
  try {
    try {
      fs.mkdirSync(staging);
    } catch (e) {
      throw isErrnoError(e) ? new FileError(describeFileFailure(e, folder, 'create folder')) : e;
    }
    const value = await build(staging);
    if (options.commit !== undefined && !options.commit(value)) return { value, folder: abs };
    const hadOld = entries !== null;
    try {
      if (hadOld) fs.renameSync(abs, aside);
      try {
        fs.renameSync(staging, abs);
      } catch (e) {
        if (hadOld) fs.renameSync(aside, abs);
        throw e;
      }
    } catch (e) {
      throw isErrnoError(e) ? new FileError(`${describeFileFailure(e, folder, 'write')}; no file was changed`) : e;
    }
    quietly(() => fs.rmSync(aside, { recursive: true, force: true }));
    return { value, folder: abs };
  } finally {
    cleanup();
    release();
  }
}
