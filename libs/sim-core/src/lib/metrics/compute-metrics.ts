import { alpha } from './alpha';
import { annualizedVolatility } from './annualized-volatility';
import { beta } from './beta';
import { cagr } from './cagr';
import { calmarRatio } from './calmar-ratio';
import { excessReturn } from './excess-return';
import { hitRate } from './hit-rate';
import { informationRatio } from './information-ratio';
import { maxDrawdownFromReturns, type MaxDrawdown } from './max-drawdown';
import { sharpeRatio } from './sharpe-ratio';
import { sortinoRatio } from './sortino-ratio';
import { totalReturn } from './total-return';
import { trackingError } from './tracking-error';
import { rebalanceCount } from './rebalance-count';
import { turnover } from './turnover';
import { checkPeriodsPerYear, checkSameLength, checkWindow } from './window';

/**
 * Inputs of {@link computeMetrics}. Every array is aligned period by period with `returns`
 * (same length; index `i` is period `i`) and the optional window `[start, end)` applies to all
 * of them.
 */
export interface MetricsInput {
  /** Strategy simple returns per period, decimals (0.01 = +1%). */
  readonly returns: Float64Array;
  /** Cash (risk-free) simple return earned over each period, decimals per period (not per year). */
  readonly cashReturns: Float64Array;
  /** Benchmark simple returns per period; without it the benchmark-relative metrics are NaN. */
  readonly benchmarkReturns?: Float64Array;
  /** Gross traded value per period (`sum |buy| + sum |sell|`); without it turnover and the rebalance count are NaN. */
  readonly tradedValue?: Float64Array;
  /** Number of trades (assets bought or sold) per period; without it the trade count is NaN. */
  readonly tradesPerPeriod?: Float64Array;
  /** Portfolio value each period's trades are measured against; needed (with `tradedValue`) for turnover. */
  readonly equity?: Float64Array;
  /** Periods per year: 252 for daily trading-day returns, 12 for monthly. */
  readonly periodsPerYear: number;
  /** First period of the window (default 0). */
  readonly start?: number;
  /** End of the window, exclusive (default `returns.length`). */
  readonly end?: number;
}

/**
 * One record of performance metrics for a strategy over one window. Plain data; every field
 * follows the NaN rule of the function that computes it. Units: decimals (0.1 = 10%);
 * "per year" fields are annualised with the input's `periodsPerYear`.
 */
export interface Metrics {
  /** Number of periods in the window. */
  readonly periods: number;
  readonly periodsPerYear: number;
  /** `prod (1 + r) - 1`, not annualised (see `totalReturn`). */
  readonly totalReturn: number;
  /** Compound annual growth rate, decimal per year (see `cagr`). */
  readonly cagr: number;
  /** Sample standard deviation times sqrt(periodsPerYear) (see `annualizedVolatility`). */
  readonly annualizedVolatility: number;
  /** Annualised Sharpe ratio over cash (see `sharpeRatio`). */
  readonly sharpeRatio: number;
  /** Annualised Sortino ratio over cash (see `sortinoRatio`). */
  readonly sortinoRatio: number;
  /** Maximum drawdown of the wealth path implied by `returns`, starting capital as first peak (see `maxDrawdownFromReturns`). */
  readonly maxDrawdown: MaxDrawdown;
  /** CAGR / |max drawdown depth| (see `calmarRatio`). */
  readonly calmarRatio: number;
  /** Annualised one-way turnover, NaN without `tradedValue` and `equity` (see `turnover`). */
  readonly turnover: number;
  /** Rebalances: periods with one or more trades, NaN without `tradedValue` (see `rebalanceCount`). */
  readonly rebalanceCount: number;
  /** Trades: assets bought or sold (a switch between two assets is two), NaN without `tradesPerPeriod`. */
  readonly tradeCount: number;
  /** CAGR(strategy) - CAGR(benchmark), decimal per year; NaN without a benchmark (see `excessReturn`). */
  readonly excessReturn: number;
  /** Share of periods with r > b; NaN without a benchmark (see `hitRate`). */
  readonly hitRate: number;
  /** Annualised standard deviation of r - b; NaN without a benchmark (see `trackingError`). */
  readonly trackingError: number;
  /** Annualised mean(r - b) / tracking error; NaN without a benchmark (see `informationRatio`). */
  readonly informationRatio: number;
  /** cov(r, b) / var(b); NaN without a benchmark (see `beta`). */
  readonly beta: number;
  /** Jensen's alpha on excess returns, decimal per year; NaN without a benchmark (see `alpha`). */
  readonly alpha: number;
}

/** Sum of per-period counts over `[start, end)`; NaN when any is NaN. */
function sumCounts(counts: Float64Array, start: number, end: number): number {
  let s = 0;
  for (let i = start; i < end; i += 1) s += counts[i];
  return s;
}

/**
 * Computes every performance metric of one strategy over one window into a single
 * {@link Metrics} record, calling the free metric functions of this folder (each documents its
 * formula, units and NaN rule). Benchmark-relative metrics are NaN without `benchmarkReturns`;
 * turnover is NaN without both `tradedValue` and `equity`, the rebalance count without
 * `tradedValue`, the trade count without `tradesPerPeriod`.
 * The drawdown (and so the Calmar ratio) is taken from `returns`, not from `equity`, so the
 * record is consistent with the return-based metrics.
 *
 * @throws RangeError when an array's length differs from `returns`, the window does not fit,
 * or `periodsPerYear` is not a finite number above 0 (programmer errors).
 */
export function computeMetrics(input: MetricsInput): Metrics {
  const { returns, cashReturns, benchmarkReturns, tradedValue, tradesPerPeriod, equity, periodsPerYear } = input;
  const start = input.start ?? 0;
  const end = input.end ?? returns.length;
  checkSameLength('computeMetrics cashReturns', returns, cashReturns);
  if (benchmarkReturns !== undefined) checkSameLength('computeMetrics benchmarkReturns', returns, benchmarkReturns);
  if (tradedValue !== undefined) checkSameLength('computeMetrics tradedValue', returns, tradedValue);
  if (tradesPerPeriod !== undefined) checkSameLength('computeMetrics tradesPerPeriod', returns, tradesPerPeriod);
  if (equity !== undefined) checkSameLength('computeMetrics equity', returns, equity);
  checkWindow(returns.length, start, end);
  checkPeriodsPerYear(periodsPerYear);
  const b = benchmarkReturns;
  return {
    periods: end - start,
    periodsPerYear,
    totalReturn: totalReturn(returns, start, end),
    cagr: cagr(returns, periodsPerYear, start, end),
    annualizedVolatility: annualizedVolatility(returns, periodsPerYear, start, end),
    sharpeRatio: sharpeRatio(returns, cashReturns, periodsPerYear, start, end),
    sortinoRatio: sortinoRatio(returns, cashReturns, periodsPerYear, start, end),
    maxDrawdown: maxDrawdownFromReturns(returns, start, end),
    calmarRatio: calmarRatio(returns, periodsPerYear, start, end),
    turnover: tradedValue !== undefined && equity !== undefined ? turnover(tradedValue, equity, periodsPerYear, start, end) : NaN,
    rebalanceCount: tradedValue !== undefined ? rebalanceCount(tradedValue, start, end) : NaN,
    tradeCount: tradesPerPeriod !== undefined ? sumCounts(tradesPerPeriod, start, end) : NaN,
    excessReturn: b !== undefined ? excessReturn(returns, b, periodsPerYear, start, end) : NaN,
    hitRate: b !== undefined ? hitRate(returns, b, start, end) : NaN,
    trackingError: b !== undefined ? trackingError(returns, b, periodsPerYear, start, end) : NaN,
    informationRatio: b !== undefined ? informationRatio(returns, b, periodsPerYear, start, end) : NaN,
    beta: b !== undefined ? beta(returns, b, start, end) : NaN,
    alpha: b !== undefined ? alpha(returns, b, cashReturns, periodsPerYear, start, end) : NaN,
  };
}
