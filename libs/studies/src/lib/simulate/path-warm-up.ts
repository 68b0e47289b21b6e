import { BUILTIN_STRATEGIES, formatDay, type MarketData } from '@ratecut/sim-core';
import { monthEndRows } from './simulation-inputs';

/** Execution lag of the strategies on simulated paths, in rows: a target decided at a close is traded at the next close. */
export const PATH_EXECUTION_LAG = 1;

/**
 * Real rows placed before each simulated path so every built-in decides from the path's first
 * step: the longest warm-up of the built-ins with their default parameters (rows before their
 * first decision: trend-filter's slow SMA of 200 trading days = 200 rows daily, 10 month-ends
 * monthly; relative momentum and rate-regime need 126 / 6), plus the execution lag (1), plus the
 * path's start row itself. With it, each built-in has made its first decision and had it
 * executed by the close the path starts from: 202 rows for daily paths, 12 for monthly ones.
 */
export function warmUpRowsNeeded(periodsPerYear: number): number {
  return longestDefaultWarmUp(periodsPerYear) + PATH_EXECUTION_LAG + 1;
}

/** The longest warm-up (rows before the first decision) of the built-ins with their default parameters, at `periodsPerYear` rows a year. */
export function longestDefaultWarmUp(periodsPerYear: number): number {
  return Math.max(...BUILTIN_STRATEGIES.map((b) => b.build(b.defaults, b.schedule, periodsPerYear).warmup));
}

/** The rule of {@link warmUpRowsNeeded} in words, with its numbers at the warm-up's frequency. */
export function warmUpRule(w: PathWarmUp): string {
  const unit = w.periodsPerYear === 12 ? 'month-ends' : 'trading days';
  return `the longest warm-up of the built-ins with default parameters (${longestDefaultWarmUp(w.periodsPerYear)} ${unit}) ` +
    `+ the execution lag (${PATH_EXECUTION_LAG}) + the path's start row = ${w.needed}`;
}

/**
 * The real history a simulated path starts from: the last rows of the loaded market up to and
 * including its last row (the close every path starts from, and rebases its simulated returns
 * on), as struct-of-arrays. Closes are index levels, rates decimals per year (cash ACT/360),
 * days day numbers. Plain typed arrays: sent once to each worker thread.
 */
export interface PathWarmUp {
  /** 252 when the paths are daily (rows are trading days), 12 when they are monthly (rows are month-ends). */
  readonly periodsPerYear: number;
  readonly days: Int32Array;
  readonly small: Float64Array;
  readonly large: Float64Array;
  readonly cashRate: Float64Array;
  readonly policyRate: Float64Array;
  /** Rows the rule asks for ({@link warmUpRowsNeeded}); more than `days.length` when the market is too short. */
  readonly needed: number;
}

/**
 * The warm-up of simulated paths cut from the loaded market: its last
 * {@link warmUpRowsNeeded} rows ending at its last row (the path's start). For monthly paths on a
 * daily market, the rows are month-ends (the last row of each calendar month, the market's last
 * row counting as the end of its month), so the warm-up moves at the paths' pace. When the
 * market holds fewer rows, all of them are used (see {@link warmUpShortfall}).
 */
export function pathWarmUp(market: MarketData, monthlyPaths: boolean): PathWarmUp {
  const periodsPerYear = monthlyPaths ? 12 : 252;
  const needed = warmUpRowsNeeded(periodsPerYear);
  const last = market.days.length - 1;
  const all = monthlyPaths && market.periodsPerYear !== 12 ? monthEndRows(market.days) : null;
  const available = all === null ? market.days.length : all.length;
  const take = Math.min(needed, available);
  const rows = Int32Array.from({ length: take }, (_, i) => (all === null ? last - take + 1 + i : all[all.length - take + i]));
  const pick = (col: Float64Array): Float64Array => Float64Array.from(rows, (r) => col[r]);
  return {
    periodsPerYear, needed,
    days: Int32Array.from(rows, (r) => market.days[r]),
    small: pick(market.closes[0]), large: pick(market.closes[1]), cashRate: pick(market.cashRate), policyRate: pick(market.policyRate),
  };
}

/** The warm-up's first and last day, as ISO dates ('' when it is empty). */
export function warmUpSpan(w: PathWarmUp): { first: string; last: string } {
  const n = w.days.length;
  return n === 0 ? { first: '', last: '' } : { first: formatDay(w.days[0]), last: formatDay(w.days[n - 1]) };
}

/** A warning when the market holds fewer rows than the warm-up needs (null when it holds enough). */
export function warmUpShortfall(w: PathWarmUp): string | null {
  const n = w.days.length;
  if (n >= w.needed) return null;
  const unit = w.periodsPerYear === 12 ? 'month-ends' : 'rows';
  return `strategies on paths: the data hold only ${n} ${unit} up to the paths' start (${w.needed} needed for the warm-up of every built-in): ` +
    'all of them are used, and built-ins with a longer warm-up decide later on the paths (or not at all)';
}
