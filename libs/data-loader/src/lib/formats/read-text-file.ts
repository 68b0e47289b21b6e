import { errorIssue } from '@ratecut/sim-core';
import * as fs from 'node:fs';
import { isInsideFolder, outsideDataFolderMessage, ALLOW_OUTSIDE_HOW, realPathOf } from '../source/data-folder';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { escapeText } from '../validation/excerpt';
import { failure, success } from '../validation/load-result';
import { describeBinaryContent } from './binary-content';

/**
 * Largest data (CSV) file, in bytes, that {@link readDataFile} reads by default: 2 GiB. Data
 * files are streamed in chunks of {@link READ_CHUNK_BYTES} and only the date and the requested
 * columns of each row are kept, as numbers, so memory grows with the rows kept (about 20 bytes
 * a row for one column, plus 8 per further column), not with the file: a 200 MB CSV of 2.6
 * million rows loads in 0.36 GB peak RSS, Node and ts-node included (2.9 GB when it was read
 * whole). The bound keeps a mistaken path (a disk image, a log) from being read for minutes;
 * larger files are refused with `file-too-large` before anything is read. The largest file in the real data set is about 2 MB.
 */
export const MAX_DATA_FILE_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Largest text file, in bytes, that {@link readTextFile} reads by default: 32 MiB. It reads a
 * file whole (JSON catalogs and fact files, a few kB each), so it keeps the bound low.
 */
export const MAX_TEXT_FILE_BYTES = 32 * 1024 * 1024;

/** Bytes {@link readDataFile} reads at a time: 1 MiB, more than the bytes `describeBinaryContent` inspects. */
export const READ_CHUNK_BYTES = 1024 * 1024;

/** Options of {@link readTextFile}. */
export interface ReadTextFileOptions {
  /**
   * Real path (see `realPathOf`) of a folder the file must lie in once every symbolic link is
   * followed; outside it the file is not read and the result is `outside-data-folder`.
   */
  readonly confineTo?: string | undefined;
  /** Largest size in bytes to read; default {@link MAX_DATA_FILE_BYTES} ({@link readDataFile}) or {@link MAX_TEXT_FILE_BYTES} ({@link readTextFile}). */
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

/** A read that failed after the file was opened and checked; carries the issue to report. */
class ReadFailure extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
  }
}

/** Reads into `buf` from byte `position` until it is full or the file ends; returns the bytes read. */
function readAt(fd: number, buf: Buffer, position: number): number {
  let done = 0;
  while (done < buf.length) {
    const n = fs.readSync(fd, buf, done, buf.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/**
 * Reads a data file in chunks, never throwing, and never holding more than one chunk of it: it
 * checks the file, then calls `use` with a function that reads the file from its first byte,
 * one chunk of {@link READ_CHUNK_BYTES} at a time (each chunk a new buffer; `use` may read the
 * file more than once, always the very file checked). Before `use` runs, each failure being one
 * issue:
 * - `outside-data-folder`: `confineTo` is given and the file, symbolic links followed, is not
 *   inside it; checked before the file is looked at, and again on the very file opened (same
 *   device and inode), so a link swapped in between is caught too;
 * - `missing-file`: the path does not exist, cannot be opened (permission, a file used as a
 *   folder), or is not a regular file, saying what it is (a folder, a named pipe, a device such
 *   as /dev/zero, a socket). The type is checked before opening and again on the open file
 *   (opened non-blocking, so a FIFO can never hang the read);
 * - `file-too-large`: larger than `maxBytes` (default {@link MAX_DATA_FILE_BYTES});
 * - `wrong-format`: binary content (see `describeBinaryContent`, on the first chunk): a zip or
 *   gzip file, a NUL byte, mostly invalid UTF-8.
 * While `use` reads: `file-too-large` when the file grows past `maxBytes`, `missing-file` when a
 * read fails. A UTF-8 byte-order mark is kept (the CSV parser removes it).
 */
export function readDataFile<T>(file: string, options: ReadTextFileOptions, use: (chunks: () => Iterable<Buffer>) => LoadResult<T>): LoadResult<T> {
  const maxBytes = options.maxBytes ?? MAX_DATA_FILE_BYTES;
  const opened = openCheckedFile(file, options, maxBytes);
  if (!opened.ok) return opened;
  const fd = opened.value;
  const chunks = function* (): Generator<Buffer> {
    let position = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      let n: number;
      try {
        n = readAt(fd, buf, position);
      } catch (e) {
        throw new ReadFailure(errorIssue('missing-file', file, errnoMessage(e)));
      }
      if (n === 0) return;
      position += n;
      if (position > maxBytes) {
        throw new ReadFailure(errorIssue('file-too-large', file, `the file grew past ${megabytes(maxBytes)} while being read; expected at most ${megabytes(maxBytes)}`));
      }
      yield buf.subarray(0, n);
    }
  };
  try {
    return use(chunks);
  } catch (e) {
    if (e instanceof ReadFailure) return failure([e.issue]);
    throw e;
  } finally {
    fs.closeSync(fd);
  }
}

/** The checks of {@link readDataFile} before any use: an open descriptor of the file, or the issue (nothing left open). */
function openCheckedFile(file: string, options: ReadTextFileOptions, maxBytes: number): LoadResult<number> {
  const fail = (code: Issue['code'], message: string) => failure<number>([errorIssue(code, file, message)]);
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
  const checked = ((): LoadResult<number> => {
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
    if (stat.size > maxBytes) {
      return fail('file-too-large', `the file is ${megabytes(stat.size)}; expected at most ${megabytes(maxBytes)}; keep only the dates and columns you need, or split the file`);
    }
    const head = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    const binary = describeBinaryContent(head.subarray(0, readAt(fd, head, 0)));
    if (binary !== undefined) return fail('wrong-format', `this is ${binary}; expected ${options.expected ?? 'CSV text'}`);
    return success(fd);
  });
  let result: LoadResult<number>;
  try {
    result = checked();
  } catch (e) {
    result = fail('missing-file', errnoMessage(e));
  }
  if (!result.ok) fs.closeSync(fd);
  return result;
}

/**
 * Reads a whole file as UTF-8 text, never throwing, with the checks and issues of
 * {@link readDataFile} (default bound {@link MAX_TEXT_FILE_BYTES}). For JSON and other small
 * files; data files are streamed instead (see `readTableColumns`).
 */
export function readTextFile(file: string, options: ReadTextFileOptions = {}): LoadResult<string> {
  return readDataFile(file, { ...options, maxBytes: options.maxBytes ?? MAX_TEXT_FILE_BYTES }, (chunks) => {
    const parts: Buffer[] = [];
    for (const chunk of chunks()) parts.push(chunk);
    return success(Buffer.concat(parts).toString('utf8'));
  });
}
