import type { z } from 'zod';
import { lineColumnAt, locateJsonPath, scanJson } from '../catalog/json-locations';
import { describeJsonScanFailure } from './parse-json-text';
import { jsonPathOf, errorIssue } from '@ratecut/sim-core';
import { schemaIssueMessage } from '../catalog/schema-issue-message';
import { readTextFile } from '../formats/read-text-file';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';

/** A JSON file read and scanned: its text (without a byte-order mark), value, and where each value starts. */
export interface ScannedJson {
  readonly text: string;
  readonly value: unknown;
  /** Offset of every value's first character, by JSON path (see `scanJson`); `at` turns a path into a line and column. */
  readonly at: (keys: readonly PropertyKey[]) => { line: number; column: number };
}

/**
 * Reads and scans a JSON file, never throwing: the file problems of `readTextFile`, or one
 * `code` issue for a syntax error, a nesting deeper than `MAX_JSON_DEPTH` or a forbidden key,
 * at its line and column (worded by `describeJsonScanFailure`). The one path by which every
 * JSON file of the data loader (catalog, configs, scenarios, facts) is read.
 */
export function readScannedJson(file: string, code: Issue['code']): LoadResult<ScannedJson> {
  const read = readTextFile(file, { expected: 'JSON text' });
  if (!read.ok) return read;
  const text = read.value.replace(/^\ufeff/, '');
  const scan = scanJson(text);
  if (!scan.ok) {
    const { line, column, message } = describeJsonScanFailure(text, scan);
    return failure([errorIssue(code, file, message, { line, column })]);
  }
  const at = (keys: readonly PropertyKey[]) => lineColumnAt(text, locateJsonPath(scan.locations, keys, jsonPathOf));
  return success({ text, value: JSON.parse(text) as unknown, at });
}

/**
 * Reads a JSON file (configuration, scenario, facts) and checks it against a zod schema,
 * never throwing. Every problem becomes an issue naming the file:
 * - the file problems of `readTextFile` (`missing-file` for a missing path, a folder, a FIFO or
 *   a device, saying which; `file-too-large`; `wrong-format` for binary content);
 * - `code` for a syntax error (`malformed JSON: ...`, `truncated JSON ...`), for nesting deeper than
 *   `MAX_JSON_DEPTH`, and for a `__proto__`, `constructor` or `prototype` key (see `scanJson`),
 *   each at its line and column;
 * - `code` for each schema violation, naming its JSON path and what was expected, at the
 *   line and column of the offending value (or of its nearest enclosing value).
 * A UTF-8 byte-order mark is ignored.
 */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, code: Issue['code']): LoadResult<z.output<S>> {
  const read = readScannedJson(file, code);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.value.value, { error: schemaIssueMessage });
  if (parsed.success) return success(parsed.data);
  return failure(parsed.error.issues.map((issue) => errorIssue(code, file, `${jsonPathOf(issue.path) || '(root)'}: ${issue.message}`, { ...read.value.at(issue.path), jsonPath: jsonPathOf(issue.path) })));
}
