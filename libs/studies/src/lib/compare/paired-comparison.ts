import type { BacktestResultJson, IntervalJson, PairedComparisonJson } from '@ratecut/contracts';
import { formatDay, pairedBootstrapDifference, pairedReturns, parseIsoDay, type DifferenceInterval } from '@ratecut/sim-core';
import { finiteOrNull as fin, type StrategyEntry } from './compare-entries';

/** Seed and resamples of the bootstrap intervals of a comparison. */
export interface BootstrapOptions {
  /** Seed of the bootstrap's generator (whole number 0 to 2^32 − 1). */
  readonly seed: number;
  /** Bootstrap resamples (whole number >= 1). */
  readonly resamples: number;
}

const interval = (d: DifferenceInterval): IntervalJson => ({ estimate: fin(d.estimate), lower: fin(d.lower), upper: fin(d.upper) });

/**
 * The paired comparison of two strategies' full-history equity curves: their returns on the
 * common dates (`pairedReturns`), resampled jointly by the stationary bootstrap (Politis and
 * Romano, 1994) with the mean of the two series' Politis-White (2004) block lengths, giving
 * percentile intervals for the difference in annualised Sharpe ratio (returns without cash
 * subtraction: the files hold no cash series) and in arithmetic annual return (mean daily
 * return × periods per year of the first file). Non-finite values are null.
 */
export function pairedComparison(a: StrategyEntry, b: StrategyEntry, options: BootstrapOptions): PairedComparisonJson {
  const days = (doc: BacktestResultJson) => Int32Array.from(doc.equity.dates, parseIsoDay);
  const ea = a.result.doc.equity.series[a.strategy.label] ?? [], eb = b.result.doc.equity.series[b.strategy.label] ?? [];
  const pr = pairedReturns(days(a.result.doc), ea, days(b.result.doc), eb);
  const ppy = a.result.doc.data.periodsPerYear;
  const r = pairedBootstrapDifference(pr.a, pr.b, { periodsPerYear: ppy, seed: options.seed, resamples: options.resamples });
  const n = pr.days.length;
  return {
    a: a.label, b: b.label, first: n > 0 ? formatDay(pr.days[0]) : '', last: n > 0 ? formatDay(pr.days[n - 1]) : '', observations: r.observations,
    meanBlock: r.meanBlock, resamples: r.resamples, seed: options.seed, confidence: r.confidence, periodsPerYear: ppy,
    sharpe: interval(r.sharpe), annualReturn: interval(r.annualReturn),
    method: `paired stationary bootstrap (Politis and Romano, 1994) of the ${r.observations} common-date returns of the full-history equity curves, resampling both strategies' days jointly; mean block length = mean of the two series' Politis-White (2004) estimates; percentile interval; Sharpe ratios of returns without cash subtraction (the result files hold no cash series), annualised with ${ppy} periods per year; annual return = mean daily return × ${ppy}`,
  };
}
