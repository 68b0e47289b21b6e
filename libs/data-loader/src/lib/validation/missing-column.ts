import type { DataIssue } from './data-issue';
import { errorIssue } from './make-issue';

/**
 * A `missing-column` error at the header line (no column number, since the column is not
 * there), listing the columns that were found so the name can be corrected.
 */
export function missingColumnIssue(file: string, headerLine: number, wanted: string, found: readonly string[], role = 'column'): DataIssue {
  const list = found.map((c) => JSON.stringify(c)).join(', ');
  return errorIssue('missing-column', file, `no ${role} named ${JSON.stringify(wanted)} in the header; columns found: ${list}`, {
    line: headerLine,
  });
}
