/**
 * File-system failures as one line a person can act on: which path, what went wrong in words,
 * and what to do. The command dispatcher (main.ts) prints a {@link FileError} as
 * `ratecut <command>: <message>` and exits with its code, without a stack trace.
 */

/** The mark of a {@link FileError}, the same in every copy of this module. */
const FILE_ERROR = Symbol.for('ratecut.FileError');

/** A file-system problem with its path already in the message; exit 1 (2 when a flag named a wrong path). */
export class FileError extends Error {
  override readonly name = 'FileError';
  readonly [FILE_ERROR] = true;

  /**
   * Whether `e` is a FileError. By its mark, not `instanceof`, for code that may hold another
   * copy of this class than the one that threw (a bundle of the CLI's command line catching what
   * the bundle of its commands threw).
   */
  static is(e: unknown): e is FileError {
    return typeof e === 'object' && e !== null && (e as { [FILE_ERROR]?: unknown })[FILE_ERROR] === true;
  }

  constructor(message: string, readonly exitCode: 1 | 2 = 1) {
    super(message);
  }
}

/**
 * True for Node's system errors (`code` such as `ENOENT`, with `syscall` and often `path`).
 * Tested by shape, not `instanceof Error`: errors made by Node's core may come from another
 * realm (a vm context, Jest's sandbox).
 */
export function isErrnoError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof (e as { message?: unknown }).message === 'string';
}

/** What the program was doing with the path: decides the advice. */
export type FileAction = 'read' | 'write' | 'create folder';

/** An errno code in words (`ENOSPC` → "the disk is full"); the code itself for rare ones. */
export function errnoInWords(code: string): string {
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EISDIR': return 'it is a folder, not a file';
    case 'ENOTDIR': return 'a part of the path is a file, not a folder';
    case 'EEXIST': return 'it already exists';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EROFS': return 'the file system is read-only';
    case 'ENOSPC': return 'the disk is full';
    case 'EDQUOT': return 'the disk quota is used up';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    case 'ENAMETOOLONG': return 'the name is too long';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EBUSY': case 'ETXTBSY': return 'the file is busy';
    case 'EIO': return 'an input/output error (a failing disk or network file system)';
    case 'EXDEV': return 'it is on another file system';
    default: return 'a file-system error';
  }
}

/** What to do about `code` while doing `action`. */
function advice(code: string, action: FileAction): string {
  const writing = action !== 'read';
  switch (code) {
    case 'ENOENT': return writing ? 'check the folder exists' : 'check the path';
    case 'EISDIR': return 'name a file';
    case 'ENOTDIR': return writing ? 'choose another --out' : 'check the path';
    case 'EACCES': case 'EPERM': case 'EROFS': return writing ? 'choose a writable folder with --out' : 'check the file\'s permissions';
    case 'ENOSPC': case 'EDQUOT': return 'free some space or choose another folder with --out';
    case 'EMFILE': case 'ENFILE': return 'close other programs and try again';
    case 'ENAMETOOLONG': return 'choose a shorter name';
    default: return 'check the path and try again';
  }
}

/**
 * One line for a system error on `path`: `cannot write out/bt.json: the disk is full (ENOSPC);
 * free some space or choose another folder with --out`.
 */
export function describeFileFailure(e: NodeJS.ErrnoException, path: string, action: FileAction): string {
  const code = e.code ?? 'EUNKNOWN';
  return `cannot ${action} ${path}: ${errnoInWords(code)} (${code}); ${advice(code, action)}`;
}

/** Wraps a system error on `path` into a {@link FileError}; anything else is returned unchanged (a bug, not a file problem). */
export function asFileError(e: unknown, path: string, action: FileAction, suffix = ''): unknown {
  return isErrnoError(e) ? new FileError(describeFileFailure(e, path, action) + suffix) : e;
}

/**
 * The message for a system error that reached the dispatcher unwrapped: named by Node's own
 * `path` when it has one (a read of a folder has none: then the operation is named).
 */
export function describeStrayErrno(e: NodeJS.ErrnoException & { code: string }): string {
  const action: FileAction = /^(?:write|mkdir|rename|link|unlink|rmdir|copyfile|symlink|ftruncate|fsync|utime|chmod)$/.test(e.syscall ?? '') ? 'write' : 'read';
  if (e.path !== undefined) return describeFileFailure(e, e.path, action);
  return `a file could not be ${action === 'read' ? 'read' : 'written'}: ${errnoInWords(e.code)} (${e.code}, ${e.syscall ?? 'unknown operation'}); check the paths on the command line`;
}
