import { daysInMonth, formatDay, makeSeries, ymdFromDay, type DayNumber, type Series } from '@ratecut/sim-core';
import type { Catalog } from '../catalog/catalog';
import { loadSeries } from '../catalog/load-series';
import { resolveSeriesId } from '../catalog/series-id';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { defaultGapDays } from '../validation/gap-threshold';

/** Which rate idle cash earns: the effective fed funds rate (DFF) or the 3-month T-bill (DTB3). */
export type CashSource = 'fedfunds' | 'tbill';

/** Catalog ids of the cash sources (the series used wherever it has data). */
export const CASH_SERIES: Readonly<Record<CashSource, string>> = Object.freeze({ fedfunds: 'dff', tbill: 'tbill-3m-daily' });

/** Catalog id of the Fama-French risk-free rate (RF column of the monthly factors file). */
export const FF_RISK_FREE_SERIES = 'ff-factors-monthly:RF';

/**
 * Each cash source and the older series that stand in for it before it begins, oldest first:
 * the fed funds rate falls back on the Fama-French RF (before DFF's 1954-07-01); the T-bill on
 * the monthly T-bill average TB3MS (before DTB3's 2000-01-03) and before that on RF. A stand-in
 * missing from the catalog is skipped.
 */
export const CASH_FALLBACKS: Readonly<Record<CashSource, readonly string[]>> = Object.freeze({
  fedfunds: [FF_RISK_FREE_SERIES],
  tbill: [FF_RISK_FREE_SERIES, 'tbill-3m-monthly'],
});

/** The stretch of days on which one series supplies the cash rate. */
export interface CashSegment {
  readonly seriesId: string;
  /** What the series is and how it is used, for the conventions of result files. */
  readonly description: string;
  /** First and last day (inclusive) for which an observation of this series is the one in force. */
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** Longest carry-forward, in calendar days after an observation (`defaultGapDays` of its frequency). */
  readonly maxAgeDays: number;
}

/** A cash rate spliced from one or more series: annual decimals, ACT/360, as known on each day. */
export interface SplicedCashRate {
  /** Observations in date order, decimal per year; `maxAgeDays[i]` is how long observation `i` may be carried forward. */
  readonly rate: Series;
  readonly maxAgeDays: Float64Array;
  /** The series used, oldest first, with the days each covers. */
  readonly segments: readonly CashSegment[];
  /** Catalog ids read. */
  readonly seriesIds: readonly string[];
}

/** How each known series is described in conventions. */
function describe(id: string, meta: Series['meta']): string {
  switch (id) {
    case 'dff':
      return 'the effective fed funds rate (DFF)';
    case 'tbill-3m-daily':
      return 'the 3-month T-bill rate (DTB3)';
    case 'tbill-3m-monthly':
      return 'the monthly average of the 3-month T-bill rate (TB3MS), used from the last day of its month (when the average is known)';
    case FF_RISK_FREE_SERIES:
      return 'the Fama-French risk-free rate (RF: the one-month T-bill return of each month, percent per month in the file, known at the start of the month), ' +
        'as the rate per year RF × 360 / days in the month from the last day of the month before, so that ACT/360 accrual over the month earns RF';
    default:
      return meta.title;
  }
}

/**
 * The Fama-French RF (decimal per month, labelled at the end of its month) as annual rates:
 * month m's RF is the return of a one-month bill bought at the end of month m − 1, so it is
 * known then; it becomes the rate RF × 360 / (days in m) dated at the end of month m − 1.
 */
function riskFreeAsAnnualRate(rf: Series): Series {
  const days = new Int32Array(rf.days.length);
  const values = new Float64Array(rf.days.length);
  for (let i = 0; i < rf.days.length; i += 1) {
    const [y, m] = ymdFromDay(rf.days[i]);
    const n = daysInMonth(y, m);
    days[i] = rf.days[i] - n; // labelled at the month's last day, so this is the last day of the month before
    values[i] = (rf.values[i] * 360) / n;
  }
  return makeSeries({ ...rf.meta, kind: 'rate', unit: 'decimal per year' }, days, values);
}

/**
 * Loads the cash rate for `source`: its own series, and before that series begins the
 * stand-ins of {@link CASH_FALLBACKS} that the catalog has, each used only before the next
 * one's first observation. Every observation may be carried forward at most `defaultGapDays`
 * of its series' frequency (10 calendar days for a business-day series, 4 for an every-day
 * series, 31 for a monthly one); later days have no cash rate (see `asOfJoin`).
 */
export function loadCashRate(catalog: Catalog, source: CashSource): LoadResult<SplicedCashRate> {
  const ids = [...CASH_FALLBACKS[source].filter((id) => resolveSeriesId(catalog, id).ok), CASH_SERIES[source]];
  const loaded = ids.map((id) => ({ id, result: loadSeries(catalog, id) }));
  const issues: Issue[] = loaded.flatMap(({ result: r }) => (r.ok ? [] : r.issues));
  if (issues.length > 0) return { ok: false, issues };
  const warnings: Issue[] = [];
  const parts = loaded.map(({ id, result }) => {
    if (!result.ok) throw new Error('unreachable');
    warnings.push(...result.warnings);
    const series = id === FF_RISK_FREE_SERIES ? riskFreeAsAnnualRate(result.value) : result.value;
    return { id, series, maxAge: defaultGapDays(result.value.meta.frequency) };
  });
  // Newest source first: each older one is cut at the first day of the one after it.
  const chunks: { d: number[]; v: number[]; maxAge: number }[] = [];
  const segments: CashSegment[] = [];
  let until = Infinity;
  for (let p = parts.length - 1; p >= 0; p -= 1) {
    const { id, series, maxAge } = parts[p];
    const d: number[] = [], v: number[] = [];
    for (let i = 0; i < series.days.length && series.days[i] < until; i += 1) {
      d.push(series.days[i]);
      v.push(series.values[i]);
    }
    if (d.length === 0) continue;
    const to = until === Infinity ? d[d.length - 1] + maxAge : until - 1;
    segments.unshift({ seriesId: id, description: describe(id, series.meta), from: d[0], to, maxAgeDays: maxAge });
    chunks.unshift({ d, v, maxAge });
    until = d[0];
  }
  const days = chunks.flatMap((c) => c.d), values = chunks.flatMap((c) => c.v);
  const ages = chunks.flatMap((c) => c.d.map(() => c.maxAge));
  const primary = parts[parts.length - 1].series;
  const rate = makeSeries({ ...primary.meta, id: `cash:${source}` }, Int32Array.from(days), Float64Array.from(values));
  return { ok: true, value: { rate, maxAgeDays: Float64Array.from(ages), segments, seriesIds: ids }, warnings };
}

/**
 * The cash convention in words for the days `[first, last]` of a run: the series in force, and
 * each stand-in with the dates it covers. Segments outside the run are not mentioned.
 */
export function describeCashRate(segments: readonly CashSegment[], first: DayNumber, last: DayNumber): string {
  const used = segments.filter((s) => s.to >= first && s.from <= last);
  if (used.length === 0) return 'no cash rate';
  const newest = used[used.length - 1];
  const before = used.slice(0, -1).reverse().map((s) => `before ${formatDay(used[used.indexOf(s) + 1].from)} ${s.description}`);
  return [newest.description, ...before].join('; ');
}
