import { YAHOO_HEADER } from '../formats/read-yahoo-csv';
import { quoteExcerpt } from '../validation/excerpt';
import { describeReply, FetchError } from './fetch-error';
import { lastCsvDate, nextIsoDay } from './fred-download';
import { httpGet, type RetryPolicy } from './http-get';

/** URL of Yahoo's chart JSON API for daily bars of `symbol` from `period1` to `period2` (Unix seconds). */
export function yahooChartUrl(baseUrl: string, symbol: string, period1: number, period2: number): string {
  const q = new URLSearchParams({ period1: String(period1), period2: String(period2), interval: '1d', events: 'div,split' });
  return `${baseUrl}/v8/finance/chart/${encodeURIComponent(symbol)}?${q.toString()}`;
}

/** Parsed daily bars of a chart reply, plus whether it reported dividends or splits. */
export interface YahooBars {
  /** CSV lines `Date,Open,High,Low,Close,Adj Close,Volume` without header, oldest first. */
  readonly lines: readonly string[];
  readonly hasCorporateActions: boolean;
}

type Nums = readonly (number | null)[] | undefined;

function cell(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'null' : String(v);
}

/**
 * Converts Yahoo's chart JSON (`chart.result[0]`: `timestamp`, `indicators.quote[0]`,
 * `indicators.adjclose[0]`, `meta.gmtoffset`) into Yahoo CSV lines; the date of a bar is its
 * timestamp in the exchange's time zone. Bars without a close are dropped. Anything else than that
 * shape throws a {@link FetchError} naming `symbol`.
 */
export function parseYahooChart(text: string, symbol: string): YahooBars {
  const source = `Yahoo ${symbol}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FetchError(source, `expected chart JSON, got ${describeReply(text)}`);
  }
  const chart = (json as { chart?: { result?: unknown; error?: { description?: string } | null } } | null)?.chart;
  if (chart?.error) throw new FetchError(source, `Yahoo reported an error: ${quoteExcerpt(chart.error.description ?? JSON.stringify(chart.error), 120)}`);
  const result = Array.isArray(chart?.result) ? (chart.result[0] as Record<string, unknown> | undefined) : undefined;
  if (result === undefined) throw new FetchError(source, 'expected chart JSON with "chart.result[0]", got none');
  const timestamps = (result['timestamp'] ?? []) as Nums;
  const indicators = result['indicators'] as { quote?: Record<string, Nums>[]; adjclose?: { adjclose?: Nums }[] } | undefined;
  const quote = indicators?.quote?.[0];
  if (!Array.isArray(timestamps) || quote === undefined || !Array.isArray(quote['close'])) {
    throw new FetchError(source, 'expected chart JSON with "timestamp" and "indicators.quote[0].close", missing');
  }
  const meta = result['meta'] as { gmtoffset?: number } | undefined;
  const offset = typeof meta?.gmtoffset === 'number' ? meta.gmtoffset : 0;
  const adj = indicators?.adjclose?.[0]?.adjclose;
  const lines: string[] = [];
  let lastDate = '';
  timestamps.forEach((ts, i) => {
    const close = quote['close']?.[i];
    if (ts === null || close === null || close === undefined) return;
    const date = new Date((ts + offset) * 1000).toISOString().slice(0, 10);
    if (date === lastDate) lines.pop();
    lastDate = date;
    lines.push([date, cell(quote['open']?.[i]), cell(quote['high']?.[i]), cell(quote['low']?.[i]), cell(close), cell(adj?.[i] ?? close), cell(quote['volume']?.[i])].join(','));
  });
  const events = result['events'] as { dividends?: object; splits?: object } | undefined;
  const hasCorporateActions = Object.keys(events?.dividends ?? {}).length > 0 || Object.keys(events?.splits ?? {}).length > 0;
  return { lines, hasCorporateActions };
}

/** Unix seconds of an ISO day at 00:00 UTC. */
function unixDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 1000);
}

/**
 * Downloads the daily history of `symbol` as a Yahoo CSV text. With `existing`, asks only for bars
 * after its last date (`period1`) and appends them; when the new bars bring a dividend or split,
 * `Adj Close` of older rows changes, so the whole history is downloaded again instead.
 */
export async function downloadYahooCsv(baseUrl: string, symbol: string, existing: string | undefined, policy: RetryPolicy, now: Date): Promise<string> {
  const period2 = Math.floor(now.getTime() / 1000);
  const header = YAHOO_HEADER.join(',');
  const get = async (period1: number): Promise<YahooBars> => {
    const bytes = await httpGet(yahooChartUrl(baseUrl, symbol, period1, period2), `Yahoo ${symbol}`, policy);
    return parseYahooChart(new TextDecoder().decode(bytes), symbol);
  };
  const last = existing === undefined ? undefined : lastCsvDate(existing);
  if (existing !== undefined && last !== undefined && existing.startsWith(header)) {
    const bars = await get(unixDay(nextIsoDay(last)));
    if (!bars.hasCorporateActions) {
      const fresh = bars.lines.filter((l) => (l.split(',')[0] ?? '') > last);
      const base = existing.endsWith('\n') ? existing : `${existing}\n`;
      return fresh.length === 0 ? base : `${base}${fresh.join('\n')}\n`;
    }
  }
  const full = await get(-2208988800); // 1900-01-01
  if (full.lines.length === 0) throw new FetchError(`Yahoo ${symbol}`, 'expected daily bars, got none');
  return `${header}\n${full.lines.join('\n')}\n`;
}
