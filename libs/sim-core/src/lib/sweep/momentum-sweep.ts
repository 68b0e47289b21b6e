import type { BacktestConfig } from '../engine/backtest-types';
import { cashReturnForDay } from '../cash/cash-return-for-day';
import { checkMarketData, type MarketData } from '../engine/market-data';

/**
 * Settings of {@link momentumSweep}: the subset of the engine's {@link BacktestConfig} that a
 * two-leg, always-fully-invested strategy needs (weight limits never bind), so one config
 * value can drive both the engine and the sweep.
 */
export type MomentumSweepConfig = Pick<BacktestConfig, 'startRow' | 'endRow' | 'executionLag' | 'costs' | 'initialCapital'>;

/**
 * Metrics of every (k, threshold) combination of a sweep, as struct-of-arrays: entry `c` of
 * each metric array belongs to combination `c = kIndex * thresholds.length + thresholdIndex`.
 * Units are decimals (0.1 = 10%); "per year" values are annualised with the data's
 * `periodsPerYear`. Periods are the `rows - 1` close-to-close steps of the window, as in the
 * engine's `returns`. Each metric follows the NaN rule of the sim-core metric it mirrors.
 */
export interface MomentumSweepResult {
  /** Lookbacks in months, as given (one entry per kIndex). */
  readonly ks: Float64Array;
  /** Lookbacks in rows, `round(k * periodsPerYear / 12)`, the strategy's warm-up. */
  readonly lookbackRows: Int32Array;
  /** Switch thresholds in decimal return points, as given (one entry per thresholdIndex). */
  readonly thresholds: Float64Array;
  /** `ks.length * thresholds.length`. */
  readonly combinations: number;
  /** Rows of the window (`endRow - startRow + 1`); periods are `rows - 1`. */
  readonly rows: number;
  readonly periodsPerYear: number;
  /** `equity_end / equity_start - 1` (see `totalReturn`); NaN without periods. */
  readonly totalReturn: Float64Array;
  /** `(1 + total)^(periodsPerYear / periods) - 1`, decimal per year (see `cagr`); NaN without periods or when wealth is wiped out. */
  readonly cagr: Float64Array;
  /** Sample standard deviation of the per-period returns times `sqrt(periodsPerYear)` (see `annualizedVolatility`); NaN below 2 periods. */
  readonly volatility: Float64Array;
  /** `mean(r - rf) / sd(r - rf) * sqrt(periodsPerYear)`, rf the cash return of each period (see `sharpeRatio`); NaN below 2 periods or at zero variance. */
  readonly sharpe: Float64Array;
  /** Most negative `equity / running peak - 1` over the window, a decimal `<= 0` (see `maxDrawdown`). */
  readonly maxDrawdown: Float64Array;
  /**
   * Executed rebalances inside the window, counted like `tradeCount` on the engine's traded
   * value: the first buy out of cash plus every switch from one leg to the other.
   */
  readonly trades: Float64Array;
  /** Equity at the window's last close, in the units of `initialCapital`. */
  readonly finalEquity: Float64Array;
}

const checkGrid = (ks: ArrayLike<number>, thresholds: ArrayLike<number>): void => {
  if (ks.length === 0 || thresholds.length === 0) throw new RangeError('momentumSweep needs at least one k and one threshold');
  for (let j = 0; j < ks.length; j += 1) {
    const k = ks[j];
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k=${k}: expected a whole number of months >= 1`);
  }
  for (let j = 0; j < thresholds.length; j += 1) {
    const t = thresholds[j];
    if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`threshold=${t}: expected a finite decimal return >= 0`);
  }
};

/** Per-period inputs shared by every combination; index `i` is the period from window row `i - 1` to row `i`. */
interface PeriodTables {
  /** Growth factor of equity held in small, in large, in cash over period `i` (NaN where the engine's equity turns NaN). */
  readonly growSmall: Float64Array;
  readonly growLarge: Float64Array;
  readonly growCash: Float64Array;
  /** Cash return of period `i` (the engine's `cashReturns[i - 1]`). */
  readonly cashReturn: Float64Array;
}

/**
 * Growth factors exactly as the engine applies them: a position is multiplied by
 * `close[row] / close[row - 1]`, idle cash by `1 + cashReturnForDay(...)`. The engine marks
 * every position, held or not, so a non-finite factor on any leg makes its equity NaN
 * (`0 * NaN`, `0 * Infinity`); the tables carry NaN there for every holding.
 */
function periodTables(data: MarketData, startRow: number, rows: number): PeriodTables {
  const growSmall = new Float64Array(rows), growLarge = new Float64Array(rows), growCash = new Float64Array(rows);
  const cashReturn = new Float64Array(rows);
  const small = data.closes[0], large = data.closes[1];
  for (let i = 1; i < rows; i += 1) {
    const row = startRow + i;
    const gs = small[row] / small[row - 1];
    const gl = large[row] / large[row - 1];
    const rc = cashReturnForDay(data.cashRate[row - 1], data.days[row - 1], data.days[row]);
    const gc = 1 + rc;
    const ok = Number.isFinite(gs) && Number.isFinite(gl) && Number.isFinite(gc);
    growSmall[i] = ok ? gs : NaN;
    growLarge[i] = ok ? gl : NaN;
    growCash[i] = ok ? gc : NaN;
    cashReturn[i] = rc;
  }
  return { growSmall, growLarge, growCash, cashReturn };
}

/**
 * Trailing returns over `lookback` rows of both legs, as `MarketView.trailingReturn` computes
 * them (`close[row] / close[row - lookback] - 1`), for window rows from `first` on, written
 * into `outSmall` and `outLarge` (indexed by window row). Allocates nothing.
 */
function trailingReturnsInto(
  outSmall: Float64Array,
  outLarge: Float64Array,
  data: MarketData,
  startRow: number,
  first: number,
  rows: number,
  lookback: number,
): void {
  const small = data.closes[0], large = data.closes[1];
  for (let i = first; i < rows; i += 1) {
    const row = startRow + i;
    outSmall[i] = small[row] / small[row - lookback] - 1;
    outLarge[i] = large[row] / large[row - lookback] - 1;
  }
}

/**
 * Evaluates the built-in `relative-momentum` strategy (Jegadeesh and Titman, 1993, applied to
 * two legs) for every combination of lookback `ks` (months; `round(k * periodsPerYear / 12)`
 * rows) and switch `thresholds` (decimal return points) over rows `startRow..endRow`
 * (inclusive) of `data`, with the engine's semantics (`runBacktest` with the `on-signal`
 * schedule): the portfolio starts in cash; from row `lookback` on, each close picks the leg
 * (column 0 small, 1 large) with the higher trailing return, leaving the current leg only when
 * the other one's exceeds it by more than the threshold; a changed target trades
 * `executionLag` rows later at that close (one pending order; a newer decision replaces it);
 * idle cash earns ACT/360 on the previous close's cash rate.
 *
 * Costs: rate `c = (costBps + slippageBps) / 10,000` of traded value, paid from the portfolio
 * so that the target applies after costs. `executeRebalance` solves `post = E - c * traded(post)`
 * by iteration; with the book always fully in one leg its fixed point has a closed form, used
 * here: the first buy out of cash trades `post`, so `post = E / (1 + c)`; a switch sells `E`
 * and buys `post`, so `post = E (1 - c) / (1 + c)` (traded `2E / (1 + c)`, slightly under 2E).
 * The engine stops its iteration at a relative change of 1e-13, so the two differ by about
 * `c * 1e-13` per trade.
 *
 * Method: the trailing returns of each lookback are computed once (into one reused buffer);
 * then each combination is one pass over the rows with no allocation, carrying equity and
 * the metric accumulators: Welford's (1962) one-pass mean and variance for the returns and for
 * the excess returns, and a running peak and trough for the drawdown. Cost is
 * O(ks × (rows + thresholds × rows)) time and O(rows) memory.
 *
 * Degenerate input: each metric follows its sim-core function's NaN rule (see
 * {@link MomentumSweepResult}); non-finite closes or cash rates poison equity from that row on,
 * as they do in the engine, giving NaN metrics.
 *
 * @throws RangeError for programmer errors: data shapes (see `checkMarketData`), fewer than two
 * assets, a window outside the data, a negative or fractional `executionLag`, a k that is not
 * a whole number >= 1, a negative or non-finite threshold, an empty grid, or an
 * `initialCapital` that is not a finite number above 0.
 */
export function momentumSweep(
  data: MarketData,
  ks: ArrayLike<number>,
  thresholds: ArrayLike<number>,
  config: MomentumSweepConfig,
): MomentumSweepResult {
  checkMarketData(data);
  const { startRow, endRow, executionLag: lag, initialCapital } = config;
  if (data.assets.length < 2) throw new RangeError('momentumSweep needs two assets (column 0 small, column 1 large)');
  if (!(Number.isInteger(startRow) && Number.isInteger(endRow) && startRow >= 0 && endRow < data.days.length && startRow <= endRow)) {
    throw new RangeError(`rows ${startRow}..${endRow} outside the data`);
  }
  if (!Number.isInteger(lag) || lag < 0) throw new RangeError('executionLag must be a whole number >= 0');
  if (!(initialCapital > 0) || !Number.isFinite(initialCapital)) throw new RangeError('initialCapital must be a finite number above 0');
  checkGrid(ks, thresholds);

  const ppy = data.periodsPerYear;
  const rows = endRow - startRow + 1;
  const periods = rows - 1;
  const nT = thresholds.length;
  const combinations = ks.length * nT;
  const rate = (config.costs.costBps + config.costs.slippageBps) / 10_000;
  const onePlus = 1 + rate, oneMinus = 1 - rate;
  const sqrtPpy = Math.sqrt(ppy);

  const totalReturn = new Float64Array(combinations), cagr = new Float64Array(combinations);
  const volatility = new Float64Array(combinations), sharpe = new Float64Array(combinations);
  const maxDrawdown = new Float64Array(combinations), trades = new Float64Array(combinations);
  const finalEquity = new Float64Array(combinations);
  const lookbackRows = new Int32Array(ks.length);

  const { growSmall, growLarge, growCash, cashReturn } = periodTables(data, startRow, rows);
  const retSmall = new Float64Array(rows), retLarge = new Float64Array(rows), retCash = new Float64Array(rows);
  const inverse = new Float64Array(rows + 1);
  for (let i = 1; i < rows; i += 1) { retSmall[i] = growSmall[i] - 1; retLarge[i] = growLarge[i] - 1; retCash[i] = growCash[i] - 1; }
  for (let i = 1; i <= rows; i += 1) inverse[i] = 1 / i;
  const trailSmall = new Float64Array(rows), trailLarge = new Float64Array(rows);

  for (let kIndex = 0; kIndex < ks.length; kIndex += 1) {
    const lookback = Math.round((ks[kIndex] * ppy) / 12);
    lookbackRows[kIndex] = lookback;
    // First window row at which the strategy decides (the engine decides at rows >= warm-up).
    const first = Math.max(0, lookback - startRow);
    trailingReturnsInto(trailSmall, trailLarge, data, startRow, first, rows, lookback);

    for (let tIndex = 0; tIndex < nT; tIndex += 1) {
      const threshold = thresholds[tIndex];
      let equity = initialCapital, previous = initialCapital;
      let held = -1; // leg held: -1 cash, 0 small, 1 large
      let grow = growCash, ret = retCash;
      let lastLeg = -1; // leg of the last submitted target, -1 before the first
      let pendingLeg = -1, pendingAt = -1; // the one pending order: leg and window row
      let tradeCount = 0, tradedAt = -1;
      let n = 0, sumR = 0, meanR = 0, m2R = 0, sumE = 0, meanE = 0, m2E = 0;
      let startEquity = equity, peak = equity, trough = equity, depth = 0;

      for (let i = 0; i < rows; i += 1) {
        if (i > 0) {
          previous = equity;
          equity *= grow[i];
        }
        if (i === pendingAt) {
          pendingAt = -1;
          // The engine ignores an order already met and rejects one on a non-positive (or NaN) book.
          if (pendingLeg !== held && equity > 0) {
            equity = held === -1 ? equity / onePlus : (equity * oneMinus) / onePlus;
            held = pendingLeg;
            grow = held === 0 ? growSmall : growLarge;
            ret = held === 0 ? retSmall : retLarge;
            tradeCount += 1;
            tradedAt = i;
          }
        }
        if (i >= first) {
          const rs = trailSmall[i], rl = trailLarge[i];
          const want = lastLeg === 0 ? (rl > rs + threshold ? 1 : 0) : lastLeg === 1 ? (rs > rl + threshold ? 0 : 1) : rs > rl ? 0 : 1;
          if (want !== lastLeg) {
            lastLeg = want;
            pendingLeg = want;
            pendingAt = i + lag;
            if (lag === 0) {
              pendingAt = -1;
              if (want !== held && equity > 0) {
                equity = held === -1 ? equity / onePlus : (equity * oneMinus) / onePlus;
                held = want;
                grow = held === 0 ? growSmall : growLarge;
                ret = held === 0 ? retSmall : retLarge;
                tradeCount += 1;
                tradedAt = i;
              }
            }
          }
        }
        if (i > 0) {
          const r = held === -1 || tradedAt === i ? equity / previous - 1 : ret[i];
          const e = r - cashReturn[i];
          n += 1;
          const w = inverse[n];
          sumR += r;
          const mR = sumR * w;
          m2R += (r - meanR) * (r - mR);
          meanR = mR;
          sumE += e;
          const mE = sumE * w;
          m2E += (e - meanE) * (e - mE);
          meanE = mE;
          // Running peak; the deepest point of each fall is divided out once, when it ends.
          if (equity >= peak) {
            if (trough < peak) {
              const dd = trough / peak - 1;
              if (dd < depth) depth = dd;
            }
            peak = equity;
            trough = equity;
          } else if (equity < trough) {
            trough = equity;
          }
        } else {
          // Row 0 is recorded after any same-close trade (executionLag 0), as the engine does.
          startEquity = equity;
          peak = equity;
          trough = equity;
        }
      }
      if (trough < peak) {
        const dd = trough / peak - 1;
        if (dd < depth) depth = dd;
      }

      const c = kIndex * nT + tIndex;
      const growth = equity / startEquity;
      totalReturn[c] = periods > 0 ? growth - 1 : NaN;
      cagr[c] = periods > 0 && growth > 0 ? Math.expm1((Math.log(growth) * ppy) / periods) : NaN;
      volatility[c] = n >= 2 ? Math.sqrt(m2R / (n - 1)) * sqrtPpy : NaN;
      sharpe[c] = n >= 2 && m2E !== 0 ? (meanE / Math.sqrt(m2E / (n - 1))) * sqrtPpy : NaN;
      // NaN is absorbing in the equity recursion, so a NaN at the end means a NaN somewhere.
      maxDrawdown[c] = Number.isNaN(equity) ? NaN : depth;
      trades[c] = tradeCount;
      finalEquity[c] = equity;
    }
  }

  return {
    ks: Float64Array.from(ks),
    lookbackRows,
    thresholds: Float64Array.from(thresholds),
    combinations,
    rows,
    periodsPerYear: ppy,
    totalReturn, cagr, volatility, sharpe, maxDrawdown, trades, finalEquity,
  };
}
