import { wealthIndex, type AlignedPair, type Series } from '@ratecut/sim-core';
import type { Catalog } from '../catalog/catalog';
import { loadSeries } from '../catalog/load-series';
import { alignOnCommonDays } from '../calendar/align-on-common-days';
import type { DataIssue, LoadResult } from '../validation/data-issue';

/** A small-cap / large-cap pair of catalog series. */
export interface ReturnPairSource {
  readonly small: string;
  readonly large: string;
}

/** The pair's levels on common days, with the loaded series' facts (titles, units, total return). */
export interface LoadedPair {
  readonly data: AlignedPair;
  readonly small: Series['meta'];
  readonly large: Series['meta'];
}

/** Levels of a series: prices as they are; per-period returns compounded into a wealth index (1 before the first period). */
function levels(series: Series): Float64Array {
  return series.meta.kind === 'return' ? wealthIndex(series.values) : series.values;
}

/**
 * Loads two series and aligns them on the days both have. Price series (index or adjusted
 * close) are used as levels; return series (e.g. Fama-French monthly returns, as decimals) are
 * compounded into wealth indices first, each from its own first observation, then aligned.
 */
export function loadReturnPair(catalog: Catalog, source: ReturnPairSource): LoadResult<LoadedPair> {
  const small = loadSeries(catalog, source.small);
  const large = loadSeries(catalog, source.large);
  const issues: DataIssue[] = [...(small.ok ? [] : small.issues), ...(large.ok ? [] : large.issues)];
  if (!small.ok || !large.ok) return { ok: false, issues };
  const s = { ...small.value, values: levels(small.value) };
  const l = { ...large.value, values: levels(large.value) };
  const aligned = alignOnCommonDays([s, l]);
  return {
    ok: true,
    value: { data: { days: aligned.days, small: aligned.values[0], large: aligned.values[1] }, small: small.value.meta, large: large.value.meta },
    warnings: [...small.warnings, ...large.warnings],
  };
}
