import { readFredCsv } from '../formats/read-fred-csv';
import { quoteExcerpt } from '../validation/excerpt';
import { describeReply, FetchError } from './fetch-error';
import { httpGet, type RetryPolicy } from './http-get';

/** URL of FRED's CSV download of `seriesId`, from `cosd` (YYYY-MM-DD) when given. */
function fredCsvUrl(baseUrl: string, seriesId: string, cosd?: string): string {
  const q = new URLSearchParams({ id: seriesId });
  if (cosd !== undefined) q.set('cosd', cosd);
  return `${baseUrl}/graph/fredgraph.csv?${q.toString()}`;
}

/** Data lines (date, rest) of a FRED CSV text after its header. */
function dataLines(text: string): { header: string; lines: string[] } {
  const all = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return { header: all[0] ?? '', lines: all.slice(1) };
}

/** Last date (first cell of the last data line) of a CSV text, or undefined when it has no rows. */
export function lastCsvDate(text: string): string | undefined {
  const { lines } = dataLines(text);
  const last = lines[lines.length - 1];
  return last === undefined ? undefined : last.split(',')[0]?.replace(/"/g, '').trim();
}

/** The ISO day after `iso` (YYYY-MM-DD). */
export function nextIsoDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Checks that `text` is FRED's CSV download of `seriesId` (a date column, then a column named by
 * the series id); throws a {@link FetchError} saying what was expected otherwise.
 */
function checkFredCsv(text: string, seriesId: string): void {
  const source = `FRED ${seriesId}`;
  const read = readFredCsv(text, `${seriesId}.csv`);
  if (!read.ok || read.value.header[1] !== seriesId) {
    throw new FetchError(source, `expected a CSV with header "observation_date,${seriesId}", got ${describeReply(text)}`);
  }
  for (const row of read.value.rows) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.cells[0] ?? '')) {
      throw new FetchError(source, `expected YYYY-MM-DD dates, found ${quoteExcerpt(row.cells[0] ?? '')} on line ${row.line}`);
    }
  }
}

/**
 * Downloads FRED series `seriesId` as CSV. With `existing` (a previous download), only dates after
 * its last date are requested (`cosd=`) and appended to it; the result is the whole file text.
 */
export async function downloadFredCsv(baseUrl: string, seriesId: string, existing: string | undefined, policy: RetryPolicy): Promise<string> {
  const last = existing === undefined ? undefined : lastCsvDate(existing);
  const url = fredCsvUrl(baseUrl, seriesId, last === undefined ? undefined : nextIsoDay(last));
  const text = new TextDecoder().decode(await httpGet(url, `FRED ${seriesId}`, policy));
  checkFredCsv(text, seriesId);
  if (existing === undefined || last === undefined) return text.endsWith('\n') ? text : `${text}\n`;
  const fresh = dataLines(text).lines.filter((l) => (l.split(',')[0] ?? '') > last);
  const base = existing.endsWith('\n') ? existing : `${existing}\n`;
  return fresh.length === 0 ? base : `${base}${fresh.join('\n')}\n`;
}
