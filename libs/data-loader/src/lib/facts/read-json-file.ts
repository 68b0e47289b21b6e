import type { z } from 'zod';
import { lineColumnAt, locateJsonPath, scanJson } from '../catalog/json-locations';
import { describeJsonScanFailure } from '../json/parse-json-text';
import { formatJsonPath } from '../catalog/json-path';
import { schemaIssueMessage } from '../catalog/schema-issue-message';
import { readTextFile } from '../formats/read-text-file';
import type { DataIssue, LoadResult } from '../validation/data-issue';
import { failure, success } from '../validation/load-result';
import { errorIssue } from '../validation/make-issue';

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
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, code: DataIssue['code']): LoadResult<z.output<S>> {
  const read = readTextFile(file, { expected: 'JSON text' });
  if (!read.ok) return read;
  const text = read.value.replace(/^\ufeff/, '');
  const scan = scanJson(text);
  if (!scan.ok) {
    const { line, column, message } = describeJsonScanFailure(text, scan);
    return failure([errorIssue(code, file, message, { line, column })]);
  }
  const json: unknown = JSON.parse(text);
  const parsed = schema.safeParse(json, { error: schemaIssueMessage });
  if (parsed.success) return success(parsed.data);
  return failure(
    parsed.error.issues.map((issue) => {
      const at = lineColumnAt(text, locateJsonPath(scan.locations, issue.path, formatJsonPath));
      return errorIssue(code, file, `${formatJsonPath(issue.path) || '(root)'}: ${issue.message}`, at);
    }),
  );
}
