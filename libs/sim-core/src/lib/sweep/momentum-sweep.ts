import { checkCostModel } from '../portfolio/cost-model';
import type { BacktestConfig } from '../engine/backtest-types';
import { checkMarketData, type MarketData } from '../market/market-data';
import { drawdownDepthStep, drawdownPeakStep } from '../metrics/drawdown-tracker';
import type { RebalanceSchedule } from '../strategies/when-steps';
import { monthsToRows } from '../time/months-to-rows';
import { monthEndRowsInto, monthEndSweepInto } from './month-end-sweep';
import {
  CAGR, CASH, FINAL_EQUITY, LARGE_LEG, MAX_DRAWDOWN, REBALANCE_COUNT, SHARPE, SMALL_LEG, SWEEP_METRICS, sweepRowTables,
  TOTAL_RETURN, VOLATILITY, writeSweepMetrics, type SweepRowTables,
} from './sweep-row-tables';

/** The schedules {@link momentumSweep} runs: the engine's `on-signal` and `month-end` (see `whenStep`). */
export type MomentumSweepSchedule = Extract<RebalanceSchedule, { readonly kind: 'on-signal' | 'month-end' }>;

/**
 * Settings of {@link momentumSweep}: the subset of the engine's {@link BacktestConfig} that a
 * two-leg, always-fully-invested strategy needs (weight limits never bind), so one config
 * value can drive both the engine and the sweep, and the strategy's schedule (default
 * `on-signal`, the built-in's own).
 */
export type MomentumSweepConfig = Pick<BacktestConfig, 'startRow' | 'endRow' | 'executionLag' | 'costs' | 'initialCapital'> & {
  readonly schedule?: MomentumSweepSchedule;
};

/**
 * Metrics of every (k, threshold) combination of a sweep, as struct-of-arrays: entry `c` of
 * each metric array belongs to combination `c = kIndex * thresholds.length + thresholdIndex`.
 * Units are decimals (0.1 = 10%); "per year" values are annualised with the data's
 * `periodsPerYear`. Periods are the `rows - 1` close-to-close steps of the window, as in the
 * engine's `returns`. Each metric follows the NaN rule of the sim-core metric it mirrors.
 * The seven metric arrays are views of one buffer.
 */
export interface MomentumSweepResult {
  /** Lookbacks in months, as given (one entry per kIndex). */
  readonly ks: Float64Array;
  /** Lookbacks in rows, `monthsToRows(k, periodsPerYear)`, the strategy's warm-up. */
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
   * Executed rebalances inside the window, counted like `rebalanceCount` on the engine's traded
   * value: the first buy out of cash plus every switch from one leg to the other (a switch is
   * one rebalance of two trades, see `rebalanceCount`).
   */
  readonly rebalances: Float64Array;
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

/**
 * Trailing returns over `lookback` rows of both legs, as `MarketView.trailingReturn` computes
 * them (`close[row] / close[row - lookback] - 1`), written into `out` (length `2 * rows`:
 * small at `i`, large at `rows + i`, `i` the window row) from window row `first` on; rows
 * before `first` get NaN, which compares false, so no switch can fire there. Allocates nothing.
 */
function trailingReturnsInto(out: Float64Array, small: Float64Array, large: Float64Array, startRow: number, rows: number, first: number, lookback: number): void {
  const stop = Math.min(first, rows);
  out.fill(NaN, 0, stop);
  out.fill(NaN, rows, rows + stop);
  for (let i = stop; i < rows; i += 1) {
    const row = startRow + i;
    out[i] = small[row] / small[row - lookback] - 1;
    out[rows + i] = large[row] / large[row - lookback] - 1;
  }
}

/** Slots of a combination's state between calls of {@link advance}: real-valued ones... */
const EQUITY = 0, START = 1, MEAN_R = 2, M2_R = 3, MEAN_E = 4, M2_E = 5, PEAK = 6, DEPTH = 7;
const REAL_SLOTS = 8;
/** ...and whole-number ones (holding, last target, trail offsets, trades). */
const HELD = 0, TARGET = 1, MINE = 2, THEIRS = 3, TRADES = 4;
const WHOLE_SLOTS = 5;

/**
 * Rows per call of {@link advance}. Short calls let V8 optimise it as a whole function: with
 * one long call per combination, Node 20 now and then (about one process in twenty, measured)
 * kept it on on-stack-replacement entries for good, about 2.5 times slower.
 */
const BLOCK_ROWS = 256;

/** A fresh combination at window row 0: all in cash, nothing decided, equity `capital`. */
function startState(real: Float64Array, whole: Int32Array, rows: number, capital: number): void {
  real.fill(0);
  real[EQUITY] = capital;
  real[START] = capital;
  real[PEAK] = capital;
  real[DEPTH] = 0;
  whole[HELD] = CASH;
  whole[TARGET] = CASH;
  whole[MINE] = rows;
  whole[THEIRS] = 0;
  whole[TRADES] = 0;
}

/**
 * The strategy's first decision, at window row `first`, set up before that row is processed.
 * It does not depend on the threshold: the leg with the higher trailing return (large on a tie
 * or NaN, as in the engine), due at `first + lag` (written into the order ring, see `advance`).
 * A row-0 decision with lag 0 fills at once; the recorded start stays the capital before
 * costs, as in the engine (the costs fall in the first period: see `sweepGrid`).
 */
function firstDecision(real: Float64Array, whole: Int32Array, ring: Int32Array, trail: Float64Array, rows: number, first: number, lag: number, buyFactor: number): void {
  const target = trail[first] > trail[rows + first] ? SMALL_LEG : LARGE_LEG;
  whole[TARGET] = target;
  whole[MINE] = target === SMALL_LEG ? 0 : rows;
  whole[THEIRS] = target === SMALL_LEG ? rows : 0;
  if (first + lag > 0) ring[(first + lag) % ring.length] = target;
  else {
    whole[HELD] = target;
    whole[TRADES] = 1;
    real[EQUITY] *= buyFactor; // START and PEAK stay the capital before costs
  }
}

/**
 * Advances one combination over window rows `from..to - 1` (`from >= 1`), allocating nothing.
 * Orders in flight wait in `ring` (length `lag + 1`, `CASH` = no order), the order due at row
 * `i` in slot `i % (lag + 1)`: at most one decision a row, and every order in flight is due
 * within `lag` rows, so no two share a slot; every decision trades, `lag` rows later, as in
 * the engine's queue of orders.
 * Row order is the engine's: mark to market, take the order due today, decide at the close
 * (a switch when `theirs > mine + threshold` on the trailing returns of the other leg and of
 * the last target's leg, exactly the engine's comparison), fill, record. Then the period's
 * return `r` and excess `r - rf` go into Welford's (1962) running mean and sum of squared
 * deviations (`mean += (x - mean) / n; m2 += (x - old mean) * (x - mean)`), and equity into
 * the steps of `DrawdownTracker` (running peak, deepest `equity / peak - 1`).
 *
 * Written for V8: every arithmetic operation and comparison runs on every row and the rare
 * branches only assign, so the optimised code never meets an operation without type
 * feedback (which would throw it away, and V8 may then leave the loop on much slower code);
 * tables come as separate arguments, not one object whose layout the code would depend on.
 */
function advance(
  real: Float64Array,
  whole: Int32Array,
  ring: Int32Array,
  grow: Float64Array,
  ret: Float64Array,
  cashReturn: Float64Array,
  inverse: Float64Array,
  trail: Float64Array,
  rows: number,
  from: number,
  to: number,
  threshold: number,
  lag: number,
  buyFactor: number,
  switchFactor: number,
): void {
  const immediate = lag === 0;
  let equity = real[EQUITY], meanR = real[MEAN_R], m2R = real[M2_R], meanE = real[MEAN_E], m2E = real[M2_E];
  let peak = real[PEAK], depth = real[DEPTH];
  let held = whole[HELD], target = whole[TARGET], mine = whole[MINE], theirs = whole[THEIRS];
  let trades = whole[TRADES];
  const slots = ring.length;
  let slot = from % slots;

  for (let i = from; i < to; i += 1) {
    const at = held * rows + i;
    const g = grow[at];
    const marked = equity * g;
    // The order due today (CASH when none), taken out of the ring.
    let due = ring[slot];
    ring[slot] = CASH;
    const switches = trail[theirs + i] > trail[mine + i] + threshold;
    const other = SMALL_LEG + LARGE_LEG - target;
    const dueAt = i + lag;
    if (switches) {
      target = other;
      const swap = mine;
      mine = theirs;
      theirs = swap;
      if (immediate) due = target;
      else ring[dueAt % slots] = target;
    }
    slot = slot + 1 === slots ? 0 : slot + 1;
    // Fill: closed-form costs (see momentumSweep). The engine ignores an order already met
    // and rejects one on a book that is not positive (NaN included).
    const factor = held === CASH ? buyFactor : switchFactor;
    const ordered = due !== CASH, changes = due !== held, solvent = marked > 0;
    const filled = marked * factor;
    const fillDayReturn = g * factor - 1;
    const tradesAfter = trades + 1;
    let r = ret[at];
    equity = marked;
    if (ordered && changes && solvent) {
      equity = filled;
      r = fillDayReturn;
      held = due;
      trades = tradesAfter;
    }
    const e = r - cashReturn[i];
    const w = inverse[i];
    const dR = r - meanR;
    meanR += dR * w;
    m2R += dR * (r - meanR);
    const dE = e - meanE;
    meanE += dE * w;
    m2E += dE * (e - meanE);
    // The drawdown tracker's steps, branch-free: new highs come at random, a branch would mispredict.
    peak = drawdownPeakStep(peak, equity);
    depth = drawdownDepthStep(depth, peak, equity);
  }

  real[EQUITY] = equity;
  real[MEAN_R] = meanR;
  real[M2_R] = m2R;
  real[MEAN_E] = meanE;
  real[M2_E] = m2E;
  real[PEAK] = peak;
  real[DEPTH] = depth;
  whole[HELD] = held;
  whole[TARGET] = target;
  whole[MINE] = mine;
  whole[THEIRS] = theirs;
  whole[TRADES] = trades;
}

/**
 * Runs every combination and writes its metrics into `out` (section `m` holds metric `m` for
 * all combinations). Kept apart from {@link momentumSweep} so that nothing follows its loops:
 * V8 may compile a hot loop mid-call, before the code after it has ever run.
 */
function sweepGrid(
  out: Float64Array,
  small: Float64Array,
  large: Float64Array,
  t: SweepRowTables,
  monthEnd: Uint8Array | null,
  firstRows: Int32Array,
  lookbackRows: Int32Array,
  thresholds: Float64Array,
  startRow: number,
  rows: number,
  lag: number,
  rate: number,
  capital: number,
  periodsPerYear: number,
): void {
  const grow = t.grow, ret = t.ret, cashReturn = t.cashReturn, inverse = t.inverse;
  const nK = firstRows.length, nT = thresholds.length, combinations = nK * nT;
  const buyFactor = 1 / (1 + rate), switchFactor = (1 - rate) / (1 + rate);
  const trail = new Float64Array(2 * rows);
  const warmReal = new Float64Array(REAL_SLOTS), warmWhole = new Int32Array(WHOLE_SLOTS);
  const real = new Float64Array(REAL_SLOTS), whole = new Int32Array(WHOLE_SLOTS);
  // Orders in flight (see advance); the warm-up rows decide nothing, so theirs stays empty.
  const ring = new Int32Array(lag + 1).fill(CASH), warmRing = new Int32Array(lag + 1).fill(CASH);

  for (let kIndex = 0; kIndex < nK; kIndex += 1) {
    const first = firstRows[kIndex];
    trailingReturnsInto(trail, small, large, startRow, rows, first, lookbackRows[kIndex]);
    if (monthEnd !== null) {
      // Month-end schedule: after the first decision, the target can change only at month-ends
      // (a resubmitted unchanged target is an order already met, which the engine ignores).
      for (let i = first + 1; i < rows; i += 1) {
        if (monthEnd[i] === 0) {
          trail[i] = NaN;
          trail[rows + i] = NaN;
        }
      }
    }
    // Rows before the first decision are the same cash path for every threshold: run them once.
    const shared = Math.min(first, rows);
    startState(warmReal, warmWhole, rows, capital);
    for (let from = 1; from < shared; from += BLOCK_ROWS) {
      advance(warmReal, warmWhole, warmRing, grow, ret, cashReturn, inverse, trail, rows, from, Math.min(shared, from + BLOCK_ROWS), 0, lag, buyFactor, switchFactor);
    }

    for (let tIndex = 0; tIndex < nT; tIndex += 1) {
      const threshold = thresholds[tIndex];
      real.set(warmReal);
      whole.set(warmWhole);
      ring.fill(CASH);
      if (first < rows) firstDecision(real, whole, ring, trail, rows, first, lag, buyFactor);
      let from = Math.max(1, shared);
      if (first + lag === 0 && rows > 1) {
        // A fill at the first close (lag 0) is charged to the first period, as in the engine:
        // after row 1 the running moments hold one return, recomputed from the capital.
        advance(real, whole, ring, grow, ret, cashReturn, inverse, trail, rows, 1, 2, threshold, lag, buyFactor, switchFactor);
        const r = real[EQUITY] / real[START] - 1;
        real[MEAN_R] = r;
        real[M2_R] = 0;
        real[MEAN_E] = r - cashReturn[1];
        real[M2_E] = 0;
        from = 2;
      }
      for (; from < rows; from += BLOCK_ROWS) {
        advance(real, whole, ring, grow, ret, cashReturn, inverse, trail, rows, from, Math.min(rows, from + BLOCK_ROWS), threshold, lag, buyFactor, switchFactor);
      }
      writeSweepMetrics(out, kIndex * nT + tIndex, combinations, rows, periodsPerYear, real[EQUITY], real[START], real[M2_R], real[MEAN_E], real[M2_E], real[DEPTH], whole[TRADES]);
    }
  }
}

/**
 * Evaluates the built-in `relative-momentum` strategy (Jegadeesh and Titman, 1993, applied to
 * two legs) for every combination of lookback `ks` (months; `monthsToRows(k, periodsPerYear)`
 * rows) and switch `thresholds` (decimal return points) over rows `startRow..endRow`
 * (inclusive) of `data`, with the engine's semantics (`runBacktest` with the strategy on
 * `config.schedule`, default `on-signal`): the portfolio starts in cash; from row `lookback` on,
 * each close picks the leg (column 0 small, 1 large) with the higher trailing return, leaving
 * the current leg only when the other one's exceeds it by more than the threshold; a changed
 * target trades `executionLag` rows later at that close (every decision trades, in order, as
 * in the engine); idle cash earns ACT/360 on the previous close's cash rate. On the
 * `month-end` schedule the first decision is taken at the warm-up as always, later ones only
 * on the last row of each calendar month (the last submitted target is the leg the threshold
 * protects, as in the engine's select step).
 *
 * Costs: rate `c = (costBps + slippageBps) / 10,000` of traded value, paid from the portfolio
 * so that the target applies after costs. `executeRebalance` solves `post = E - c * traded(post)`
 * by iteration; with the book always fully in one leg its fixed point has a closed form, used
 * here: the first buy out of cash trades `post`, so `post = E / (1 + c)`; a switch sells `E`
 * and buys `post`, so `post = E (1 - c) / (1 + c)` (traded `2E / (1 + c)`, slightly under 2E;
 * charging `c × 2E` would be off by about `c²E` per switch). The engine stops its iteration at
 * a relative change of 1e-13, so the two agree to about `c × 1e-13` per trade.
 *
 * Returns: `r_i = equity_i / equity_(i-1) - 1`, computed in closed form (a leg's return while
 * it is held, `grow × fill factor - 1` on a fill day, the cash return itself in cash); they
 * agree with the engine's divided-out returns to rounding (~1e-16). One difference is
 * deliberate: a period spent in cash has an excess return of exactly 0, where the engine's is
 * rounding noise, so a window that stays in cash throughout has Sharpe NaN (zero variance),
 * not a number made of noise.
 *
 * Method, `on-signal`: the period tables are built once and the trailing returns once per
 * lookback (into one reused buffer); the warm-up rows, all cash, once per lookback; then each
 * combination is one pass over the rows with no allocation, carrying equity and the metric
 * accumulators: Welford's (1962) one-pass mean and variance for the returns and the excess
 * returns, and a drawdown tracker's steps for the drawdown. O(ks × thresholds × rows) time,
 * O(rows) memory. `month-end`: per-period tables shared by every combination, so a combination
 * costs O(months) (see `monthEndSweepInto` in month-end-sweep.ts); on data whose growth factors
 * are not all finite and positive (where the engine rejects orders) the row loop with
 * month-end decisions instead (`momentumSweepRowLoop`). Both agree with the engine to about
 * 1e-12 relative on every metric (tested).
 *
 * Degenerate input: each metric follows its sim-core function's NaN rule (see
 * {@link MomentumSweepResult}); non-finite closes or cash rates poison equity from that row on,
 * as in the engine, so every equity-based metric is NaN.
 *
 * @throws RangeError for programmer errors: data shapes (see `checkMarketData`), fewer than two
 * assets, a window outside the data, a negative or fractional `executionLag`, a k that is not
 * a whole number >= 1, a negative or non-finite threshold, an empty grid, an
 * `initialCapital` that is not a finite number above 0, or a schedule other than `on-signal`
 * and `month-end`.
 */
export function momentumSweep(
  data: MarketData,
  ks: ArrayLike<number>,
  thresholds: ArrayLike<number>,
  config: MomentumSweepConfig,
): MomentumSweepResult {
  return runMomentumSweep(data, ks, thresholds, config, false);
}

/**
 * {@link momentumSweep} by the daily row loop whatever the schedule (with `month-end`, the
 * target may change only at month-ends; an unchanged target resubmitted at a month-end is an
 * order already met, which the engine ignores): the reference its month-end fast path is tested
 * against. O(rows) per combination. Same arguments, result and errors.
 */
export function momentumSweepRowLoop(
  data: MarketData,
  ks: ArrayLike<number>,
  thresholds: ArrayLike<number>,
  config: MomentumSweepConfig,
): MomentumSweepResult {
  return runMomentumSweep(data, ks, thresholds, config, true);
}

function runMomentumSweep(
  data: MarketData,
  ks: ArrayLike<number>,
  thresholds: ArrayLike<number>,
  config: MomentumSweepConfig,
  rowLoop: boolean,
): MomentumSweepResult {
  checkMarketData(data);
  const { startRow, endRow, executionLag, initialCapital } = config;
  if (data.assets.length < 2) throw new RangeError('momentumSweep needs two assets (column 0 small, column 1 large)');
  if (!(Number.isInteger(startRow) && Number.isInteger(endRow) && startRow >= 0 && endRow < data.days.length && startRow <= endRow)) {
    throw new RangeError(`rows ${startRow}..${endRow} outside the data`);
  }
  if (!Number.isInteger(executionLag) || executionLag < 0) throw new RangeError('executionLag must be a whole number >= 0');
  if (!(initialCapital > 0) || !Number.isFinite(initialCapital)) throw new RangeError('initialCapital must be a finite number above 0');
  checkGrid(ks, thresholds);
  const costProblem = checkCostModel(config.costs);
  if (costProblem !== null) throw new RangeError(costProblem);
  const schedule = config.schedule?.kind ?? 'on-signal';
  if (schedule !== 'on-signal' && schedule !== 'month-end') throw new RangeError(`schedule ${String(schedule)}: momentumSweep runs on-signal and month-end only`);

  const ppy = data.periodsPerYear;
  const rows = endRow - startRow + 1;
  const kValues = Float64Array.from(ks), thresholdValues = Float64Array.from(thresholds);
  const combinations = kValues.length * thresholdValues.length;
  const lookbackRows = new Int32Array(kValues.length), firstRows = new Int32Array(kValues.length);
  for (let j = 0; j < kValues.length; j += 1) {
    lookbackRows[j] = monthsToRows(kValues[j], ppy);
    // First window row at which the strategy decides (the engine decides at rows >= its warm-up).
    firstRows[j] = Math.max(0, lookbackRows[j] - startRow);
  }
  const rate = (config.costs.costBps + config.costs.slippageBps) / 10_000;
  const out = new Float64Array(SWEEP_METRICS * combinations);
  // A lag of `rows` or more never fills inside the window; capping it keeps row arithmetic in int32.
  const lag = Math.min(executionLag, rows);
  let monthEnd: Uint8Array | null = null;
  if (schedule === 'month-end') {
    monthEnd = new Uint8Array(rows);
    monthEndRowsInto(monthEnd, data.days, startRow, rows);
  }
  const fast = monthEnd !== null && !rowLoop && monthEndSweepInto(out, data, monthEnd, firstRows, lookbackRows, thresholdValues, startRow, rows, lag, rate, initialCapital);
  if (!fast) {
    const tables = sweepRowTables(data, startRow, rows);
    sweepGrid(out, data.closes[0], data.closes[1], tables, monthEnd, firstRows, lookbackRows, thresholdValues, startRow, rows, lag, rate, initialCapital, ppy);
  }
  const section = (m: number): Float64Array => out.subarray(m * combinations, (m + 1) * combinations);

  return {
    ks: kValues,
    lookbackRows,
    thresholds: thresholdValues,
    combinations,
    rows,
    periodsPerYear: ppy,
    totalReturn: section(TOTAL_RETURN),
    cagr: section(CAGR),
    volatility: section(VOLATILITY),
    sharpe: section(SHARPE),
    maxDrawdown: section(MAX_DRAWDOWN),
    rebalances: section(REBALANCE_COUNT),
    finalEquity: section(FINAL_EQUITY),
  };
}
