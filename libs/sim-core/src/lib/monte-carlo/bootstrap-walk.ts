/**
 * The bootstrap kernel in WebAssembly (128-bit SIMD): the source's cumulative log returns, range
 * table and segments laid out once per prepared source, then paths seeded, drawn and walked in
 * batches (see bootstrap-walk.wat).
 */
import { BOOTSTRAP_WALK_WASM } from './bootstrap-walk-binary';
import { geometricLengthOf, type GeometricLengthTable } from './geometric-length-table';
import type { PreparedSource } from './joint-source';

/** Paths per call of the WebAssembly kernel (its output buffer). */
export const WALK_BATCH_PATHS = 4096;

const PAGE = 65536;

/**
 * The part of the host's WebAssembly API used here (sim-core is built without host typings:
 * no DOM, no Node).
 */
interface WasmHost {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
}

const host = (globalThis as { WebAssembly?: WasmHost }).WebAssembly;

/** The compiled module: undefined before the first attempt, null where the host lacks WebAssembly SIMD. */
let compiled: object | null | undefined;

/** Decodes base64 without host helpers (the library has no I/O and no DOM). */
function decodeBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, value = 0, o = 0;
  for (let i = 0; i < clean.length; i += 1) {
    value = (value << 6) | alphabet.indexOf(clean[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o] = (value >>> bits) & 0xff;
      o += 1;
    }
  }
  return out;
}

function walkModule(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (host !== undefined) {
    const bytes = decodeBase64(BOOTSTRAP_WALK_WASM);
    if (host.validate(bytes)) compiled = new host.Module(bytes);
  }
  return compiled;
}

/** True when this host runs the WebAssembly kernel (WebAssembly with 128-bit SIMD, as Node 20). */
export function wasmWalkAvailable(): boolean {
  return walkModule() !== null;
}

/** How the paths of one call are drawn (see `simulateBootstrapPaths`). */
export interface WasmPathDraw {
  readonly seed: number;
  readonly horizon: number;
  /** True for the stationary bootstrap (lengths from `lengths`), else every block is `fixedLength` rows. */
  readonly stationary: boolean;
  readonly fixedLength: number;
  /** The stationary length table (ignored otherwise) and the formula for the buckets it leaves open. */
  readonly lengths: GeometricLengthTable;
}

/**
 * A prepared source laid out in WebAssembly memory (see bootstrap-walk.wat) with an output
 * buffer: {@link simulate} runs up to {@link WALK_BATCH_PATHS} paths from `first` and leaves,
 * per path, the terminal log wealth (small, large) then the deepest log drawdown (small, large)
 * in `out`.
 */
export interface BootstrapWalker {
  readonly out: Float64Array;
  simulate(draw: WasmPathDraw, first: number, count: number): void;
}

const walkers = new WeakMap<PreparedSource, BootstrapWalker>();

/**
 * The walker of `prepared` (made once per prepared source, then reused), or null when the host
 * has no WebAssembly SIMD. Memory: 16 bytes per cumulative index, 48 per index and table level,
 * 4 per row, plus 64 KiB for the length table and 128 KiB of output.
 */
export function walkerFor(prepared: PreparedSource): BootstrapWalker | null {
  const module = walkModule();
  if (module === null || host === undefined) return null;
  const known = walkers.get(prepared);
  if (known !== undefined) return known;
  const { cumSmall, cumLarge, rangeTable, rangeLevels, segmentOf } = prepared;
  const segments = prepared.source.segments;
  const m = cumSmall.length, n = prepared.length;
  const align = (x: number): number => Math.ceil(x / 16) * 16;
  const cumAt = 0, tableAt = cumAt + m * 16, lengthsAt = tableAt + rangeLevels * m * 48;
  const segmentOfAt = lengthsAt + 65536, segmentsAt = align(segmentOfAt + n * 4), outAt = align(segmentsAt + segments.length * 4);
  const end = outAt + WALK_BATCH_PATHS * 32;
  const memory = new host.Memory({ initial: Math.ceil(end / PAGE) });
  // The formula for the buckets the table leaves open, for the draw being run.
  let invLogQ = -1;
  const lengthOf = (k: number): number => geometricLengthOf(k >>> 0, invLogQ);
  const instance = new host.Instance(module, { env: { memory, lengthOf } });
  const pathsExport = instance.exports['paths'] as (
    first: bigint, count: number, seed: bigint, horizon: number, rows: number, stationary: number, fixed: number, lengths: number,
    segmentOf: number, segments: number, cum: number, table: number, m: number, top: number, out: number,
  ) => void;
  const f64 = new Float64Array(memory.buffer);
  for (let k = 0; k < m; k += 1) {
    f64[cumAt / 8 + 2 * k] = cumSmall[k];
    f64[cumAt / 8 + 2 * k + 1] = cumLarge[k];
  }
  // The range table's six numbers (min, max, drop of small, then of large) as three lane pairs.
  for (let e = 0; e < rangeLevels * m; e += 1) {
    const from = e * 6, to = tableAt / 8 + e * 6;
    f64[to] = rangeTable[from];
    f64[to + 1] = rangeTable[from + 3];
    f64[to + 2] = rangeTable[from + 1];
    f64[to + 3] = rangeTable[from + 4];
    f64[to + 4] = rangeTable[from + 2];
    f64[to + 5] = rangeTable[from + 5];
  }
  new Int32Array(memory.buffer, segmentOfAt, n).set(segmentOf);
  new Int32Array(memory.buffer, segmentsAt, segments.length).set(segments);
  const upper = new Int32Array(memory.buffer, lengthsAt, 4096), lower = new Int32Array(memory.buffer, lengthsAt + 16384, 4096);
  const threshold = new Float64Array(memory.buffer, lengthsAt + 32768, 4096);
  let tableOf: GeometricLengthTable | undefined;
  const top = rangeLevels - 1;
  const walker: BootstrapWalker = {
    out: new Float64Array(memory.buffer, outAt, 4 * WALK_BATCH_PATHS),
    simulate(draw, first, count) {
      if (draw.stationary && draw.lengths !== tableOf) {
        upper.set(draw.lengths.upper);
        lower.set(draw.lengths.lower);
        threshold.set(draw.lengths.threshold);
        tableOf = draw.lengths;
      }
      invLogQ = draw.lengths.invLogQ;
      pathsExport(
        BigInt(first), count, BigInt(draw.seed), draw.horizon, n, draw.stationary ? 1 : 0, draw.fixedLength, lengthsAt,
        segmentOfAt, segmentsAt, cumAt, tableAt, m, top, outAt,
      );
    },
  };
  walkers.set(prepared, walker);
  return walker;
}
