/**
 * The WebAssembly (128-bit SIMD) range-table walk of the bootstrap kernel: the source's
 * cumulative log returns and range table laid out for it once per prepared source, then paths
 * walked in batches (see bootstrap-walk.wat).
 */
import { BOOTSTRAP_WALK_WASM } from './bootstrap-walk-binary';
import type { PreparedSource } from './joint-source';

/** Paths per call of the WebAssembly walk. */
export const WALK_BATCH_PATHS = 4096;
/** Runs (of consecutive rows) the run buffer holds per call. */
export const WALK_RUN_CAPACITY = 1 << 18;

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

/** True when this host runs the WebAssembly walk (WebAssembly with 128-bit SIMD, as Node 20). */
export function wasmWalkAvailable(): boolean {
  return walkModule() !== null;
}

/**
 * A prepared source laid out in WebAssembly memory with buffers for one batch of paths: fill
 * `counts` (runs per path) and `runs` ((cumulative start, rows) per run, path after path), call
 * {@link walk}, read `out` (per path: terminal log wealth small, large, then deepest log
 * drawdown small, large).
 */
export interface BootstrapWalker {
  readonly counts: Int32Array;
  readonly runs: Int32Array;
  readonly out: Float64Array;
  walk(paths: number): void;
}

const walkers = new WeakMap<PreparedSource, BootstrapWalker>();

/**
 * The walker of `prepared` (made once per prepared source, then reused), or null when the host
 * has no WebAssembly SIMD. Memory: 16 bytes per cumulative index, 48 per index and table level,
 * plus about 2.2 MB of batch buffers.
 */
export function walkerFor(prepared: PreparedSource): BootstrapWalker | null {
  const module = walkModule();
  if (module === null || host === undefined) return null;
  const known = walkers.get(prepared);
  if (known !== undefined) return known;
  const { cumSmall, cumLarge, rangeTable, rangeLevels } = prepared;
  const m = cumSmall.length;
  const cumAt = 0, tableAt = cumAt + m * 16, countsAt = tableAt + rangeLevels * m * 48;
  const runsAt = countsAt + WALK_BATCH_PATHS * 4, outAt = runsAt + WALK_RUN_CAPACITY * 8, end = outAt + WALK_BATCH_PATHS * 32;
  const memory = new host.Memory({ initial: Math.ceil(end / PAGE) });
  const instance = new host.Instance(module, { env: { memory } });
  const walkExport = instance.exports['walk'] as (paths: number, counts: number, runs: number, out: number, cum: number, table: number, m: number, top: number) => void;
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
  const top = rangeLevels - 1;
  const walker: BootstrapWalker = {
    counts: new Int32Array(memory.buffer, countsAt, WALK_BATCH_PATHS),
    runs: new Int32Array(memory.buffer, runsAt, 2 * WALK_RUN_CAPACITY),
    out: new Float64Array(memory.buffer, outAt, 4 * WALK_BATCH_PATHS),
    walk: (paths) => walkExport(paths, countsAt, runsAt, outAt, cumAt, tableAt, m, top),
  };
  walkers.set(prepared, walker);
  return walker;
}
