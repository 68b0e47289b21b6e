import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeFileType, readScannedJson, readTextFile } from '@ratecut/data-loader';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { checkResultDocument } from './check-result-document';
import { checkSweepText } from './check-sweep-text';
import { describeResultKinds, type JsonResultKind, type ReadableResultKind, type ResultDocument, type ResultFileOf } from './result-file';

/** A stat failure other than a missing path, in words with what to do. */
function unreadableMessage(code: string | undefined): string {
  switch (code) {
    case 'EACCES': case 'EPERM': return 'permission denied (EACCES); check the file\'s permissions';
    case 'ENOTDIR': return 'a part of the path is a file, not a folder (ENOTDIR); check the path';
    case 'ELOOP': return 'too many levels of symbolic links (ELOOP); check the path';
    case 'ENAMETOOLONG': return 'the path is too long (ENAMETOOLONG); check the path';
    default: return `the file cannot be read (${code ?? 'unknown error'}); check the path and the file's permissions`;
  }
}

/**
 * The file checks every result reader makes before reading (`file` as given, resolved against
 * `cwd`): `missing-file` for a path that does not exist, `not-a-file` for a folder, FIFO, socket
 * or device, `unreadable` when the path cannot be looked at (permissions, a file used as a
 * folder). Null for a regular file.
 */
function fileIssue(file: string, path: string, kinds: readonly ReadableResultKind[]): Issue | null {
  const issue = (code: Issue['code'], message: string): Issue => ({ code, severity: 'error', file, message });
  try {
    const st = statSync(path);
    return st.isFile() ? null : issue('not-a-file', `is ${describeFileType(st)}; name a file`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return issue('missing-file', `file not found; name ${describeResultKinds(kinds)}`);
    return issue('unreadable', unreadableMessage(code));
  }
}

/**
 * The data loader's reading problems for a file that exists and is a regular file, named as
 * given: its `missing-file` then means the file could not be opened or read (`unreadable`).
 */
const asReadIssues = (file: string, issues: readonly Issue[]): Issue[] =>
  issues.map((i) => ({ ...i, file, code: i.code === 'missing-file' ? 'unreadable' : i.code }));

/** Whether text read from `file` is a sweep table rather than JSON: not an object, and a `#` header or a `.csv` name. */
function looksLikeSweepTable(file: string, text: string): boolean {
  const start = text.replace(/^\ufeff/, '').trimStart();
  return !start.startsWith('{') && (start.startsWith('#') || /\.csv$/i.test(file));
}

/**
 * Reads one JSON result file named on the command line with the data loader's JSON reader: the
 * parsed document and where each of its values is, or its problems (see {@link readResultFile}).
 */
export function readResultDocument(file: string, cwd: string, kinds: readonly ReadableResultKind[] = ['backtest', 'simulate']): LoadResult<ResultDocument> {
  const path = resolve(cwd, file);
  const notReadable = fileIssue(file, path, kinds);
  if (notReadable !== null) return { ok: false, issues: [notReadable] };
  const read = readScannedJson(path, 'bad-json');
  if (!read.ok) return { ok: false, issues: asReadIssues(file, read.issues) };
  return { ok: true, value: { file, value: read.value.value, locate: read.value.at }, warnings: read.warnings };
}

/**
 * Reads one result file named on the command line (`file` as given, resolved against `cwd`) as
 * one of the `kinds` the caller reads, never throwing. Every problem is an issue naming the file
 * as given:
 * - `missing-file`, `not-a-file` (a folder, FIFO, socket or device) or `unreadable`;
 * - the data loader's `file-too-large`, and `wrong-format` for binary content;
 * - for JSON (a leading byte-order mark ignored): `bad-json` at the line and column of a syntax
 *   error (`malformed JSON ...`, `truncated JSON ...`), then the checks of
 *   `checkResultDocument` (the schema-version rule for `kinds`, the kind's full schema, each
 *   `bad-result` at its value's line and column with its JSON path);
 * - when `kinds` has `sweep`: a text that is not a JSON object but has a `#` header line or a
 *   `.csv` name is read as a `ratecut.sweep/2` table (see `checkSweepText`); any other text is
 *   `not-a-result`.
 */
export function readResultFile<K extends ReadableResultKind>(file: string, cwd: string, kinds: readonly K[]): LoadResult<ResultFileOf<K>> {
  const jsonKinds = kinds.filter((k): k is K & JsonResultKind => k !== 'sweep');
  if (kinds.includes('sweep' as K)) {
    const path = resolve(cwd, file);
    const notReadable = fileIssue(file, path, kinds);
    if (notReadable !== null) return { ok: false, issues: [notReadable] };
    const text = readTextFile(path, { expected: 'a result file (JSON or CSV text)' });
    if (!text.ok) return { ok: false, issues: asReadIssues(file, text.issues) };
    if (looksLikeSweepTable(file, text.value)) return checkSweepText(file, text.value.replace(/^\ufeff/, '')) as LoadResult<ResultFileOf<K>>;
    if (!text.value.replace(/^\ufeff/, '').trimStart().startsWith('{')) {
      return { ok: false, issues: [{ code: 'not-a-result', severity: 'error', file, message: `not a ratecut result file (neither a JSON object nor a table with a "#" header; expected ${describeResultKinds(kinds)})` }] };
    }
  }
  const read = readResultDocument(file, cwd, kinds);
  if (!read.ok) return read;
  return checkResultDocument(read.value, jsonKinds) as LoadResult<ResultFileOf<K>>;
}
