import * as fs from 'node:fs';
import { isInsideFolder, outsideDataFolderMessage, ALLOW_OUTSIDE_HOW, realPathOf } from '../source/data-folder';
import type { DataIssue, LoadResult } from '../validation/data-issue';
import { escapeText } from '../validation/excerpt';
import { failure, success } from '../validation/load-result';
import { errorIssue } from '../validation/make-issue';
import { describeBinaryContent } from './binary-content';

/**
 * Largest file, in bytes, that {@link readTextFile} reads by default: 32 MiB. Files are read
 * whole and parsed into rows of string cells, which takes about 20 times the file's size in
 * memory (measured peak RSS of a whole load, Node 20: 0.75 GB for a 33 MB CSV, 1.2 GB for a
 * 60 MB one, 3.2 GB for a 200 MB one), so larger files are refused with `file-too-large`
 * before anything is read. The largest file in the real data set is about 2 MB.
 */
export const MAX_DATA_FILE_BYTES = 32 * 1024 * 1024;

/** Options of {@link readTextFile}. */
export interface ReadTextFileOptions {
  /**
   * Real path (see `realPathOf`) of a folder the file must lie in once every symbolic link is
   * followed; outside it the file is not read and the result is `outside-data-folder`.
   */
  readonly confineTo?: string | undefined;
  /** Largest size in bytes to read; default {@link MAX_DATA_FILE_BYTES}. */
  readonly maxBytes?: number | undefined;
  /** What the file should hold, for the binary-content message; default `CSV text`. */
  readonly expected?: string | undefined;
}

/** What a non-regular file is, in words. */
export function describeFileType(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device (such as /dev/zero or a terminal)';
  if (stat.isBlockDevice()) return 'a block device (a disk)';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function errnoMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'file not found; expected a readable data file at this path';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; expected a file this user may read';
    case 'ENOTDIR':
      return 'a part of this path is a file, not a folder; expected a path to a data file';
    case 'ELOOP':
      return 'too many levels of symbolic links; expected a path to a data file';
    case 'ENAMETOOLONG':
      return 'the path is too long; expected a path to a data file';
    default:
      return `file could not be read (${escapeText(code ?? (e instanceof Error ? e.message : String(e)))})`;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const n = fs.readSync(fd, buf, done, size - done, null);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}

/**
 * Reads a whole file as UTF-8 text, never throwing. In order, each failure being one issue:
 * - `outside-data-folder`: `confineTo` is given and the file, symbolic links followed, is not
 *   inside it; checked before the file is looked at, and again on the very file opened (same
 *   device and inode), so a link swapped in between is caught too;
 * - `missing-file`: the path does not exist, cannot be opened (permission, a file used as a
 *   folder), or is not a regular file, saying what it is (a folder, a named pipe, a device such
 *   as /dev/zero, a socket). The type is checked before opening and again on the open file
 *   (opened non-blocking, so a FIFO can never hang the read);
 * - `file-too-large`: larger than `maxBytes` (default {@link MAX_DATA_FILE_BYTES});
 * - `wrong-format`: binary content (see `describeBinaryContent`): a zip or gzip file, a NUL
 *   byte, mostly invalid UTF-8.
 * A UTF-8 byte-order mark is kept (the CSV parser removes it).
 */
export function readTextFile(file: string, options: ReadTextFileOptions = {}): LoadResult<string> {
  const fail = (code: DataIssue['code'], message: string) => failure<string>([errorIssue(code, file, message)]);
  const real = options.confineTo === undefined ? undefined : realPathOf(file);
  const outside = () => fail('outside-data-folder', `the file ${outsideDataFolderMessage(real ?? file, options.confineTo ?? '', ALLOW_OUTSIDE_HOW)}`);
  // Checked before the file is even looked at, so a catalog cannot probe what exists outside.
  if (real !== undefined && options.confineTo !== undefined && !isInsideFolder(options.confineTo, real)) return outside();
  let before: fs.Stats;
  try {
    before = fs.statSync(file);
  } catch (e) {
    return fail('missing-file', errnoMessage(e));
  }
  if (!before.isFile()) return fail('missing-file', `this path is ${describeFileType(before)}; expected a regular data file`);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return fail('missing-file', errnoMessage(e));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return fail('missing-file', `this path is ${describeFileType(stat)}; expected a regular data file`);
    if (real !== undefined) {
      // The file opened must be the one checked: a link swapped in between would differ here.
      let same = false;
      try {
        const atReal = fs.statSync(real);
        same = atReal.dev === stat.dev && atReal.ino === stat.ino;
      } catch {
        same = false;
      }
      if (!same) return outside();
    }
    const maxBytes = options.maxBytes ?? MAX_DATA_FILE_BYTES;
    if (stat.size > maxBytes) {
      return fail(
        'file-too-large',
        `the file is ${megabytes(stat.size)}; expected at most ${megabytes(maxBytes)} (files are read whole, at about 20 times their size in memory); keep only the dates and columns you need, or split the file`,
      );
    }
    const buf = readAll(fd, Math.min(stat.size, maxBytes) + 1);
    if (buf.length > maxBytes) return fail('file-too-large', `the file grew past ${megabytes(maxBytes)} while being read; expected at most ${megabytes(maxBytes)}`);
    const binary = describeBinaryContent(buf);
    if (binary !== undefined) return fail('wrong-format', `this is ${binary}; expected ${options.expected ?? 'CSV text'}`);
    return success(buf.toString('utf8'));
  } catch (e) {
    return fail('missing-file', errnoMessage(e));
  } finally {
    fs.closeSync(fd);
  }
}
