/**
 * Exact order statistics without sorting everything: the values a full ascending sort would put
 * at a few chosen ranks, found from a histogram of the numbers' leading bits and a sort of only
 * the histogram bins that hold those ranks (a distribution-counting selection in the spirit of
 * the radix select; Knuth, TAOCP vol. 3, 5.2 and 5.3.3).
 */
import { checkFloat64Window as checkWindow, LITTLE_ENDIAN, orderKeyHigh, sortedFloat64 } from './sort-float64';

/**
 * Bins: the top 18 bits of the order-preserving 64-bit key of a double (sign, exponent and 6
 * mantissa bits), so a bin spans 1/64 of a power of two: about 1.6 % of a value's magnitude.
 * The counts (1 MiB) stay in the core's cache while a million values are counted; with 20 bits
 * (4 MiB) counting and selecting took about 3 times as long on the development machine, for
 * bins a quarter as full (tools/bench/README.md).
 */
const BIN_BITS = 18;
const BINS = 1 << BIN_BITS;

/** Bin of a double from the high word of its bits: the leading bits of its order-preserving key. */
function binOf(high: number): number {
  return orderKeyHigh(high) >>> (32 - BIN_BITS);
}

/**
 * A histogram of the leading 18 bits of the order-preserving 64-bit keys of doubles (the map of
 * {@link sortedFloat64}): each bin is a contiguous range of the ascending order. Integer counts,
 * so adding the same values in any chunks and any order gives the same histogram. Feeds
 * {@link valuesAtRanksFrom}. 1 MiB.
 */
export class KeyHistogram {
  /** Count per bin. */
  readonly counts = new Int32Array(BINS);
  /** Values added. */
  count = 0;

  /** Counts `values[start..end)` (NaN included: it has a key like any double). */
  add(values: Float64Array, start = 0, end = values.length): void {
    checkWindow('KeyHistogram.add', values, start, end);
    const counts = this.counts;
    if (LITTLE_ENDIAN) {
      const words = new Uint32Array(values.buffer, values.byteOffset + 8 * start, 2 * (end - start));
      for (let i = 1; i < words.length; i += 2) counts[binOf(words[i])] += 1;
    }
    this.count += end - start;
  }

  /** Empties the histogram, so its memory can count another set of values. */
  clear(): void {
    this.counts.fill(0);
    this.count = 0;
  }
}

/**
 * The values at 0-based `ranks` of the ascending order of `values[start..end)`, bit for bit what
 * `sortedFloat64(values, start, end)[rank]` (and so `Float64Array.prototype.sort`) gives, in the
 * order of `ranks`. Two passes over the window: a {@link KeyHistogram} of it, then a copy of the
 * values in the bins that hold a wanted rank, which alone are sorted. A bin is a range of the
 * order, so the sorted copy holds each wanted rank at a known offset. Cost O(n) plus the sort of
 * those bins (a few thousand values each for spread-out data; for data crowded into one bin it
 * degrades to one sort). A window holding NaN, a short window or a big-endian host takes one
 * full sort. See {@link valuesAtRanksFrom} to reuse a histogram built while the values arrived.
 *
 * @throws RangeError when the window does not fit `values` or a rank is not an integer in
 * `[0, end − start)` (programmer errors).
 */
export function valuesAtRanks(values: Float64Array, ranks: readonly number[], start = 0, end = values.length): Float64Array {
  checkWindow('valuesAtRanks', values, start, end);
  if (end - start < RANKS_BY_HISTOGRAM_FROM || !LITTLE_ENDIAN) return valuesAtRanksFrom(undefined, values, ranks, start, end);
  const histogram = new KeyHistogram();
  histogram.add(values, start, end);
  return valuesAtRanksFrom(histogram, values, ranks, start, end);
}

/**
 * The table of wanted bins (per bin its place among the wanted ones plus one, 0 if not wanted):
 * one 512 KiB table kept between calls and left all zeros by each (its few entries are cleared
 * after use), so a call does not touch half a megabyte of fresh pages; a new 32-bit table when
 * more bins are wanted than 16 bits can number.
 */
let wantedBins: Uint16Array | undefined;
function wantedTable(count: number): Uint16Array | Int32Array {
  if (count >= 0xffff) return new Int32Array(BINS);
  wantedBins ??= new Uint16Array(BINS);
  return wantedBins;
}

/** Below this many values, {@link valuesAtRanks} sorts the whole window (as fast, less memory). */
export const RANKS_BY_HISTOGRAM_FROM = 65536;

/**
 * {@link valuesAtRanks} with the histogram of exactly `values[start..end)` already built (for
 * example chunk by chunk as the values were computed), or `undefined` for one full sort.
 *
 * @throws RangeError when the window does not fit `values`, a rank is not an integer in
 * `[0, end − start)`, or the histogram does not count `end − start` values (programmer errors).
 */
export function valuesAtRanksFrom(histogram: KeyHistogram | undefined, values: Float64Array, ranks: readonly number[], start = 0, end = values.length): Float64Array {
  checkWindow('valuesAtRanks', values, start, end);
  const n = end - start;
  for (const r of ranks) {
    if (!(Number.isInteger(r) && r >= 0 && r < n)) throw new RangeError(`valuesAtRanks: rank ${r} is outside [0, ${n})`);
  }
  if (histogram !== undefined && histogram.count !== n) throw new RangeError(`valuesAtRanks: the histogram counts ${histogram.count} values, the window holds ${n}`);
  const out = new Float64Array(ranks.length);
  if (ranks.length === 0) return out;
  let nan = false;
  for (let i = start; i < end && !nan; i += 1) nan = values[i] !== values[i];
  if (nan || !LITTLE_ENDIAN || histogram === undefined) {
    const sorted = sortedFloat64(values, start, end);
    ranks.forEach((r, j) => { out[j] = sorted[r]; });
    return out;
  }
  return selectByBins(histogram.counts, values, ranks, -1, start, end).atRanks;
}

/**
 * The values of `values[start..end)` that are `<= limit`, sorted ascending (the prefix of the
 * full sort up to `limit`, bit for bit): one pass to count, one to copy, then
 * {@link sortedFloat64} of the copy. NaN is never `<= limit`, so it is left out.
 *
 * @throws RangeError when the window does not fit `values` (programmer error).
 */
export function sortedAtOrBelow(values: Float64Array, limit: number, start = 0, end = values.length): Float64Array {
  checkWindow('sortedAtOrBelow', values, start, end);
  let count = 0;
  for (let i = start; i < end; i += 1) if (values[i] <= limit) count += 1;
  const picked = new Float64Array(count);
  for (let i = start, k = 0; i < end; i += 1) {
    const v = values[i];
    if (v <= limit) {
      picked[k] = v;
      k += 1;
    }
  }
  return sortedFloat64(picked);
}

/** What {@link ranksAndSortedPrefix} finds. */
export interface RanksAndPrefix {
  /** The values at the asked ranks, in the order of the ranks. */
  readonly atRanks: Float64Array;
  /**
   * The first values of the ascending order of the window, exactly its full sort's prefix: every
   * value up to the end of the histogram bin holding `prefixRank` (so at least `prefixRank + 1`
   * values).
   */
  readonly prefix: Float64Array;
}

/**
 * {@link valuesAtRanksFrom} and the sorted low tail in one pass over a window known to hold no
 * NaN (a `DistributionAccumulator` knows): the values of every bin up to the one holding rank
 * `prefixRank` are copied into `prefix`, the values of the other bins holding a wanted rank
 * into a second array, and each is sorted ({@link sortedFloat64}), so the numbers are those of
 * a full sort, bit for bit. A rank inside the prefix is read from it. This replaces four passes
 * (NaN check, copy of the wanted bins, count and copy of the tail) with one.
 *
 * @throws RangeError when the window does not fit `values`, a rank or `prefixRank` is not an
 * integer in `[0, end − start)`, or the histogram does not count `end − start` values
 * (programmer errors).
 */
export function ranksAndSortedPrefix(histogram: KeyHistogram, values: Float64Array, ranks: readonly number[], prefixRank: number, start = 0, end = values.length): RanksAndPrefix {
  checkWindow('ranksAndSortedPrefix', values, start, end);
  const n = end - start;
  for (const r of [...ranks, prefixRank]) {
    if (!(Number.isInteger(r) && r >= 0 && r < n)) throw new RangeError(`ranksAndSortedPrefix: rank ${r} is outside [0, ${n})`);
  }
  if (histogram.count !== n) throw new RangeError(`ranksAndSortedPrefix: the histogram counts ${histogram.count} values, the window holds ${n}`);
  if (!LITTLE_ENDIAN) {
    const sorted = sortedFloat64(values, start, end);
    return { atRanks: Float64Array.from(ranks, (r) => sorted[r]), prefix: sorted.slice(0, prefixRank + 1) };
  }
  return selectByBins(histogram.counts, values, ranks, prefixRank, start, end);
}

/**
 * The selection both functions above run on a little-endian host, from the bin counts of
 * exactly `values[start..end)`: one pass copies the values of the bins up to the one holding
 * `prefixRank` (none when it is negative) and those of the other bins holding a wanted rank;
 * each copy is sorted, and each rank read from the copy that holds it.
 */
function selectByBins(counts: Int32Array, values: Float64Array, ranks: readonly number[], prefixRank: number, start: number, end: number): RanksAndPrefix {
  const n = end - start;
  // The prefix: every bin up to the one holding prefixRank.
  let prefixSize = 0, prefixBin = -1;
  if (prefixRank >= 0) {
    for (prefixBin = 0; prefixSize + counts[prefixBin] <= prefixRank; prefixBin += 1) prefixSize += counts[prefixBin];
    prefixSize += counts[prefixBin];
  }
  // The bins past the prefix that hold a wanted rank, found in one scan in rank order.
  const order = ranks.map((_, j) => j).filter((j) => ranks[j] >= prefixSize).sort((x, y) => ranks[x] - ranks[y]);
  const bins: number[] = [], below: number[] = [];
  const binOfRank = new Int32Array(ranks.length);
  let cumulative = prefixSize, bin = prefixBin + 1;
  for (const j of order) {
    while (cumulative + counts[bin] <= ranks[j]) {
      cumulative += counts[bin];
      bin += 1;
    }
    if (bins.length === 0 || bins[bins.length - 1] !== bin) {
      bins.push(bin);
      below.push(cumulative);
    }
    binOfRank[j] = bins.length - 1;
  }
  const wanted = wantedTable(bins.length);
  const offset: number[] = [];
  let size = 0;
  bins.forEach((b, w) => {
    wanted[b] = w + 1;
    offset.push(size);
    size += counts[b];
  });
  const prefix = new Float64Array(prefixSize), picked = new Float64Array(size);
  const filled = offset.slice();
  const words = new Uint32Array(values.buffer, values.byteOffset + 8 * start, 2 * n);
  let p = 0;
  for (let i = 1, k = start; i < 2 * n; i += 2, k += 1) {
    const b = binOf(words[i]);
    if (b <= prefixBin) {
      prefix[p] = values[k];
      p += 1;
    } else {
      const w = wanted[b];
      if (w !== 0) {
        picked[filled[w - 1]] = values[k];
        filled[w - 1] += 1;
      }
    }
  }
  for (const b of bins) wanted[b] = 0;
  const sortedPrefix = sortedFloat64(prefix), sorted = sortedFloat64(picked);
  const atRanks = new Float64Array(ranks.length);
  ranks.forEach((r, j) => {
    atRanks[j] = r < prefixSize ? sortedPrefix[r] : sorted[offset[binOfRank[j]] + (r - below[binOfRank[j]])];
  });
  return { atRanks, prefix: sortedPrefix };
}
