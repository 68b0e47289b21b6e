import { errorIssue } from '@ratecut/sim-core';
import type { Issue } from '@ratecut/sim-core';
import { quoteExcerpt, quoteExcerpts } from './excerpt';

/**
 * A `missing-column` error at the header line (no column number, since the column is not
 * there), listing the columns that were found so the name can be corrected.
 */
export function missingColumnIssue(file: string, headerLine: number, wanted: string, found: readonly string[], role = 'column'): Issue {
  return errorIssue('missing-column', file, `no ${role} named ${quoteExcerpt(wanted)} in the header; columns found: ${quoteExcerpts(found)}`, {
    line: headerLine,
  });
}
