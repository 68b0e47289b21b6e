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
 * returns and squared excess returns over the period's rows.
 */
const G = 0, G_OVER_HI = 1, LO = 2, DD = 3, SUM_R = 4, SQ_R = 5, SUM_E = 6, SQ_E = 7;
const FIELDS = 8;
/** Variants per period: (leg held before the period's fill, leg after), variant `2 h0 + h1`, legs 0 small and 1 large. */
const VARIANTS = 4;
/**
 * Fields of a stretch of periods as the walk applies it (see {@link composeStretch}): growth,
 * the ratio cap, the low multiplier, the low floor, and the sums of returns, squared returns
 * and squared excess returns (the excess returns' sum follows from the returns', see
 * `monthEndSweepInto`).
 */
const A = 0, CAP = 1, X = 2, Y = 3, R = 4, RR = 5, EE = 6;
const STRETCH = 7;
/** Runs of at most this many periods are applied leaf by leaf (the leaves stay in cache; the sparse table's rows may not). */
const SHORT_RUN = 4;
/**
 * Slots of a combination's accumulators: equity, `equity / running peak`, the lowest such ratio
 * so far, the sums of returns and squared returns, the sum of excess returns (the head only)
 * and of their squares (in the head, the exact sums of squared deviations instead of raw
 * squares, see `monthEndSweepInto`), and the executed rebalances.
 */
const EQUITY = 0, RATIO = 1, LOW = 2, S_R = 3, Q_R = 4, S_E = 5, Q_E = 6, TRADES = 7;
const SLOTS = 8;

/**
 * Writes at `at` of `out` the stretch of `first` (at `f`) followed by `second` (at `g`). A
 * stretch maps the ratio `r = equity / peak` at its start to `min(r × A, CAP)` at its end and
 * the lowest ratio inside it to `min(r × X, Y)`; these maps compose in closed form
 * (`A = A1 A2`, `CAP = min(CAP1 A2, CAP2)`, `X = min(X1, A1 X2)`, `Y = min(Y1, CAP1 X2, Y2)`), so
 * any run of periods is one stretch; the sums add.
 */
function composeStretch(out: Float64Array, at: number, first: Float64Array, f: number, second: Float64Array, g: number): void {
  const a1 = first[f + A], c1 = first[f + CAP], a2 = second[g + A], x2 = second[g + X];
  out[at + A] = a1 * a2;
  out[at + CAP] = Math.min(c1 * a2, second[g + CAP]);
  out[at + X] = Math.min(first[f + X], a1 * x2);
  out[at + Y] = Math.min(first[f + Y], c1 * x2, second[g + Y]);
  out[at + R] = first[f + R] + second[g + R];
  out[at + RR] = first[f + RR] + second[g + RR];
  out[at + EE] = first[f + EE] + second[g + EE];
}

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

/**
 * Work memory of {@link monthEndSweepInto}, kept between calls and grown when a call needs more:
 * the tables are hundreds of kilobytes, and allocating them afresh each call (zeroed pages, then
 * garbage) cost about as much as the sweep itself. Every entry a call reads it writes first, so
 * results never depend on an earlier call; a call is synchronous, so calls never share it.
 */
let scratch = new Float64Array(0);
function scratchOf(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.max(length, Math.ceil(scratch.length * 1.5)));
  return scratch;
}

/** Row table sections (`rows` entries each, window row `i` the period from row `i - 1` to `i`): growth of the small and large legs, cash return. */
const SMALL_GROWTH = 0, LARGE_GROWTH = 1, CASH_RETURN = 2;

/** One pass over window rows `from..to - 1` of leg `leg` (0 small, 1 large) of the row table `tab`. */
function restOfPeriod(acc: RestAggregates, tab: Float64Array, rows: number, leg: number, from: number, to: number): void {
  let w = 1, top = 1, low = Infinity, high = -Infinity, drop = Infinity;
  let sumR = 0, sqR = 0, sumE = 0, sqE = 0;
  for (let i = from; i < to; i += 1) {
    const g = tab[leg * rows + i];
    const r = g - 1, e = r - tab[CASH_RETURN * rows + i];
    sumR += r;
    sqR += r * r;
    sumE += e;
    sqE += e * e;
    w *= g;
    if (w < low) low = w;
    if (w > high) high = w;
    if (w > top) top = w;
    else if (w < drop * top) drop = w / top;
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
function writePeriod(variants: Float64Array, rest: RestAggregates, tab: Float64Array, rows: number, b: number, e: number, switchFactor: number, extra: number): void {
  const rc0 = tab[CASH_RETURN * rows + b];
  for (let h1 = 0; h1 < 2; h1 += 1) {
    restOfPeriod(rest, tab, rows, h1, b + 1, e);
    for (let h0 = 0; h0 < 2; h0 += 1) {
      const g0 = tab[h0 * rows + b] * extra * (h0 === h1 ? 1 : switchFactor);
      writeVariant(variants, (2 * h0 + h1) * FIELDS, g0, rc0, rest);
    }
  }
}

/**
 * Walks one combination over periods `from..to - 1`, starting from leg `state` (0 small,
 * 1 large, the last submitted target) with the accumulators in `acc` (raw sums), and leaves the
 * final accumulators in `acc`. At the month-end decision of period `p` the strategy switches
 * when the other leg's trailing return exceeds the current leg's plus `threshold` (the
 * engine's comparison; `trail[2p + leg]` is the trailing return of `leg` at that month-end).
 *
 * The walk scans the decisions up to the next switch, visiting only the `candidates` (periods
 * where the other leg is ahead: with a threshold >= 0 no other period can switch), then applies
 * the run of periods held in the leg, leaf by leaf when it is at most `SHORT_RUN` periods long,
 * else as two stretches of the disjoint sparse table in `stretches` (see `monthEndSweepInto`),
 * and the switch period as the stretch of its switch variant: applying a stretch multiplies
 * equity by `A`, lowers the lowest ratio to `min(ratio × X, Y)`, sets the ratio to
 * `min(ratio × A, CAP)` and adds the sums. No division, no allocation.
 */
function walkPeriods(
  acc: Float64Array, stretches: Float64Array, layout: Int32Array, trail: Float64Array, candidates: Int32Array,
  from: number, to: number, state: number, threshold: number,
): void {
  const size = layout[0], levels = layout[1], levelBase = layout[2], switchBase = layout[3];
  let equity = acc[EQUITY], ratio = acc[RATIO], low = acc[LOW];
  let sumR = acc[S_R], sqR = acc[Q_R], sqE = acc[Q_E], trades = acc[TRADES];
  let leg = state, p = from;
  for (;;) {
    // The next switch: only a period where the other leg's trailing return is above this leg's can be one.
    const next = leg * (to + 1);
    let q = candidates[next + p];
    while (q < to && !(trail[2 * q + 1 - leg] > trail[2 * q + leg] + threshold)) q = candidates[next + q + 1];
    // The run p..q - 1 in `leg`: its leaves one by one when short (they stay in cache), else a
    // suffix and a prefix of one level of the sparse table; then the switch period's variant.
    let first = -1, second = -1, leaf = p, piece = 2;
    if (q - p > SHORT_RUN) {
      const row = (leg * levels + 31 - Math.clz32(p ^ (q - 1))) * size;
      first = levelBase + (row + p) * STRETCH;
      second = levelBase + (row + q - 1) * STRETCH;
      leaf = q;
      piece = 0;
    }
    const third = q < to ? switchBase + (q * 2 + leg) * STRETCH : -1;
    for (;;) {
      let at: number;
      if (leaf < q) at = (leg * size + leaf++) * STRETCH;
      else if (piece < 3) {
        at = piece === 0 ? first : piece === 1 ? second : third;
        piece += 1;
        if (at < 0) continue;
      } else break;
      const a = stretches[at + A];
      const lx = ratio * stretches[at + X], y = stretches[at + Y];
      if (lx < low) low = lx;
      if (y < low) low = y;
      const r = ratio * a, cap = stretches[at + CAP];
      ratio = r < cap ? r : cap;
      equity *= a;
      sumR += stretches[at + R];
      sqR += stretches[at + RR];
      sqE += stretches[at + EE];
    }
    if (q >= to) break;
    leg = 1 - leg;
    trades += 1;
    p = q + 1;
  }
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

/** What every lookback of one month-end sweep shares (built once per call by {@link monthEndSweepInto}). */
interface MonthEndShared {
  readonly out: Float64Array;
  readonly combinations: number;
  readonly thresholds: Float64Array;
  readonly small: Float64Array;
  readonly large: Float64Array;
  readonly startRow: number;
  readonly rows: number;
  readonly periodsPerYear: number;
  readonly capital: number;
  readonly buyFactor: number;
  /** The window's month-end rows, and the first row of each period (`periods + 1` entries, the last `rows`). */
  readonly ends: Int32Array;
  readonly starts: Int32Array;
  readonly periods: number;
  /** The row table (see `SMALL_GROWTH`), the stretch tables and their layout (see {@link walkPeriods}). */
  readonly tab: Float64Array;
  readonly stretches: Float64Array;
  readonly layout: Int32Array;
  /** The sum of the window's cash returns. */
  readonly cashTotal: number;
  /** Per-lookback work memory: accumulators and the trailing returns at the month-ends. */
  readonly head: Float64Array;
  readonly acc: Float64Array;
  readonly trail: Float64Array;
  /**
   * Per leg (`periods + 1` entries each, the last `periods`): the first period at or after `p`
   * where the other leg's trailing return is above this leg's, the only periods where a switch
   * away from the leg can happen (a threshold is never negative).
   */
  readonly candidates: Int32Array;
}

/**
 * Fills the row table `tab` (growth of both legs and cash return of window rows `1..rows - 1`)
 * and returns the sum of the cash returns, or NaN as soon as a growth factor is not finite and
 * above 0.
 */
function rowTableInto(tab: Float64Array, data: MarketData, startRow: number, rows: number): number {
  const small = data.closes[0], large = data.closes[1];
  let cashTotal = 0;
  for (let i = 1; i < rows; i += 1) {
    const row = startRow + i;
    const gs = growth(small, row), gl = growth(large, row), rc = cashReturn(data, row), gc = 1 + rc;
    if (!(gs > 0 && gl > 0 && gc > 0 && gs < Infinity && gl < Infinity && gc < Infinity)) return NaN;
    tab[SMALL_GROWTH * rows + i] = gs;
    tab[LARGE_GROWTH * rows + i] = gl;
    tab[CASH_RETURN * rows + i] = rc;
    cashTotal += rc;
  }
  return cashTotal;
}

/** Copies variant `v` of `variants` as a stretch to `at` of `stretches`. */
function stretchOf(stretches: Float64Array, at: number, variants: Float64Array, v: number): void {
  stretches[at + A] = variants[v + G];
  stretches[at + CAP] = variants[v + G_OVER_HI];
  stretches[at + X] = variants[v + LO];
  stretches[at + Y] = variants[v + DD];
  stretches[at + R] = variants[v + SUM_R];
  stretches[at + RR] = variants[v + SQ_R];
  stretches[at + EE] = variants[v + SQ_E];
}

/**
 * Writes the leaves (each period's stay variant per leg; the identity stretch for a period never
 * walked) and the switch variants of the stretch tables. A period starting at row 0 (a month-end
 * at row 0 with lag 0) is never walked: that month-end is every lookback's first decision or
 * comes before it. A period starting at row 1 with lag 0 is walked only by lookbacks that decide
 * at row 0 and so buy at row 0's close: equity[0] stays the capital, as in the engine, and the
 * buy's cost falls into row 1, the period's first row (its growth times the buy factor).
 */
function periodStretchesInto(sh: MonthEndShared, lag: number, switchFactor: number): void {
  const { stretches, layout, starts, periods, tab, rows } = sh;
  const size = layout[0], switchBase = layout[3];
  const variants = new Float64Array(VARIANTS * FIELDS);
  const rest: RestAggregates = { growth: 1, sumR: 0, sqR: 0, sumE: 0, sqE: 0, low: Infinity, high: -Infinity, drop: Infinity };
  for (let p = 0; p < size; p += 1) {
    const b = p < periods ? starts[p] : 0;
    if (b >= 1) {
      writePeriod(variants, rest, tab, rows, b, starts[p + 1], switchFactor, lag === 0 && b === 1 ? sh.buyFactor : 1);
      for (let leg = 0; leg < 2; leg += 1) {
        stretchOf(stretches, (leg * size + p) * STRETCH, variants, 3 * leg * FIELDS);
        stretchOf(stretches, switchBase + (p * 2 + leg) * STRETCH, variants, (2 * leg + 1 - leg) * FIELDS);
      }
    } else {
      for (let leg = 0; leg < 2; leg += 1) {
        const at = (leg * size + p) * STRETCH;
        stretches[at + A] = 1;
        stretches[at + CAP] = Infinity;
        stretches[at + X] = Infinity;
        stretches[at + Y] = Infinity;
        stretches[at + R] = 0;
        stretches[at + RR] = 0;
        stretches[at + EE] = 0;
      }
    }
  }
}

/**
 * Writes one level of the disjoint sparse table (an O(1) range query for any associative
 * operation) over the leaves at `leaves` into the row at `row`: in each block of `2 × half`
 * leaves, every leaf left of the block's middle gets the stretch from it to the middle, every
 * leaf right of it the stretch from the middle to it. A run `i..j` (`i < j`) is then the stretch
 * at (level of the highest bit of `i xor j`, `i`) followed by the one at (that level, `j`).
 * Blocks whose middle is past the last period hold no run the walk asks for and are skipped.
 */
function sparseLevelInto(stretches: Float64Array, leaves: number, row: number, half: number, periods: number): void {
  for (let middle = half; middle < periods; middle += 2 * half) {
    for (let s = 0; s < STRETCH; s += 1) {
      stretches[row + (middle - 1) * STRETCH + s] = stretches[leaves + (middle - 1) * STRETCH + s];
      stretches[row + middle * STRETCH + s] = stretches[leaves + middle * STRETCH + s];
    }
    for (let i = middle - 2; i >= middle - half; i -= 1) composeStretch(stretches, row + i * STRETCH, stretches, leaves + i * STRETCH, stretches, row + (i + 1) * STRETCH);
    const end = Math.min(middle + half, periods);
    for (let i = middle + 1; i < end; i += 1) composeStretch(stretches, row + i * STRETCH, stretches, row + (i - 1) * STRETCH, stretches, leaves + i * STRETCH);
  }
}

/**
 * One pass over the cash path from row 0 (every lookback's rows before its first fill), keeping
 * in `heads` (`SLOTS` per lookback) the exact accumulators at the row before each lookback's
 * fill (row 0 for a fill at row 0, the last row without a fill). In cash the return is the cash
 * return itself and the excess return exactly 0.
 */
function cashHeadsInto(heads: Float64Array, sh: MonthEndShared, firstRows: Int32Array, lag: number): void {
  const { tab, rows, acc } = sh;
  const nK = firstRows.length;
  const order = Array.from(firstRows, (_, k) => k).sort((a, b) => firstRows[a] - firstRows[b]);
  acc.fill(0);
  acc[EQUITY] = sh.capital; acc[RATIO] = 1; acc[LOW] = 1;
  let next = 0;
  for (let i = 0; i < rows && next < nK; i += 1) {
    if (i > 0) {
      const rc = tab[CASH_RETURN * rows + i], m = i - 1;
      if (m > 0) {
        const d = rc - acc[S_R] / m;
        acc[Q_R] += (d * d * m) / (m + 1);
      }
      acc[S_R] += rc;
      acc[EQUITY] *= 1 + rc;
      acc[RATIO] = Math.min(1, acc[RATIO] * (1 + rc));
      acc[LOW] = Math.min(acc[LOW], acc[RATIO]);
    }
    while (next < nK && Math.max(0, Math.min(firstRows[order[next]] + lag, rows) - 1) === i) heads.set(acc, order[next++] * SLOTS);
  }
}

/**
 * Every threshold of lookback `lookback` (rows) with its first decision at window row `first`,
 * fill at `fill`, starting from the cash accumulators in `sh.head`; metrics written from
 * combination `c0` on. The rows from the fill to the next month-end's fill are run once for all
 * thresholds, exactly; then each threshold walks the periods (see {@link walkPeriods}).
 */
function sweepLookback(sh: MonthEndShared, c0: number, first: number, fill: number, lookback: number): void {
  const { out, combinations, thresholds, rows, periodsPerYear: ppy, capital, head, acc, trail, tab, ends, starts, periods } = sh;
  const nT = thresholds.length, n = rows - 1;
  if (fill >= rows) {
    // No fill inside the window: all cash, the cash pass's exact accumulators.
    for (let t = 0; t < nT; t += 1) writeSweepMetrics(out, c0 + t, combinations, rows, ppy, head[EQUITY], capital, head[Q_R], 0, 0, head[LOW] - 1, 0);
    return;
  }
  const row = sh.startRow + first, small = sh.small, large = sh.large;
  const rs = small[row] / small[row - lookback] - 1, rl = large[row] / large[row - lookback] - 1;
  const leg = rs > rl ? 0 : 1; // the first decision: large on a tie or NaN, as in the engine
  // The first month-end after the first decision (binary search: the number of month-ends <= first).
  let from = 0;
  for (let hi = ends.length; from < hi;) {
    const mid = (from + hi) >>> 1;
    if (ends[mid] <= first) from = mid + 1;
    else hi = mid;
  }
  const headEnd = from < periods ? starts[from] : rows;
  let i: number;
  if (fill > 0) {
    // Cash up to the fill (the snapshot), then the buy at the fill's close.
    const rc = tab[CASH_RETURN * rows + fill];
    addRow(head, fill, (1 + rc) * sh.buyFactor, rc);
    i = fill + 1;
  } else {
    // Bought at row 0 (lag 0): equity[0] stays the capital, the buy's cost falls into row 1
    // (into the first period's table when row 1 is a fill row, see periodStretchesInto).
    if (headEnd > 1) addRow(head, 1, tab[leg * rows + 1] * sh.buyFactor, tab[CASH_RETURN * rows + 1]);
    i = 2;
  }
  for (; i < headEnd; i += 1) addRow(head, i, tab[leg * rows + i], tab[CASH_RETURN * rows + i]);
  head[TRADES] = 1;
  if (from >= periods) {
    // No month-end fill after the first: the head is the whole window, exact.
    for (let t = 0; t < nT; t += 1) writeSweepMetrics(out, c0 + t, combinations, rows, ppy, head[EQUITY], capital, head[Q_R], head[S_E] / n, head[Q_E], head[LOW] - 1, 1);
    return;
  }
  // Raw sums of squares from here on: sum of squared deviations plus sum² / count.
  const count = headEnd - 1;
  if (count > 0) {
    head[Q_R] += (head[S_R] * head[S_R]) / count;
    head[Q_E] += (head[S_E] * head[S_E]) / count;
  }
  const candidates = sh.candidates;
  for (let p = from; p < periods; p += 1) {
    const m = sh.startRow + ends[p];
    trail[2 * p] = small[m] / small[m - lookback] - 1;
    trail[2 * p + 1] = large[m] / large[m - lookback] - 1;
  }
  candidates[periods] = periods;
  candidates[2 * periods + 1] = periods;
  for (let p = periods - 1; p >= from; p -= 1) {
    candidates[p] = trail[2 * p + 1] > trail[2 * p] ? p : candidates[p + 1];
    candidates[periods + 1 + p] = trail[2 * p] > trail[2 * p + 1] ? p : candidates[periods + 2 + p];
  }
  for (let t = 0; t < nT; t += 1) {
    acc.set(head);
    walkPeriods(acc, sh.stretches, sh.layout, trail, candidates, from, periods, leg, thresholds[t]);
    // The excess return is the return less the cash return on every row (0 in cash, where the
    // return is the cash return), so their sum is the returns' sum less the window's cash returns.
    const sumR = acc[S_R], sumE = sumR - sh.cashTotal;
    const m2R = Math.max(0, acc[Q_R] - (sumR * sumR) / n), m2E = Math.max(0, acc[Q_E] - (sumE * sumE) / n);
    writeSweepMetrics(out, c0 + t, combinations, rows, ppy, acc[EQUITY], capital, m2R, sumE / n, m2E, acc[LOW] - 1, acc[TRADES]);
  }
}

/**
 * The fast path of `monthEndMomentumSweep`: the metrics of every (k, threshold) combination
 * of relative momentum on the `month-end` schedule, written into `out` (metric sections of
 * `firstRows.length × thresholds.length` entries), each combination in O(periods) time.
 *
 * Returns false, having written nothing, unless every growth factor of the window (both legs
 * and cash) is finite and above 0: equity then stays a positive number, so every order the
 * engine meets fills and none is rejected, as this path assumes (the caller runs the row loop). The engine's semantics with this schedule:
 * the first decision (window row `first`, the warm-up) submits the leg with the higher trailing
 * return; after it, the target is submitted at each month-end row `m` only, and the select
 * step's hysteresis state (the current leg) is the last submitted target, so it changes only
 * there; each submission fills at row `m + lag` (an unchanged target is an order already met,
 * ignored). So the fill rows `m + lag` cut the window into periods shared by every combination
 * (k moves only the first fill, the threshold only the choices), and within a period the
 * portfolio holds one leg.
 *
 * Method (O(rows + periods log periods) shared work, then O(periods) per combination, no
 * allocation per combination):
 * - Per period and each of its four (leg before, leg after) variants, one pass over its rows
 *   gives the growth `G`, the sums of returns, squared returns and squared excess returns, and
 *   the lowest (`LO`) and highest (`HI`) wealth and the deepest drop (`DD`) relative to the
 *   period's start, the fill day's cost factor in its first row. As a map of the ratio
 *   `r = equity / peak` at the period's start, the period ends at `min(r G, G / HI)` and its
 *   lowest ratio is `min(r LO, DD)`: daily drawdown stays exact (the lesser of the lowest wealth
 *   over the peak before the period and the period's own deepest drop).
 * - Maps of the form `r -> (min(r A, CAP), min(r X, Y))` compose in closed form (see
 *   `composeStretch`), so runs of periods held in one leg are range queries of an associative
 *   operation: a disjoint sparse table per leg (the sparse table of Bender and Farach-Colton,
 *   2000, in the variant that answers any associative operation with two lookups) answers each
 *   run with at most two precomputed stretches.
 * - Per lookback, the rows before its first fill come from one pass of the cash path shared by
 *   all lookbacks, and the rows from the fill to the next month-end's fill are run once for all
 *   thresholds, exactly (Chan, Golub and LeVeque's 1979 pairwise update of the sums of squared
 *   deviations). Then each combination scans its month-end decisions (only the months where
 *   the other leg is ahead) and applies each run as at most two stretches (a short run leaf by
 *   leaf) and each switch as one (see `walkPeriods`).
 * - The variance comes from the sums as `Σx² - (Σx)² / n`, which loses about
 *   `log10(1 + mean² / variance)` digits: nothing for daily returns (mean² / variance ~ 1e-3), a
 *   little for strong drifts; a window without a fill (all cash, where the cash return's
 *   variance can be tiny) or without a month-end fill after the first keeps the exact sums of
 *   squared deviations. The excess returns' sum is the returns' sum less the window's cash
 *   returns (the excess return is the return less the cash return on every row).
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
): boolean {
  // Month-end rows and the periods: fills at month-end + lag inside the window.
  let months = 0;
  for (let i = 0; i < rows; i += 1) months += monthEnd[i];
  const ends = new Int32Array(months);
  for (let i = 0, m = 0; i < rows; i += 1) if (monthEnd[i] === 1) ends[m++] = i;
  let periods = 0;
  while (periods < months && ends[periods] + lag < rows) periods += 1;
  const starts = new Int32Array(periods + 1);
  for (let p = 0; p < periods; p += 1) starts[p] = ends[p] + lag;
  starts[periods] = rows;

  // One block of work memory: the stretch tables (leaves, `size` per leg; the disjoint sparse
  // table, `levels` rows of `size` per leg; the switch variants, period p from leg h at
  // `p * 2 + h`), then the row table.
  let levels = 1;
  while (1 << levels < periods) levels += 1;
  const size = 1 << levels;
  const levelBase = 2 * size * STRETCH, switchBase = levelBase + 2 * levels * size * STRETCH;
  const tableBase = switchBase + 2 * periods * STRETCH;
  const work = scratchOf(tableBase + 3 * rows);
  const tab = work.subarray(tableBase, tableBase + 3 * rows);
  const cashTotal = rowTableInto(tab, data, startRow, rows);
  if (Number.isNaN(cashTotal)) return false;

  const nK = firstRows.length, nT = thresholds.length;
  const sh: MonthEndShared = {
    out, combinations: nK * nT, thresholds, small: data.closes[0], large: data.closes[1], startRow, rows,
    periodsPerYear: data.periodsPerYear, capital, buyFactor: 1 / (1 + rate), ends, starts, periods, tab,
    stretches: work, layout: Int32Array.of(size, levels, levelBase, switchBase), cashTotal,
    head: new Float64Array(SLOTS), acc: new Float64Array(SLOTS), trail: new Float64Array(2 * periods), candidates: new Int32Array(2 * (periods + 1)),
  };
  periodStretchesInto(sh, lag, (1 - rate) / (1 + rate));
  for (let leg = 0; leg < 2; leg += 1) {
    for (let level = 0; level < levels; level += 1) {
      sparseLevelInto(work, leg * size * STRETCH, levelBase + (leg * levels + level) * size * STRETCH, 1 << level, periods);
    }
  }
  const heads = new Float64Array(nK * SLOTS);
  cashHeadsInto(heads, sh, firstRows, lag);
  for (let k = 0; k < nK; k += 1) {
    sh.head.set(heads.subarray(k * SLOTS, (k + 1) * SLOTS));
    sweepLookback(sh, k * nT, firstRows[k], firstRows[k] + lag, lookbackRows[k]);
  }
  return true;
}
