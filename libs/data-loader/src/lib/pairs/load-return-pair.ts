import { describeGap, issuesWithin, wealthIndex, type AlignedPair, type Series, type SeriesFrequency, makeIssue } from '@ratecut/sim-core';
import type { Catalog } from '../catalog/catalog';
import { loadSeries } from '../catalog/load-series';
import { alignOnCommonDays } from '../calendar/align-on-common-days';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { findGapSpans } from '../validation/find-gaps';
import { defaultGapDays } from '../validation/gap-threshold';
import { pairReturnBasis } from './pair-return-basis';

/** A small-cap / large-cap pair of catalog series. */
export interface ReturnPairSource {
  readonly small: string;
  readonly large: string;
}

/** The pair's levels on common days, with the loaded series' facts (titles, units, total return). */
export interface LoadedPair {
  /** Levels on the common days, with the gaps of the common calendar (see {@link loadReturnPair}). */
  readonly data: AlignedPair;
  readonly small: Series['meta'];
  readonly large: Series['meta'];
  /** What the returns include, from the catalog's `totalReturn` flags (see `pairReturnBasis`). */
  readonly returnBasis: string;
}

/** Levels of a series: prices as they are; per-period returns compounded into a wealth index (1 before the first period). */
function levels(series: Series): Float64Array {
  return series.meta.kind === 'return' ? wealthIndex(series.values) : series.values;
}

/** The coarser of two sampling frequencies, whose gap threshold applies to the common calendar. */
function coarser(a: SeriesFrequency, b: SeriesFrequency): SeriesFrequency {
  const order: SeriesFrequency[] = ['daily-calendar', 'daily', 'monthly', 'irregular'];
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}

/**
 * Loads two series and aligns them on the days both have. Price series (index or adjusted
 * close) are used as levels; return series (e.g. Fama-French monthly returns, as decimals) are
 * compounded into wealth indices first, each from its own first observation, then aligned.
 *
 * The common calendar's gaps (consecutive common days further apart than `defaultGapDays` of
 * the coarser frequency: 10 calendar days for daily pairs, 31 for monthly ones) are kept in
 * `data.gaps`, so that no return is measured across them, and each is a warning. The return
 * basis comes from the catalog; a mixed pair (one total-return leg) is a warning too.
 */
export function loadReturnPair(catalog: Catalog, source: ReturnPairSource): LoadResult<LoadedPair> {
  const small = loadSeries(catalog, source.small);
  const large = loadSeries(catalog, source.large);
  const issues: Issue[] = [...(small.ok ? [] : small.issues), ...(large.ok ? [] : large.issues)];
  if (!small.ok || !large.ok) return { ok: false, issues };
  const s = { ...small.value, values: levels(small.value) };
  const l = { ...large.value, values: levels(large.value) };
  const aligned = alignOnCommonDays([s, l]);
  const threshold = defaultGapDays(coarser(small.value.meta.frequency, large.value.meta.frequency));
  const gaps = findGapSpans(aligned.days, threshold);
  const basis = pairReturnBasis(small.value.meta, large.value.meta);
  const pairName = `${source.small} vs ${source.large}`;
  // A leg's own warnings only where the pair has data: a gap in 1933 in one leg's history says
  // nothing about a pair whose common days start in 1987.
  const first = aligned.days[0], last = aligned.days[aligned.days.length - 1];
  const warnings: Issue[] = aligned.days.length === 0 ? [...small.warnings, ...large.warnings] : issuesWithin([...small.warnings, ...large.warnings], first, last);
  for (const gap of gaps) {
    warnings.push(makeIssue('gap', 'warning', catalog.path, `pair ${pairName}: no common observation from ${describeGap(gap)}, more than ${threshold} days; no return is measured across it`));
  }
  if (basis.mixed) warnings.push(makeIssue('bad-catalog', 'warning', catalog.path, `pair ${pairName}: ${basis.text}`));
  return {
    ok: true,
    value: {
      data: { days: aligned.days, small: aligned.values[0], large: aligned.values[1], gaps },
      small: small.value.meta,
      large: large.value.meta,
      returnBasis: basis.text,
    },
    warnings,
  };
}
