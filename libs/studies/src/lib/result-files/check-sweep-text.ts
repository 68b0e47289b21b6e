import { parseSweepTable } from '@ratecut/contracts';
import type { LoadResult } from '@ratecut/sim-core';
import type { ResultFileOf } from './result-file';

/**
 * Reads the text of a `ratecut.sweep/2` table from `file` with the contracts reader
 * (`parseSweepTable`): the table, or every problem it found as an issue naming the file, at the
 * line and column it gives: `not-a-result`, `old-schema`, `newer-schema` for the `#` header's
 * schema, `bad-result` for a header field or a line that is not a row of the table (the
 * contracts reader's `bad-csv`), `bad-number` for a cell.
 */
export function checkSweepText(file: string, text: string): LoadResult<ResultFileOf<'sweep'>> {
  const read = parseSweepTable(text);
  if (!read.ok) {
    return {
      ok: false,
      issues: read.problems.map((p) => ({
        code: p.code === 'bad-csv' ? 'bad-result' : p.code,
        severity: 'error',
        file,
        ...(p.line === undefined ? {} : { line: p.line }),
        ...(p.column === undefined ? {} : { column: p.column }),
        message: p.message,
      })),
    };
  }
  return { ok: true, value: { kind: 'sweep', file, schema: read.table.header.schema, table: read.table }, warnings: [] };
}
