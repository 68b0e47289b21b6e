/**
 * The Monte Carlo block-bootstrap kernel: joint (small-cap, large-cap) paths resampled from
 * historical analog windows by the stationary (Politis and Romano, 1994), circular block
 * (Politis and Romano, 1992) or iid bootstrap, with terminal returns and maximum drawdowns.
 */
import { reseedInto, Xoshiro128 } from '../random/xoshiro128';
import { walkerFor, WALK_BATCH_PATHS, type BootstrapWalker } from './bootstrap-walk';
import { GEOMETRIC_BUCKET_BITS, geometricLengthOf, geometricLengthTable, type GeometricLengthTable } from './geometric-length-table';
import type { PreparedSource } from './joint-source';
import type { PathOutcomes } from './path-outcomes';

/**
 * How path blocks are drawn. In every method a block starts at a row drawn uniformly over all
 * rows of the source (every segment, in proportion to its length) and continues through the
 * following rows of the same segment, wrapping to the segment's first row after its last one;
 * a block is cut where the horizon ends.
 * - `'stationary'`: block lengths geometric with mean `meanBlock`, `P(L = k) = p (1 − p)^(k−1)`,
 *   `p = 1 / meanBlock` (the stationary bootstrap, Politis and Romano, 1994);
 * - `'circular'`: every block `round(meanBlock)` rows (the circular block bootstrap, Politis
 *   and Romano, 1992);
 * - `'iid'`: blocks of one row (Efron's, 1979, bootstrap of the rows; `meanBlock` is ignored).
 */
export type BootstrapMethod = 'stationary' | 'circular' | 'iid';

/** The draw: which paths to simulate and how. */
export interface BootstrapOptions {
  readonly method: BootstrapMethod;
  /** Mean block length in rows (fixed length for `'circular'`, rounded); at least 1. Ignored by `'iid'`. */
  readonly meanBlock: number;
  /** Steps (rows) per path, an integer >= 1 (252 = one year of daily rows). */
  readonly horizon: number;
  /** Seed: an integer in `[0, 2^53)`. Path `p` draws from `streamFor(seed, p)`. */
  readonly seed: number;
  /** Global index of the first path to simulate (an integer >= 0). */
  readonly firstPath: number;
  /** How many consecutive paths, from `firstPath` (an integer >= 0). */
  readonly pathCount: number;
  /**
   * Which implementation walks the range table (the numbers are the same bit for bit):
   * `'auto'` (the default) the WebAssembly SIMD walk where the host has it (Node 20 does), else
   * the JavaScript one; `'javascript'` or `'wasm'` to choose (`'wasm'` throws where unavailable).
   */
  readonly kernel?: BootstrapKernel;
}

/** See {@link BootstrapOptions.kernel}. */
export type BootstrapKernel = 'auto' | 'javascript' | 'wasm';

/** The parts of {@link BootstrapOptions} that define one path's draws. */
export type BootstrapPathOptions = Pick<BootstrapOptions, 'method' | 'meanBlock' | 'horizon' | 'seed' | 'kernel'>;

/**
 * Optional caller buffers for fan charts: for every path with global index `p < paths`, the log
 * wealth `ln W_t` (natural log, `W_0 = 1`) at each step `t = 0..horizon`, row-major at
 * `p · (horizon + 1) + t`. Rows are global path indices, so shards can share one buffer; a shard
 * writes only its own rows, and paths outside `[0, paths)` are not recorded.
 */
export interface BootstrapFan {
  readonly paths: number;
  readonly smallLogWealth: Float32Array;
  readonly largeLogWealth: Float32Array;
}

const STATIONARY = 0, CIRCULAR = 1, IID = 2;
const GEOMETRIC_SHIFT = 32 - GEOMETRIC_BUCKET_BITS;
/** Stands in for the length table when blocks have a fixed length (never read). */
const UNUSED_LENGTHS: GeometricLengthTable = { invLogQ: -1, upper: new Int32Array(0), lower: new Int32Array(0), threshold: new Float64Array(0) };

// Math and Number functions bound once: a global lookup per call is slow in some hosts (Jest's vm
// contexts resolve globals through interceptors), a module binding is not.
const { floor, clz32, expm1 } = Math;
const isSafeInteger = Number.isSafeInteger;

/** Validated draw parameters shared by the kernel and the path tracer. */
interface Plan {
  readonly method: number;
  /** `1 / ln(1 − 1/meanBlock)` (stationary), <= 0. */
  readonly invLogQ: number;
  /** Block length for circular (rounded meanBlock) and iid (1). */
  readonly fixedLength: number;
  readonly horizon: number;
  readonly seed: number;
  readonly kernel: BootstrapKernel;
}

function isCount(v: number): boolean {
  return isSafeInteger(v) && v >= 0;
}

function makePlan(prepared: PreparedSource, options: BootstrapPathOptions): Plan {
  const { method, meanBlock, horizon, seed } = options;
  const kernel = options.kernel ?? 'auto';
  if (kernel !== 'auto' && kernel !== 'javascript' && kernel !== 'wasm') throw new RangeError(`bootstrap: unknown kernel '${String(kernel)}'; expected auto, javascript or wasm`);
  const code = method === 'stationary' ? STATIONARY : method === 'circular' ? CIRCULAR : method === 'iid' ? IID : -1;
  if (code < 0) throw new RangeError(`bootstrap: unknown method '${String(method)}'; expected stationary, circular or iid`);
  if (code !== IID && !(Number.isFinite(meanBlock) && meanBlock >= 1)) {
    throw new RangeError(`bootstrap: meanBlock must be a finite number >= 1, got ${meanBlock}`);
  }
  if (!isCount(horizon) || horizon < 1) throw new RangeError(`bootstrap: horizon must be an integer >= 1, got ${horizon}`);
  if (!isCount(seed)) throw new RangeError(`bootstrap: seed must be an integer in [0, 2^53), got ${seed}`);
  if (!(prepared.length >= 1) || prepared.segmentOf.length !== prepared.length) throw new RangeError('bootstrap: the prepared source has no rows');
  // A stationary bootstrap with mean block 1 (p = 1) has blocks of exactly one row: the
  // geometric law has no spread left to draw, so it runs as fixed blocks of one.
  const one = code === STATIONARY && meanBlock === 1;
  return {
    method: one ? CIRCULAR : code,
    invLogQ: code === STATIONARY && !one ? 1 / Math.log1p(-1 / meanBlock) : 0,
    fixedLength: code === CIRCULAR ? Math.round(meanBlock) : 1,
    horizon,
    seed,
    kernel,
  };
}

/** First row of a block: uniform over the `n` rows, from 53 random bits. */
function drawStart(rng: Xoshiro128, n: number): number {
  return floor(rng.nextFloat() * n);
}

/**
 * Length of a block before truncation at the horizon. Stationary: inversion of the geometric
 * law, `1 + floor(ln u / ln(1 − p))` with `u = (k + 1) / 2^32` from one 32-bit output `k`
 * (so `u` in `(0, 1]`), read from `lengths` (the formula's integers, see
 * geometric-length-table.ts; the formula itself for the few outputs the table leaves to it);
 * circular and iid: the fixed length, no draw.
 */
function drawLength(rng: Xoshiro128, plan: Plan, lengths: GeometricLengthTable): number {
  if (plan.method !== STATIONARY) return plan.fixedLength;
  const k = rng.nextU32(), b = k >>> GEOMETRIC_SHIFT;
  const len = k < lengths.threshold[b] ? lengths.upper[b] : lengths.lower[b];
  return len < 0 ? geometricLengthOf(k, plan.invLogQ) : len;
}

/** Where {@link tracePath} writes what it sees; `null` = not wanted. */
interface TraceSink {
  index: Int32Array | null;
  blockStart: Uint8Array | null;
  small: Float64Array | null;
  large: Float64Array | null;
  fanSmall: Float32Array | null;
  fanLarge: Float32Array | null;
  fanOffset: number;
}

/**
 * Replays one path's draws step by step (the generator must be seeded for the path) and records
 * what `sink` asks for: the source row of each step, block starts, the per-step returns, the log
 * wealth at each step (with the kernel's arithmetic: `offset + cum[k]`, so the last value is the
 * kernel's terminal log wealth). Returns the number of blocks. Slow path for a few paths; the
 * outcomes themselves always come from {@link runPaths}.
 */
function tracePath(prepared: PreparedSource, plan: Plan, rng: Xoshiro128, sink: TraceSink): number {
  const lengths = lengthTableOf(plan);
  const { cumSmall, cumLarge, segmentOf } = prepared;
  const segments = prepared.source.segments, n = prepared.length, H = plan.horizon;
  const { small: srcSmall, large: srcLarge } = prepared.source;
  let t = 0, blocks = 0, wS = 0, wL = 0;
  if (sink.fanSmall !== null && sink.fanLarge !== null) {
    sink.fanSmall[sink.fanOffset] = 0;
    sink.fanLarge[sink.fanOffset] = 0;
  }
  while (t < H) {
    let i = drawStart(rng, n);
    let len = drawLength(rng, plan, lengths);
    if (len > H - t) len = H - t;
    if (sink.blockStart !== null) sink.blockStart[t] = 1;
    blocks += 1;
    const s = segmentOf[i], segLo = segments[s], segHi = segments[s + 1];
    for (;;) {
      let run = segHi - i;
      if (run > len) run = len;
      const base = i + s, stop = base + run;
      const oS = wS - cumSmall[base], oL = wL - cumLarge[base];
      for (let k = base + 1; k <= stop; k += 1) {
        const row = k - 1 - s;
        if (sink.index !== null) sink.index[t] = row;
        if (sink.small !== null) sink.small[t] = srcSmall[row];
        if (sink.large !== null) sink.large[t] = srcLarge[row];
        t += 1;
        if (sink.fanSmall !== null && sink.fanLarge !== null) {
          sink.fanSmall[sink.fanOffset + t] = oS + cumSmall[k];
          sink.fanLarge[sink.fanOffset + t] = oL + cumLarge[k];
        }
      }
      wS = oS + cumSmall[stop];
      wL = oL + cumLarge[stop];
      len -= run;
      if (len === 0) break;
      i = segLo;
    }
  }
  return blocks;
}

/**
 * The bulk kernel: paths `[first, first + count)` into `out[outOffset ..)`. No allocation per
 * path or step.
 *
 * Per path it keeps the log wealth `w`, its running peak and the deepest log drawdown so far
 * (`W_0 = 1` is the first peak). A block is one or more runs of consecutive rows of a segment
 * (a new run after a wrap); a run `[base, stop)` of cumulative indices gives log wealth
 * `o + cum[k]` after row `k − 1`, with `o = w − cum[base]`. The run is cut into dyadic pieces
 * (largest power of two first); for a piece with minimum `lo`, maximum `hi` and internal drop `d`
 * (from the range table) the drawdown becomes `min(dd, (o + lo) − peak, d)` and the peak
 * `max(peak, o + hi)`, which is exactly the running-peak drawdown over the piece's rows, since
 * `x − max(peak, m) = min(x − peak, x − m)`. The terminal log wealth is `o + cum[stop]`.
 *
 * Per path, all blocks are drawn first (start, then length: the stationary lengths through
 * {@link geometricLengthTable}, which gives the inversion formula's integers without a
 * logarithm) and then walked; the minimum and maximum in the walk are branch-free. Measured
 * costs per path are in tools/bench/README.md.
 */
function runPaths(prepared: PreparedSource, plan: Plan, rng: Xoshiro128, first: number, count: number, out: PathOutcomes, outOffset: number): void {
  const walker = plan.kernel === 'javascript' ? null : walkerFor(prepared);
  if (walker === null && plan.kernel === 'wasm') throw new RangeError('simulateBootstrapPaths: kernel \'wasm\' asked, but this host has no WebAssembly SIMD');
  if (walker === null) runPathsJs(prepared, plan, rng, first, count, out, outOffset);
  else runPathsWasm(plan, first, count, out, outOffset, walker);
}

/** Where a path's blocks are drawn: start row and length, at most `horizon` of each. */
interface BlockDraws {
  readonly start: Int32Array;
  readonly length: Int32Array;
}

/**
 * Draws the blocks of one path (the generator seeded for it) into `draws` and returns their
 * number: per block the start (`nextFloat`) and, for the stationary bootstrap, the length (one
 * `nextU32`, through {@link geometricLengthTable}: the inversion formula's integers without a
 * logarithm), the last one cut at the horizon.
 */
function drawBlocks(rng: Xoshiro128, plan: Plan, n: number, lengths: GeometricLengthTable, draws: BlockDraws): number {
  const H = plan.horizon;
  const blockStart = draws.start, blockLength = draws.length;
  let blocks = 0;
  for (let t = 0; t < H;) {
    const i = drawStart(rng, n);
    let len = drawLength(rng, plan, lengths);
    if (len > H - t) len = H - t;
    t += len;
    blockStart[blocks] = i;
    blockLength[blocks] = len;
    blocks += 1;
  }
  return blocks;
}

function lengthTableOf(plan: Plan): GeometricLengthTable {
  return plan.method === STATIONARY ? geometricLengthTable(plan.invLogQ) : UNUSED_LENGTHS;
}

/** The JavaScript walk (see {@link runPaths}): the reference, and the kernel where WebAssembly SIMD is missing. */
function runPathsJs(prepared: PreparedSource, plan: Plan, rng: Xoshiro128, first: number, count: number, out: PathOutcomes, outOffset: number): void {
  const cumSmall = prepared.cumSmall, cumLarge = prepared.cumLarge, segmentOf = prepared.segmentOf;
  const table = prepared.rangeTable, m = cumSmall.length, top = prepared.rangeLevels - 1;
  const segments = prepared.source.segments, n = prepared.length, H = plan.horizon, seed = plan.seed;
  const lengths = lengthTableOf(plan);
  const smallReturn = out.smallReturn, largeReturn = out.largeReturn;
  const smallMaxDrawdown = out.smallMaxDrawdown, largeMaxDrawdown = out.largeMaxDrawdown;
  const pick = new Float64Array(12);
  // A path's blocks, drawn before they are walked (two simpler loops run faster than one).
  const draws: BlockDraws = { start: new Int32Array(H), length: new Int32Array(H) };
  const blockStart = draws.start, blockLength = draws.length;
  for (let j = 0; j < count; j += 1) {
    reseedInto(rng, seed, first + j);
    const blocks = drawBlocks(rng, plan, n, lengths, draws);
    let wS = 0, wL = 0, peakS = 0, peakL = 0, ddS = 0, ddL = 0;
    for (let q = 0; q < blocks; q += 1) {
      let i = blockStart[q], len = blockLength[q];
      const s = segmentOf[i], segLo = segments[s], segHi = segments[s + 1];
      for (;;) {
        let run = segHi - i;
        if (run > len) run = len;
        const base = i + s, stop = base + run;
        const oS = wS - cumSmall[base], oL = wL - cumLarge[base];
        let k = base + 1, rem = run;
        do {
          let l = 31 - clz32(rem);
          if (l > top) l = top;
          const o = (l * m + k) * 6;
          const lowS = oS + table[o] - peakS, dropS = table[o + 2], highS = oS + table[o + 1];
          const lowL = oL + table[o + 3] - peakL, dropL = table[o + 5], highL = oL + table[o + 4];
          // Branch-free minimum and maximum: the comparison, as 0 or 1 (`+(a < b)`, a flag, no
          // branch), picks one of two slots of a scratch array. New highs and lows come at
          // random, so branches (what V8 emits for Math.min, Math.max and `?:` on doubles) would
          // mispredict (see tools/bench/README.md). Same choices, ties included, as
          // `if (low < dd) dd = low; if (drop < dd) dd = drop; if (high > peak) peak = high`.
          pick[0] = ddS; pick[1] = lowS;
          const dS = pick[+(lowS < ddS)];
          pick[2] = dS; pick[3] = dropS;
          ddS = pick[2 + +(dropS < dS)];
          pick[4] = peakS; pick[5] = highS;
          peakS = pick[4 + +(highS > peakS)];
          pick[6] = ddL; pick[7] = lowL;
          const dL = pick[6 + +(lowL < ddL)];
          pick[8] = dL; pick[9] = dropL;
          ddL = pick[8 + +(dropL < dL)];
          pick[10] = peakL; pick[11] = highL;
          peakL = pick[10 + +(highL > peakL)];
          const width = 1 << l;
          k += width;
          rem -= width;
        } while (rem > 0);
        wS = oS + cumSmall[stop];
        wL = oL + cumLarge[stop];
        len -= run;
        if (len === 0) break;
        i = segLo;
      }
    }
    const o = outOffset + j;
    smallReturn[o] = expm1(wS);
    largeReturn[o] = expm1(wL);
    smallMaxDrawdown[o] = expm1(ddS);
    largeMaxDrawdown[o] = expm1(ddL);
  }
}

/**
 * The WebAssembly kernel (see {@link runPaths} and bootstrap-walk.wat): the same seeding, draws
 * and walk, with both legs in the lanes of 128-bit SIMD registers and branch-free minimum and
 * maximum, in batches; bit for bit the JavaScript kernel's numbers (`expm1` stays here).
 */
function runPathsWasm(plan: Plan, first: number, count: number, out: PathOutcomes, outOffset: number, walker: BootstrapWalker): void {
  const smallReturn = out.smallReturn, largeReturn = out.largeReturn;
  const smallMaxDrawdown = out.smallMaxDrawdown, largeMaxDrawdown = out.largeMaxDrawdown;
  const walked = walker.out;
  const draw = { seed: plan.seed, horizon: plan.horizon, stationary: plan.method === STATIONARY, fixedLength: plan.fixedLength, lengths: lengthTableOf(plan) };
  for (let done = 0; done < count; done += WALK_BATCH_PATHS) {
    const batch = Math.min(WALK_BATCH_PATHS, count - done);
    walker.simulate(draw, first + done, batch);
    for (let q = 0; q < batch; q += 1) {
      const o = outOffset + done + q, w = 4 * q;
      smallReturn[o] = expm1(walked[w]);
      largeReturn[o] = expm1(walked[w + 1]);
      smallMaxDrawdown[o] = expm1(walked[w + 2]);
      largeMaxDrawdown[o] = expm1(walked[w + 3]);
    }
  }
}

function checkOut(what: string, length: number, needed: number): void {
  if (length < needed) throw new RangeError(`simulateBootstrapPaths: ${what} holds ${length} values, ${needed} needed`);
}

/**
 * Simulates paths `[firstPath, firstPath + pathCount)` of a joint block bootstrap of `prepared`
 * (see {@link BootstrapMethod}) and writes each path's terminal simple return and maximum
 * drawdown, for small and large caps, into `out` at `path − firstPath` (see
 * {@link PathOutcomes}); with `fan`, also the log-wealth path of every path below
 * `fan.paths` (see {@link BootstrapFan}).
 *
 * Both legs use the same rows at every step, so the draw keeps their contemporaneous
 * correlation and, within blocks, their serial dependence. Stationary bootstrap (Politis and
 * Romano, 1994): each block starts at a uniform row and its length is drawn once per block,
 * `L = 1 + floor(ln u / ln(1 − 1/meanBlock))`, geometric with mean `meanBlock`; circular block
 * bootstrap (Politis and Romano, 1992): blocks of `round(meanBlock)` rows; iid: one row. Blocks
 * stay in their segment (circular wrap) and the last one is cut at the horizon. Per block the
 * generator gives the start (`nextFloat`, 53 bits) and then, for the stationary bootstrap, the
 * length (one `nextU32`).
 *
 * Path `p` draws from `streamFor(seed, p)` (one generator re-seeded per path), so the outcome of
 * a path depends only on `(prepared, method, meanBlock, horizon, seed, p)`: any split of the
 * paths into shards, in any order, gives identical numbers. A block adds to the terminal log
 * return in O(1) through the per-segment cumulative log returns and to the maximum drawdown in
 * O(log block length) through the prepared range table (exactly the running-peak drawdown of
 * the log-wealth path; see `PreparedSource`), so the cost hardly depends on the block length.
 * No allocation per path or step (one generator per call).
 *
 * Degenerate input: none reaches the numbers (the source holds only finite returns above −1,
 * see `makeJointSource`); `pathCount = 0` writes nothing.
 *
 * @throws RangeError (programmer errors) for an unknown method, `meanBlock` not finite or below
 * 1 (stationary, circular), `horizon` not an integer >= 1, `seed`, `firstPath` or `pathCount`
 * not integers >= 0 (or paths past 2^53), output buffers shorter than `pathCount`, or fan
 * buffers shorter than `fan.paths · (horizon + 1)`; nothing is written then.
 */
export function simulateBootstrapPaths(
  prepared: PreparedSource,
  options: BootstrapOptions,
  out: PathOutcomes,
  fan?: BootstrapFan,
): void {
  const plan = makePlan(prepared, options);
  const { firstPath, pathCount } = options;
  if (!isCount(firstPath) || !isCount(pathCount) || !Number.isSafeInteger(firstPath + pathCount)) {
    throw new RangeError(`simulateBootstrapPaths: firstPath ${firstPath} and pathCount ${pathCount} must be integers >= 0 below 2^53`);
  }
  checkOut('out.smallReturn', out.smallReturn.length, pathCount);
  checkOut('out.largeReturn', out.largeReturn.length, pathCount);
  checkOut('out.smallMaxDrawdown', out.smallMaxDrawdown.length, pathCount);
  checkOut('out.largeMaxDrawdown', out.largeMaxDrawdown.length, pathCount);
  if (fan !== undefined) {
    if (!isCount(fan.paths)) throw new RangeError(`simulateBootstrapPaths: fan.paths must be an integer >= 0, got ${fan.paths}`);
    const cells = fan.paths * (plan.horizon + 1);
    checkOut('fan.smallLogWealth', fan.smallLogWealth.length, cells);
    checkOut('fan.largeLogWealth', fan.largeLogWealth.length, cells);
  }
  const rng = new Xoshiro128(1, 0, 0, 0);
  runPaths(prepared, plan, rng, firstPath, pathCount, out, 0);
  if (fan === undefined) return;
  // The fan rows replay their paths' draws step by step (a few paths, next to the bulk).
  const sink: TraceSink = {
    index: null, blockStart: null, small: null, large: null,
    fanSmall: fan.smallLogWealth, fanLarge: fan.largeLogWealth, fanOffset: 0,
  };
  const fanEnd = Math.min(firstPath + pathCount, fan.paths);
  for (let p = firstPath; p < fanEnd; p += 1) {
    reseedInto(rng, plan.seed, p);
    sink.fanOffset = p * (plan.horizon + 1);
    tracePath(prepared, plan, rng, sink);
  }
}

function checkPathIndex(what: string, pathIndex: number): void {
  if (!isCount(pathIndex)) throw new RangeError(`${what}: pathIndex must be an integer in [0, 2^53), got ${pathIndex}`);
}

/**
 * One path's outcome, as {@link simulateBootstrapPaths} writes it (see
 * {@link PathOutcomes}): terminal simple returns and maximum drawdowns, decimals.
 */
export interface BootstrapPathOutcome {
  readonly smallReturn: number;
  readonly largeReturn: number;
  readonly smallMaxDrawdown: number;
  readonly largeMaxDrawdown: number;
}

/**
 * Regenerates path `pathIndex` of {@link simulateBootstrapPaths} with the same `prepared` and
 * options (`firstPath` and `pathCount`, if given, are ignored) and writes its per-step simple
 * returns, decimals, into `outSmall[0..horizon)` and `outLarge[0..horizon)`: the very rows the
 * kernel drew, so a strategy can be run on a chosen path (the worst drawdown, a percentile
 * path). Returns the path's outcome, bit for bit what {@link simulateBootstrapPaths} writes for
 * it; compounding the returns (`Π (1 + r) − 1`, or the maximum drawdown of that wealth path)
 * gives the same numbers up to rounding (about 1e-15 relative), since the kernel works on
 * cumulative log returns. Allocates a generator and small buffers, nothing per step.
 *
 * @throws RangeError for the option errors of {@link simulateBootstrapPaths}, a `pathIndex`
 * that is not an integer in `[0, 2^53)`, or outputs shorter than `horizon` (programmer errors).
 */
export function pathReturnsInto(
  prepared: PreparedSource,
  options: BootstrapPathOptions,
  pathIndex: number,
  outSmall: Float64Array,
  outLarge: Float64Array,
): BootstrapPathOutcome {
  const plan = makePlan(prepared, options);
  checkPathIndex('pathReturnsInto', pathIndex);
  if (outSmall.length < plan.horizon || outLarge.length < plan.horizon) {
    throw new RangeError(`pathReturnsInto: outputs hold ${outSmall.length} and ${outLarge.length} values, horizon ${plan.horizon} needed`);
  }
  const rng = reseedInto(new Xoshiro128(1, 0, 0, 0), plan.seed, pathIndex);
  const sink: TraceSink = { index: null, blockStart: null, small: outSmall, large: outLarge, fanSmall: null, fanLarge: null, fanOffset: 0 };
  tracePath(prepared, plan, rng, sink);
  const one: PathOutcomes = {
    smallReturn: new Float64Array(1), largeReturn: new Float64Array(1), smallMaxDrawdown: new Float64Array(1), largeMaxDrawdown: new Float64Array(1),
  };
  runPaths(prepared, plan, rng, pathIndex, 1, one, 0);
  return {
    smallReturn: one.smallReturn[0], largeReturn: one.largeReturn[0],
    smallMaxDrawdown: one.smallMaxDrawdown[0], largeMaxDrawdown: one.largeMaxDrawdown[0],
  };
}

/**
 * Regenerates path `pathIndex` of {@link simulateBootstrapPaths} (same `prepared` and options)
 * as source rows: `outIndex[t]` is the row of the source drawn at step `t` (0-based, for
 * `t < horizon`), and, when given, `outBlockStart[t]` is set to 1 where a new block starts
 * (other positions are left untouched: pass a zeroed buffer). A wrap to a segment's first row
 * inside a block is not a block start. Useful to map a simulated path back to historical dates
 * and to check the block-length law. Returns the number of blocks.
 *
 * @throws RangeError for the option errors of {@link simulateBootstrapPaths}, a `pathIndex`
 * that is not an integer in `[0, 2^53)`, or outputs shorter than `horizon` (programmer errors).
 */
export function pathIndicesInto(
  prepared: PreparedSource,
  options: BootstrapPathOptions,
  pathIndex: number,
  outIndex: Int32Array,
  outBlockStart?: Uint8Array,
): number {
  const plan = makePlan(prepared, options);
  checkPathIndex('pathIndicesInto', pathIndex);
  if (outIndex.length < plan.horizon || (outBlockStart !== undefined && outBlockStart.length < plan.horizon)) {
    throw new RangeError(`pathIndicesInto: outputs shorter than horizon ${plan.horizon}`);
  }
  const rng = reseedInto(new Xoshiro128(1, 0, 0, 0), plan.seed, pathIndex);
  const sink: TraceSink = {
    index: outIndex, blockStart: outBlockStart ?? null, small: null, large: null, fanSmall: null, fanLarge: null, fanOffset: 0,
  };
  return tracePath(prepared, plan, rng, sink);
}
