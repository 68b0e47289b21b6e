import type { MarketData } from '../market/market-data';
import { cashReturnForDay } from '../portfolio/cash-return-for-day';
import { monthEnd as lastDayOfMonth } from '../time/day-number';
import { writeSweepMetrics } from './sweep-row-tables';

/**
 * Marks the month-end rows of the window `startRow..startRow + rows - 1` in `out` (1 at window
 * row `i` when the data's next row falls in another calendar month, or there is no next row),
 * the rows at which the engine's `month-end` schedule submits a target (`atMonthEnd` reads the
 * next row's date, not the window's end). Returns the number of month-end rows. Allocates nothing.
 */
export function monthEndRowsInto(out: Uint8Array, days: Int32Array, startRow: number, rows: number): number {
  let count = 0;
  // Days increase: a month-end row is one whose next day is past the last day of its month,
  // computed once a month (the same test as comparing the two days' months).
  let last = lastDayOfMonth(days[startRow]);
  for (let i = 0; i < rows; i += 1) {
    const next = startRow + i + 1;
    const end = next >= days.length || days[next] > last;
    out[i] = end ? 1 : 0;
    if (end) {
      count += 1;
      if (next < days.length) last = lastDayOfMonth(days[next]);
    }
  }
  return count;
}

/**
 * Fields of one period variant as `writeVariant` computes them, `FIELDS` doubles: growth `G`,
 * `G / HI` (`HI` the highest wealth relative to the period's start), lowest wealth `LO`
 * relative to the start, deepest drop `DD`, and the sums of returns, squared returns, excess
 * returns and squared excess returns over the period's rows. The walk reads the first four
 * from the path table (`PATH_FIELDS` per variant) and the sums through per-leg prefix sums.
 */
const G = 0, G_OVER_HI = 1, LO = 2, DD = 3, SUM_R = 4, SQ_R = 5, SUM_E = 6, SQ_E = 7;
const FIELDS = 8, PATH_FIELDS = 4;
/** Variants per period: (leg held before the period's fill, leg after), variant `2 h0 + h1`, legs 0 small and 1 large. */
const VARIANTS = 4;
/** The sums the walk adds by runs (the excess returns' sum follows from the returns', see `monthEndSweepInto`). */
const RUN_SUMS = [SUM_R, SQ_R, SQ_E] as const;
const SUMS = 3;
/**
 * Slots of a combination's accumulators: equity, `equity / running peak`, the lowest such ratio
 * so far, the sums of returns and squared returns, the sum of excess returns (the head only)
 * and of their squares (in the head, the exact sums of squared deviations instead of raw
 * squares, see `monthEndSweepInto`), and the executed rebalances.
 */
const EQUITY = 0, RATIO = 1, LOW = 2, S_R = 3, Q_R = 4, S_E = 5, Q_E = 6, TRADES = 7;
const SLOTS = 8;

/** Sums over the rows after a period's first row, for one leg (see {@link restOfPeriod}). */
interface RestAggregates {
  /** Growth over the rows (1 without rows). */
  growth: number;
  sumR: number; sqR: number; sumE: number; sqE: number;
  /** Lowest and highest wealth relative to the period's first row (+Inf / -Inf without rows). */
  low: number; high: number;
  /** Lowest wealth over its running maximum, that maximum starting at 1 (+Inf without rows). */
  drop: number;
}

/** Growth factor of a leg from data row `row - 1` to `row`, the engine's `close[row] / close[row - 1]`. */
const growth = (closes: Float64Array, row: number): number => closes[row] / closes[row - 1];
/** Return of idle cash from data row `row - 1` to `row`, the engine's (ACT/360 on the earlier close's rate). */
const cashReturn = (data: MarketData, row: number): number => cashReturnForDay(data.cashRate[row - 1], data.days[row - 1], data.days[row]);

/** One pass over window rows `from..to - 1` of leg `closes` (data rows offset by `startRow`). */
function restOfPeriod(acc: RestAggregates, data: MarketData, closes: Float64Array, startRow: number, from: number, to: number): void {
  let w = 1, top = 1, low = Infinity, high = -Infinity, drop = Infinity;
  let sumR = 0, sqR = 0, sumE = 0, sqE = 0;
  for (let i = from; i < to; i += 1) {
    const row = startRow + i;
    const g = growth(closes, row);
    const r = g - 1, e = r - cashReturn(data, row);
    sumR += r;
    sqR += r * r;
    sumE += e;
    sqE += e * e;
    w *= g;
    low = Math.min(low, w);
    high = Math.max(high, w);
    top = Math.max(top, w);
    drop = Math.min(drop, w / top);
  }
  acc.growth = w;
  acc.sumR = sumR; acc.sqR = sqR; acc.sumE = sumE; acc.sqE = sqE;
  acc.low = low; acc.high = high; acc.drop = drop;
}

/**
 * Writes one period variant at `at` of `table`: a first row of growth `g0` (the fill day: the
 * held leg's growth times the cost factor of the fill, if any) and cash return `rc0`, then the
 * rows of `rest`. Relative to the period's start the wealth is `g0`, then `g0 × rest`: its lowest
 * ratio to the running maximum (the start included) is `min(min(g0, 1), g0 × rest.low, rest.drop)`.
 */
function writeVariant(table: Float64Array, at: number, g0: number, rc0: number, rest: RestAggregates): void {
  const r0 = g0 - 1, e0 = r0 - rc0;
  const g = g0 * rest.growth, high = Math.max(g0, g0 * rest.high);
  table[at + G] = g;
  table[at + G_OVER_HI] = g / high;
  table[at + LO] = Math.min(g0, g0 * rest.low);
  table[at + DD] = Math.min(g0, 1, g0 * rest.low, rest.drop);
  table[at + SUM_R] = r0 + rest.sumR;
  table[at + SQ_R] = r0 * r0 + rest.sqR;
  table[at + SUM_E] = e0 + rest.sumE;
  table[at + SQ_E] = e0 * e0 + rest.sqE;
}

/**
 * Writes the four variants of the period of window rows `b..e - 1` into `variants`: variant
 * `2 h0 + h1` is the period held in leg `h1` (0 small, 1 large) after a fill at `b` from leg `h0`
 * (a switch when they differ, at cost factor `switchFactor`); `extra` multiplies the first row's
 * growth (the cost of a buy out of cash at row 0 still to be charged, else 1).
 */
function writePeriod(variants: Float64Array, rest: RestAggregates, data: MarketData, startRow: number, b: number, e: number, switchFactor: number, extra: number): void {
  const rc0 = cashReturn(data, startRow + b);
  for (let h1 = 0; h1 < 2; h1 += 1) {
    restOfPeriod(rest, data, data.closes[h1], startRow, b + 1, e);
    for (let h0 = 0; h0 < 2; h0 += 1) {
      const g0 = growth(data.closes[h0], startRow + b) * extra * (h0 === h1 ? 1 : switchFactor);
      writeVariant(variants, (2 * h0 + h1) * FIELDS, g0, rc0, rest);
    }
  }
}

/**
 * Walks one combination over periods `from..to - 1`, starting from leg `state` (0 small,
 * 1 large, the last submitted target) with the accumulators in `acc` (raw sums), and leaves the
 * final accumulators in `acc`. At the month-end decision of period `p` the strategy switches
 * when the other leg's trailing return exceeds the current leg's plus `threshold` (the
 * engine's comparison; `trail[2p + leg]` is the trailing return of `leg` at that month-end);
 * the fill at the period's first row then keeps the leg or switches, which picks the variant.
 *
 * Per period, O(1) and no division: equity times the variant's growth `G`; the lowest
 * `equity / peak` is the least of the lowest so far, `ratio × LO` and the period's own drop
 * `DD`, and the ratio after it is `min(ratio × G, G / HI)` (the peak either stays or is the
 * period's highest wealth). The sums are added by runs: at each switch, the run of the leg
 * just left from the `prefix` sums of its stay variants (`prefix[(p * 2 + leg) * 3 + s]`, sum
 * `s` over periods before `p`) plus the switch variant's difference from the stay variant
 * (`deltas[(p * 2 + new leg) * 3 + s]`). Allocates nothing.
 */
function walkPeriods(
  acc: Float64Array, path: Float64Array, prefix: Float64Array, deltas: Float64Array, trail: Float64Array,
  from: number, to: number, state: number, threshold: number,
): void {
  let equity = acc[EQUITY], ratio = acc[RATIO], low = acc[LOW];
  let sumR = acc[S_R], sqR = acc[Q_R], sqE = acc[Q_E], trades = acc[TRADES];
  let leg = state, run = from;
  for (let p = from; p < to; p += 1) {
    const mine = trail[2 * p + leg], theirs = trail[2 * p + 1 - leg];
    let variant = 3 * leg;
    if (theirs > mine + threshold) {
      const next = 1 - leg;
      const a = (run * 2 + leg) * SUMS, b = (p * 2 + leg) * SUMS, d = (p * 2 + next) * SUMS;
      sumR += prefix[b] - prefix[a] + deltas[d];
      sqR += prefix[b + 1] - prefix[a + 1] + deltas[d + 1];
      sqE += prefix[b + 2] - prefix[a + 2] + deltas[d + 2];
      variant = 2 * leg + next;
      leg = next;
      run = p;
      trades += 1;
    }
    const at = (p * VARIANTS + variant) * PATH_FIELDS;
    const g = path[at + G];
    const lo = ratio * path[at + LO], drop = path[at + DD];
    if (lo < low) low = lo;
    if (drop < low) low = drop;
    const r = ratio * g, top = path[at + G_OVER_HI];
    ratio = r < top ? r : top;
    equity *= g;
  }
  const a = (run * 2 + leg) * SUMS, b = (to * 2 + leg) * SUMS;
  sumR += prefix[b] - prefix[a];
  sqR += prefix[b + 1] - prefix[a + 1];
  sqE += prefix[b + 2] - prefix[a + 2];
  acc[EQUITY] = equity; acc[RATIO] = ratio; acc[LOW] = low;
  acc[S_R] = sumR; acc[Q_R] = sqR; acc[Q_E] = sqE; acc[TRADES] = trades;
}

/**
 * Adds window row `i` of growth `g` and cash return `rc` to the exact accumulators `acc` (sums
 * and sums of squared deviations, `i - 1` returns already in: the pairwise update of Chan,
 * Golub and LeVeque 1979 with one value) and the drawdown tracker's steps on the new equity.
 */
function addRow(acc: Float64Array, i: number, g: number, rc: number): void {
  const r = g - 1, e = r - rc, n = i - 1;
  if (n > 0) {
    const dR = r - acc[S_R] / n, dE = e - acc[S_E] / n;
    acc[Q_R] += (dR * dR * n) / (n + 1);
    acc[Q_E] += (dE * dE * n) / (n + 1);
  }
  acc[S_R] += r;
  acc[S_E] += e;
  acc[EQUITY] *= g;
  acc[RATIO] = Math.min(1, acc[RATIO] * g);
  acc[LOW] = Math.min(acc[LOW], acc[RATIO]);
}

/**
 * True when every growth factor of window rows `1..rows - 1` (both legs and cash) is finite and
 * above 0: equity stays a positive number, so every order the engine meets fills and none is
 * rejected, as the month-end fast path assumes.
 */
export function positiveGrowth(data: MarketData, startRow: number, rows: number): boolean {
  const small = data.closes[0], large = data.closes[1];
  for (let i = 1; i < rows; i += 1) {
    const row = startRow + i;
    const gs = growth(small, row), gl = growth(large, row), gc = 1 + cashReturn(data, row);
    if (!(gs > 0 && gl > 0 && gc > 0 && gs < Infinity && gl < Infinity && gc < Infinity)) return false;
  }
  return true;
}

/**
 * The month-end fast path of `momentumSweep`: the metrics of every (k, threshold) combination
 * of relative momentum on the `month-end` schedule, written into `out` (metric sections of
 * `firstRows.length × thresholds.length` entries), each combination in O(periods) time.
 *
 * Requires {@link positiveGrowth} (every order fills). The engine's semantics with this schedule:
 * the first decision (window row `first`, the warm-up) submits the leg with the higher trailing
 * return; after it, the target is submitted at each month-end row `m` only, and the select
 * step's hysteresis state (the current leg) is the last submitted target, so it changes only
 * there; each submission fills at row `m + lag` (an unchanged target is an order already met,
 * ignored). So the fill rows `m + lag` cut the window into periods shared by every combination
 * (k moves only the first fill, the threshold only the choices), and within a period the
 * portfolio holds one leg.
 *
 * Method (O(rows) shared work, then O(periods) per combination, no allocation per combination):
 * per period and each of its four (leg before, leg after) variants, the growth, the sums of
 * returns, squared returns, excess returns and squared excess returns, and the lowest and
 * highest wealth and deepest drop relative to the period's start are tabled once (the fill
 * day's cost factor in its first row). Per lookback, the rows before its first fill come from
 * one pass of the cash path shared by all lookbacks, and the rows from the fill to the next
 * month-end's fill are run once for all thresholds, exactly (Chan, Golub and LeVeque's 1979
 * pairwise update); then each combination walks the periods (see `walkPeriods`). Drawdown stays
 * exact on daily equity: over a period, `equity / peak` reaches the lesser of its lowest wealth
 * over the peak before it and its own deepest drop. The variance comes from the sums as
 * `Σx² - (Σx)² / n`, which loses about `log10(1 + mean² / variance)` digits: nothing for daily
 * returns (mean² / variance ~ 1e-3), a little for strong drifts; a window without a fill (all
 * cash, where the cash return's variance can be tiny) or without a month-end fill after the
 * first keeps the exact sums of squared deviations.
 */
export function monthEndSweepInto(
  out: Float64Array,
  data: MarketData,
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
  const nK = firstRows.length, nT = thresholds.length, combinations = nK * nT;
  const buyFactor = 1 / (1 + rate), switchFactor = (1 - rate) / (1 + rate);
  const ppy = data.periodsPerYear, n = rows - 1;

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
  const path = new Float64Array(periods * VARIANTS * PATH_FIELDS);
  const prefix = new Float64Array((periods + 1) * 2 * SUMS), deltas = new Float64Array(periods * 2 * SUMS);
  const variants = new Float64Array(VARIANTS * FIELDS);
  const rest: RestAggregates = { growth: 1, sumR: 0, sqR: 0, sumE: 0, sqE: 0, low: Infinity, high: -Infinity, drop: Infinity };
  for (let p = 0; p < periods; p += 1) {
    const b = starts[p];
    if (b >= 1) writePeriod(variants, rest, data, startRow, b, starts[p + 1], switchFactor, lag === 0 && b === 1 ? buyFactor : 1);
    else variants.fill(0);
    for (let v = 0; v < VARIANTS; v += 1) {
      for (let f = 0; f < PATH_FIELDS; f += 1) path[(p * VARIANTS + v) * PATH_FIELDS + f] = variants[v * FIELDS + f];
    }
    for (let leg = 0; leg < 2; leg += 1) {
      const stay = 3 * leg * FIELDS, into = (2 * (1 - leg) + leg) * FIELDS;
      for (let s = 0; s < SUMS; s += 1) {
        const f = RUN_SUMS[s];
        prefix[((p + 1) * 2 + leg) * SUMS + s] = prefix[(p * 2 + leg) * SUMS + s] + variants[stay + f];
        deltas[(p * 2 + leg) * SUMS + s] = variants[into + f] - variants[stay + f];
      }
    }
  }

  // Each lookback's rows before its first fill are cash, the same path for all: one pass, with
  // the accumulators kept at the row before each lookback's fill (the last row when none).
  // In cash the return is the cash return itself and the excess return exactly 0.
  const heads = new Float64Array(nK * SLOTS), acc = new Float64Array(SLOTS);
  const order = Array.from(firstRows, (_, k) => k).sort((a, b) => firstRows[a] - firstRows[b]);
  const snapshotRow = (k: number): number => Math.max(0, Math.min(firstRows[k] + lag, rows) - 1);
  acc[EQUITY] = capital; acc[RATIO] = 1; acc[LOW] = 1;
  let next = 0;
  // The excess returns' sum is the returns' sum less every row's cash return: the excess return
  // is the return less the cash return on every row (0 in cash, where the return is the cash return).
  let cashTotal = 0;
  for (let i = 1; i < rows; i += 1) cashTotal += cashReturn(data, startRow + i);
  for (let i = 0; i < rows && next < nK; i += 1) {
    if (i > 0) {
      const rc = cashReturn(data, startRow + i), m = i - 1;
      if (m > 0) {
        const d = rc - acc[S_R] / m;
        acc[Q_R] += (d * d * m) / (m + 1);
      }
      acc[S_R] += rc;
      acc[EQUITY] *= 1 + rc;
      acc[RATIO] = Math.min(1, acc[RATIO] * (1 + rc));
      acc[LOW] = Math.min(acc[LOW], acc[RATIO]);
    }
    while (next < nK && snapshotRow(order[next]) === i) heads.set(acc, order[next++] * SLOTS);
  }

  const head = new Float64Array(SLOTS), trail = new Float64Array(2 * periods);
  for (let kIndex = 0; kIndex < nK; kIndex += 1) {
    const first = firstRows[kIndex], lookback = lookbackRows[kIndex], fill = first + lag;
    for (let s = 0; s < SLOTS; s += 1) head[s] = heads[kIndex * SLOTS + s];
    if (fill >= rows) {
      // No fill inside the window: all cash, the cash pass's exact accumulators.
      for (let tIndex = 0; tIndex < nT; tIndex += 1) {
        writeSweepMetrics(out, kIndex * nT + tIndex, combinations, rows, ppy, head[EQUITY], capital, head[Q_R], 0, 0, head[LOW] - 1, 0);
      }
      continue;
    }
    const row = startRow + first;
    const rs = small[row] / small[row - lookback] - 1, rl = large[row] / large[row - lookback] - 1;
    const leg = rs > rl ? 0 : 1; // the first decision: large on a tie or NaN, as in the engine
    const from = endsUpTo[first]; // the first month-end after the first decision
    const headEnd = from < periods ? starts[from] : rows;
    const closes = data.closes[leg];
    let i: number;
    if (fill > 0) {
      // Cash up to the fill (the snapshot), then the buy at the fill's close.
      const rc = cashReturn(data, startRow + fill);
      addRow(head, fill, (1 + rc) * buyFactor, rc);
      i = fill + 1;
    } else {
      // Bought at row 0 (lag 0): equity[0] stays the capital, the buy's cost falls into row 1
      // (into the first period's table when row 1 is a fill row, see above).
      if (headEnd > 1) addRow(head, 1, growth(closes, startRow + 1) * buyFactor, cashReturn(data, startRow + 1));
      i = 2;
    }
    for (; i < headEnd; i += 1) addRow(head, i, growth(closes, startRow + i), cashReturn(data, startRow + i));
    head[TRADES] = 1;
    if (from >= periods) {
      // No month-end fill after the first: the head is the whole window, exact.
      for (let tIndex = 0; tIndex < nT; tIndex += 1) {
        writeSweepMetrics(out, kIndex * nT + tIndex, combinations, rows, ppy, head[EQUITY], capital, head[Q_R], head[S_E] / n, head[Q_E], head[LOW] - 1, 1);
      }
      continue;
    }
    // Raw sums of squares from here on: sum of squared deviations plus sum² / count.
    const count = headEnd - 1;
    if (count > 0) {
      head[Q_R] += (head[S_R] * head[S_R]) / count;
      head[Q_E] += (head[S_E] * head[S_E]) / count;
    }
    for (let p = from; p < periods; p += 1) {
      const m = startRow + ends[p];
      trail[2 * p] = small[m] / small[m - lookback] - 1;
      trail[2 * p + 1] = large[m] / large[m - lookback] - 1;
    }
    for (let tIndex = 0; tIndex < nT; tIndex += 1) {
      acc.set(head);
      walkPeriods(acc, path, prefix, deltas, trail, from, periods, leg, thresholds[tIndex]);
      const sumR = acc[S_R], sumE = sumR - cashTotal;
      const m2R = Math.max(0, acc[Q_R] - (sumR * sumR) / n), m2E = Math.max(0, acc[Q_E] - (sumE * sumE) / n);
      writeSweepMetrics(out, kIndex * nT + tIndex, combinations, rows, ppy, acc[EQUITY], capital, m2R, sumE / n, m2E, acc[LOW] - 1, acc[TRADES]);
    }
  }
}
