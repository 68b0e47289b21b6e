import type { MarketData } from '../market/market-data';
import { monthIndex } from '../time/day-number';
import { CASH, SMALL_LEG, writeSweepMetrics, type SweepRowTables } from './sweep-row-tables';

/**
 * Marks the month-end rows of the window `startRow..startRow + rows - 1` in `out` (1 at window
 * row `i` when the data's next row falls in another calendar month, or there is no next row),
 * the rows at which the engine's `month-end` schedule submits a target (`atMonthEnd` reads the
 * next row's date, not the window's end). Returns the number of month-end rows. Allocates nothing.
 */
export function monthEndRowsInto(out: Uint8Array, days: Int32Array, startRow: number, rows: number): number {
  let count = 0;
  let month = monthIndex(days[startRow]);
  for (let i = 0; i < rows; i += 1) {
    const next = startRow + i + 1;
    const nextMonth = next < days.length ? monthIndex(days[next]) : NaN;
    const end = nextMonth !== month;
    out[i] = end ? 1 : 0;
    if (end) count += 1;
    month = nextMonth;
  }
  return count;
}

/** Fields of one period variant in the period table, `FIELDS` doubles each. */
const G = 0, SR = 1, QR = 2, SE = 3, QE = 4, LO = 5, HI = 6, DD = 7;
const FIELDS = 8;
/** Variants per period: (leg held before the period's fill, leg after), legs 0 small and 1 large. */
const VARIANTS = 4;
/** Per-period weights of Chan et al.'s merge: `1 / nA` (0 when nA = 0), `1 / nB`, `nA nB / (nA + nB)`. */
const INV_A = 0, INV_B = 1, WEIGHT = 2;
const WEIGHTS = 3;
/** Slots of a combination's accumulators (see `walkPeriods`). */
const EQUITY = 0, PEAK = 1, LOW = 2, SUM_R = 3, M2_R = 4, SUM_E = 5, M2_E = 6, TRADES = 7;
const SLOTS = 8;

/** Aggregates of the rows after a period's first row, for one leg (see {@link restOfPeriod}). */
interface RestAggregates {
  /** Growth over the rows, their count, and of returns and excess returns: sums, means, sums of squared deviations. */
  growth: number; count: number;
  sumR: number; meanR: number; m2R: number;
  sumE: number; meanE: number; m2E: number;
  /** Lowest and highest wealth relative to the period's first row (+Inf / -Inf without rows). */
  low: number; high: number;
  /** Lowest wealth over its running maximum, that maximum starting at 1 (+Inf without rows). */
  drop: number;
}

/** Welford's (1962) pass over rows `from..to - 1` of one leg (`leg` a section of the row tables). */
function restOfPeriod(acc: RestAggregates, t: SweepRowTables, rows: number, leg: number, from: number, to: number): void {
  const grow = t.grow, cashReturn = t.cashReturn, inverse = t.inverse;
  let w = 1, top = 1, low = Infinity, high = -Infinity, drop = Infinity;
  let sumR = 0, meanR = 0, m2R = 0, sumE = 0, meanE = 0, m2E = 0;
  for (let i = from; i < to; i += 1) {
    const g = grow[leg * rows + i];
    const r = g - 1, e = r - cashReturn[i];
    const n = inverse[i - from + 1];
    const dR = r - meanR;
    meanR += dR * n;
    m2R += dR * (r - meanR);
    const dE = e - meanE;
    meanE += dE * n;
    m2E += dE * (e - meanE);
    sumR += r;
    sumE += e;
    w *= g;
    low = Math.min(low, w);
    high = Math.max(high, w);
    top = Math.max(top, w);
    drop = Math.min(drop, w / top);
  }
  acc.growth = w;
  acc.count = Math.max(0, to - from);
  acc.sumR = sumR; acc.meanR = meanR; acc.m2R = m2R;
  acc.sumE = sumE; acc.meanE = meanE; acc.m2E = m2E;
  acc.low = low; acc.high = high; acc.drop = drop;
}

/**
 * Writes one period variant at `at` of `table`: a first row of growth `g0` (the fill day: the
 * held leg's growth times the cost factor of the fill, if any) and cash return `rc0`, then the
 * rows of `rest`. Merges the first row into the rest with Chan, Golub and LeVeque's (1979)
 * pairwise formula, and the wealth extremes: relative to the period's start, the path is `g0`
 * then `g0 × rest`, and its lowest ratio to the running maximum (the start included) is
 * `min(min(g0, 1), g0 × rest.low, rest.drop)`.
 */
function writeVariant(table: Float64Array, at: number, g0: number, rc0: number, rest: RestAggregates): void {
  const r0 = g0 - 1, e0 = r0 - rc0, n = rest.count;
  const w = n / (n + 1);
  table[at + G] = g0 * rest.growth;
  table[at + SR] = r0 + rest.sumR;
  table[at + QR] = rest.m2R + (n > 0 ? (r0 - rest.meanR) * (r0 - rest.meanR) * w : 0);
  table[at + SE] = e0 + rest.sumE;
  table[at + QE] = rest.m2E + (n > 0 ? (e0 - rest.meanE) * (e0 - rest.meanE) * w : 0);
  table[at + LO] = Math.min(g0, g0 * rest.low);
  table[at + HI] = Math.max(g0, g0 * rest.high);
  table[at + DD] = Math.min(g0, 1, g0 * rest.low, rest.drop);
}

/**
 * Writes the four variants of the period starting at window row `b` and ending before `e` into
 * `table` at `at`: variant `2 h0 + h1` is the period held in leg `h1` (0 small, 1 large) after
 * a fill at `b` from leg `h0` (a switch when they differ, at cost factor `switchFactor`);
 * `extra` multiplies the first row's growth (the cost of a buy out of cash at row 0 still to be
 * charged, else 1).
 */
function writePeriod(table: Float64Array, at: number, rest: RestAggregates, t: SweepRowTables, rows: number, b: number, e: number, switchFactor: number, extra: number): void {
  const grow = t.grow, rc0 = t.cashReturn[b];
  for (let h1 = 0; h1 < 2; h1 += 1) {
    restOfPeriod(rest, t, rows, SMALL_LEG + h1, b + 1, e);
    for (let h0 = 0; h0 < 2; h0 += 1) {
      const g0 = grow[(SMALL_LEG + h0) * rows + b] * extra * (h0 === h1 ? 1 : switchFactor);
      writeVariant(table, at + (2 * h0 + h1) * FIELDS, g0, rc0, rest);
    }
  }
}

/**
 * Walks one combination over periods `from..to - 1` of `table`, starting from leg `state`
 * (0 small, 1 large, the last submitted target) with the accumulators in `acc`, and leaves the
 * final accumulators in `acc`. At the month-end decision of period `p` the strategy switches
 * when the other leg's trailing return exceeds the current leg's plus `threshold` (the engine's
 * comparison, `trail[2p + leg]` the trailing return of `leg` at that month-end); the fill at the
 * period's first row then either keeps the leg (variant `3 × leg`) or switches (variant
 * `2 leg + other`). A period merges in O(1): equity times its growth; the returns' and the excess
 * returns' sums and sums of squared deviations by Chan, Golub and LeVeque's (1979) pairwise
 * update (`M2 += M2_B + (mean_B - mean_A)² nA nB / (nA + nB)`, the counts shared by every
 * combination); the running peak and the lowest equity/peak ratio from the period's lowest and
 * highest wealth and its own deepest drop. Allocates nothing.
 */
function walkPeriods(acc: Float64Array, table: Float64Array, weights: Float64Array, trail: Float64Array, from: number, to: number, state: number, threshold: number): void {
  let equity = acc[EQUITY], peak = acc[PEAK], low = acc[LOW];
  let sumR = acc[SUM_R], m2R = acc[M2_R], sumE = acc[SUM_E], m2E = acc[M2_E], trades = acc[TRADES];
  let leg = state;
  for (let p = from; p < to; p += 1) {
    const mine = trail[2 * p + leg], theirs = trail[2 * p + 1 - leg];
    const switches = theirs > mine + threshold ? 1 : 0;
    const next = leg ^ switches;
    const at = (p * VARIANTS + 2 * leg + next) * FIELDS;
    leg = next;
    trades += switches;
    const wAt = p * WEIGHTS;
    const invA = weights[wAt + INV_A], invB = weights[wAt + INV_B], w = weights[wAt + WEIGHT];
    const sR = table[at + SR], sE = table[at + SE];
    const dR = sR * invB - sumR * invA;
    const dE = sE * invB - sumE * invA;
    m2R += table[at + QR] + dR * dR * w;
    m2E += table[at + QE] + dE * dE * w;
    sumR += sR;
    sumE += sE;
    low = Math.min(low, (equity * table[at + LO]) / peak, table[at + DD]);
    peak = Math.max(peak, equity * table[at + HI]);
    equity *= table[at + G];
  }
  acc[EQUITY] = equity; acc[PEAK] = peak; acc[LOW] = low;
  acc[SUM_R] = sumR; acc[M2_R] = m2R; acc[SUM_E] = sumE; acc[M2_E] = m2E; acc[TRADES] = trades;
}

/**
 * Adds window row `i` of growth `g` (return `g - 1`, excess `g - 1 - rc`) to the accumulators
 * `acc`, `i - 1` returns already in: the pairwise update with one value, and the drawdown
 * tracker's steps on the new equity.
 */
function addRow(acc: Float64Array, i: number, g: number, rc: number): void {
  const r = g - 1, e = r - rc, n = i - 1;
  if (n > 0) {
    const dR = r - acc[SUM_R] / n, dE = e - acc[SUM_E] / n;
    acc[M2_R] += (dR * dR * n) / (n + 1);
    acc[M2_E] += (dE * dE * n) / (n + 1);
  }
  acc[SUM_R] += r;
  acc[SUM_E] += e;
  const equity = acc[EQUITY] * g;
  acc[EQUITY] = equity;
  acc[PEAK] = Math.max(acc[PEAK], equity);
  acc[LOW] = Math.min(acc[LOW], equity / acc[PEAK]);
}

/**
 * The month-end fast path of `momentumSweep`: the metrics of every (k, threshold) combination
 * of relative momentum on the `month-end` schedule, written into `out` (metric sections of
 * `firstRows.length × thresholds.length` entries), each combination in O(periods) time.
 *
 * Requires `t.positive` (every order fills). The engine's semantics with this schedule: the
 * first decision (window row `first`, the warm-up) submits the leg with the higher trailing
 * return; after it, the target is submitted at each month-end row `m` only, and the select
 * step's hysteresis state (the current leg) is the last submitted target, so it changes only
 * there; each submission fills at row `m + lag` (an unchanged target is an order already met,
 * ignored). So the fill rows `m + lag` cut the window into periods shared by every combination
 * (k moves only the first fill, the threshold only the choices), and within a period the
 * portfolio holds one leg.
 *
 * Method: per period and each of its four (leg before, leg after) variants, the growth factor,
 * the sums and sums of squared deviations of the returns and excess returns (Welford 1962 within
 * the period, the fill day merged by Chan, Golub and LeVeque 1979), and the lowest and highest
 * wealth and deepest drop relative to the period's start are tabled once for all combinations
 * (O(rows)). Per lookback, the rows up to the first month-end decision after the first one
 * (cash from the prefix of the cash path, the buy, the first leg) are run once for all
 * thresholds; then each combination walks the periods (see `walkPeriods`). Daily volatility,
 * Sharpe ratio and maximum drawdown stay exact (to rounding): the pairwise merge of moments is
 * exact algebra, and `equity / peak` over a period is the lesser of its lowest wealth over the
 * peak before it and its own deepest drop.
 */
export function monthEndSweepInto(
  out: Float64Array,
  data: MarketData,
  t: SweepRowTables,
  monthEnd: Uint8Array,
  firstRows: Int32Array,
  lookbackRows: Int32Array,
  thresholds: Float64Array,
  startRow: number,
  rows: number,
  lag: number,
  rate: number,
  capital: number,
): void {
  const small = data.closes[0], large = data.closes[1];
  const grow = t.grow, cashReturn = t.cashReturn;
  const nK = firstRows.length, nT = thresholds.length, combinations = nK * nT;
  const buyFactor = 1 / (1 + rate), switchFactor = (1 - rate) / (1 + rate);

  // Month-end rows, the month-ends up to each row, and the periods: fills at month-end + lag inside the window.
  const ends = new Int32Array(rows), endsUpTo = new Int32Array(rows);
  let months = 0;
  for (let i = 0; i < rows; i += 1) {
    if (monthEnd[i] === 1) ends[months++] = i;
    endsUpTo[i] = months;
  }
  let periods = 0;
  while (periods < months && ends[periods] + lag < rows) periods += 1;
  const starts = new Int32Array(periods + 1);
  for (let p = 0; p < periods; p += 1) starts[p] = ends[p] + lag;
  starts[periods] = rows;

  // Period tables. A period starting at row 0 (a month-end at row 0 with lag 0) is never walked:
  // that month-end is every lookback's first decision or comes before it. A period starting at
  // row 1 with lag 0 (a month-end at row 1) is walked only by lookbacks that decide at row 0 and
  // so buy at row 0's close: equity[0] stays the capital, as in the engine, and the buy's cost
  // falls into row 1, the period's first row (its growth times the buy factor).
  const table = new Float64Array(periods * VARIANTS * FIELDS), weights = new Float64Array(periods * WEIGHTS);
  const rest: RestAggregates = { growth: 1, count: 0, sumR: 0, meanR: 0, m2R: 0, sumE: 0, meanE: 0, m2E: 0, low: Infinity, high: -Infinity, drop: Infinity };
  for (let p = 0; p < periods; p += 1) {
    const b = starts[p], e = starts[p + 1];
    if (b < 1) continue;
    const nA = b - 1, nB = e - b;
    weights[p * WEIGHTS + INV_A] = nA > 0 ? 1 / nA : 0;
    weights[p * WEIGHTS + INV_B] = 1 / nB;
    weights[p * WEIGHTS + WEIGHT] = (nA * nB) / (nA + nB);
    writePeriod(table, p * VARIANTS * FIELDS, rest, t, rows, b, e, switchFactor, lag === 0 && b === 1 ? buyFactor : 1);
  }

  // The cash path from row 0 (every lookback's rows before its first fill): prefix accumulators.
  const cash = new Float64Array(rows * SLOTS);
  const acc = new Float64Array(SLOTS), head = new Float64Array(SLOTS);
  acc.fill(0);
  acc[EQUITY] = capital; acc[PEAK] = capital; acc[LOW] = 1;
  cash.set(acc, 0);
  for (let i = 1; i < rows; i += 1) {
    // In cash the return is the cash return itself and the excess return exactly 0.
    const rc = cashReturn[i], n = i - 1;
    if (n > 0) {
      const d = rc - acc[SUM_R] / n;
      acc[M2_R] += (d * d * n) / (n + 1);
    }
    acc[SUM_R] += rc;
    const equity = acc[EQUITY] * grow[CASH * rows + i];
    acc[EQUITY] = equity;
    acc[PEAK] = Math.max(acc[PEAK], equity);
    acc[LOW] = Math.min(acc[LOW], equity / acc[PEAK]);
    cash.set(acc, i * SLOTS);
  }

  const trail = new Float64Array(2 * periods);
  for (let kIndex = 0; kIndex < nK; kIndex += 1) {
    const first = firstRows[kIndex], lookback = lookbackRows[kIndex];
    const fill = first + lag;
    let leg = 0, from = periods;
    if (fill >= rows) {
      // No fill inside the window: all cash.
      head.set(cash.subarray((rows - 1) * SLOTS, rows * SLOTS));
    } else {
      const row = startRow + first;
      const rs = small[row] / small[row - lookback] - 1, rl = large[row] / large[row - lookback] - 1;
      leg = rs > rl ? 0 : 1; // the first decision: large on a tie or NaN, as in the engine
      from = endsUpTo[first]; // the first month-end after the first decision
      const headEnd = from < periods ? starts[from] : rows;
      const legAt = (SMALL_LEG + leg) * rows;
      let i: number;
      if (fill > 0) {
        // Cash up to the fill, then the buy at the fill's close.
        head.set(cash.subarray((fill - 1) * SLOTS, fill * SLOTS));
        addRow(head, fill, grow[CASH * rows + fill] * buyFactor, cashReturn[fill]);
        i = fill + 1;
      } else {
        // Bought at row 0 (lag 0): equity[0] stays the capital, the buy's cost falls into row 1
        // (into the first period's table when row 1 is a fill row, see above).
        head.set(cash.subarray(0, SLOTS));
        if (headEnd > 1) addRow(head, 1, grow[legAt + 1] * buyFactor, cashReturn[1]);
        i = 2;
      }
      for (; i < headEnd; i += 1) addRow(head, i, grow[legAt + i], cashReturn[i]);
      head[TRADES] = 1;
      for (let p = from; p < periods; p += 1) {
        const m = startRow + ends[p];
        trail[2 * p] = small[m] / small[m - lookback] - 1;
        trail[2 * p + 1] = large[m] / large[m - lookback] - 1;
      }
    }

    for (let tIndex = 0; tIndex < nT; tIndex += 1) {
      acc.set(head);
      walkPeriods(acc, table, weights, trail, from, periods, leg, thresholds[tIndex]);
      const n = rows - 1;
      writeSweepMetrics(out, kIndex * nT + tIndex, combinations, rows, data.periodsPerYear,
        acc[EQUITY], capital, acc[M2_R], acc[SUM_E] / n, acc[M2_E], acc[LOW] - 1, acc[TRADES]);
    }
  }
}
