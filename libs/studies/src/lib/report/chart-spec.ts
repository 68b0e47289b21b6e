/** What every report chart shares: the spec type, the Vega-Lite schema, rounding and date search. */
/** A Vega-Lite specification as plain JSON (built here, rendered by the inlined Vega runtime). */
export type VegaLiteSpec = Record<string, unknown>;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const DAYS_PER_MONTH = 365.25 / 12;

/** Rounds to `digits` decimals; NaN and infinities become null (JSON has no NaN). */
export function round(x: number | null | undefined, digits: number): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

/** First index with `dates[i] >= d` (ISO dates compare as strings). */
export function lowerBound(dates: readonly string[], d: string): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] < d) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** First index with `dates[i] > d`. */
export function upperBound(dates: readonly string[], d: string): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] <= d) lo = mid + 1; else hi = mid;
  }
  return lo;
}

