import { policyRateOn, type MarketData, type PolicyRateHistory, type Series } from '@ratecut/sim-core';
import type { Catalog } from '../catalog/catalog';
import { loadSeries } from '../catalog/load-series';
import { asOfJoin } from '../calendar/as-of-join';
import { loadReturnPair, type LoadedPair, type ReturnPairSource } from '../pairs/load-return-pair';
import type { DataIssue, LoadResult } from '../validation/data-issue';

/** Which rate idle cash earns: the effective fed funds rate (DFF) or the 3-month T-bill (DTB3). */
export type CashSource = 'fedfunds' | 'tbill';

/** Catalog ids of the cash sources. */
export const CASH_SERIES: Readonly<Record<CashSource, string>> = Object.freeze({ fedfunds: 'dff', tbill: 'tbill-3m-daily' });

export interface LoadedMarket {
  readonly data: MarketData;
  readonly pair: LoadedPair;
  readonly cash: Series;
  /** Catalog series ids read (for fingerprints in result files). */
  readonly seriesIds: readonly string[];
}

/**
 * Builds the engine's MarketData for a small/large pair: the pair's common days (see
 * loadReturnPair), the cash rate as-of joined onto them (the last observation on or before
 * each day; the run cannot start before the cash series does), and the policy rate in force
 * each day. `periodsPerYear` is 252 for daily pairs and 12 for monthly ones.
 */
export function loadMarketData(
  catalog: Catalog,
  pair: ReturnPairSource,
  cash: CashSource,
  policy: PolicyRateHistory,
): LoadResult<LoadedMarket> {
  const loadedPair = loadReturnPair(catalog, pair);
  const cashSeries = loadSeries(catalog, CASH_SERIES[cash]);
  const issues: DataIssue[] = [...(loadedPair.ok ? [] : loadedPair.issues), ...(cashSeries.ok ? [] : cashSeries.issues)];
  if (!loadedPair.ok || !cashSeries.ok) return { ok: false, issues };
  const { days, small, large } = loadedPair.value.data;
  const cashRate = asOfJoin(cashSeries.value, days);
  const first = cashRate.findIndex((r) => !Number.isNaN(r));
  if (first < 0) {
    return { ok: false, issues: [{ code: 'gap', severity: 'error', file: catalog.path, message: `cash series ${CASH_SERIES[cash]} has no observation within the pair's dates` }] };
  }
  // Trim the calendar to where the cash rate is known, so that no row has an undefined rate.
  const keep = (a: Float64Array | Int32Array) => a.slice(first);
  const d = keep(days) as Int32Array;
  const policyRate = new Float64Array(d.length);
  for (let i = 0; i < d.length; i += 1) policyRate[i] = policyRateOn(policy, d[i]);
  const monthly = loadedPair.value.small.frequency === 'monthly';
  return {
    ok: true,
    value: {
      data: {
        days: d,
        assets: ['small', 'large'],
        closes: [keep(small) as Float64Array, keep(large) as Float64Array],
        cashRate: keep(cashRate) as Float64Array,
        policyRate,
        periodsPerYear: monthly ? 12 : 252,
      },
      pair: loadedPair.value,
      cash: cashSeries.value,
      seriesIds: [pair.small, pair.large, CASH_SERIES[cash]],
    },
    warnings: [...loadedPair.warnings, ...cashSeries.warnings],
  };
}
