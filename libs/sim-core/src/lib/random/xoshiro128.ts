/**
 * The seeded, splittable pseudo-random generator of sim-core: xoshiro128** 1.1 (Blackman and
 * Vigna, 2018, "Scrambled linear pseudorandom number generators") on four 32-bit words with
 * `Math.imul`, and independent streams derived from `(seed, index)` so that Monte Carlo results
 * never depend on the order or the number of workers.
 */

/**
 * A source of uniform random numbers. Every sampler in sim-core takes one as its first argument;
 * none keeps hidden global state (`Math.random` is never used).
 */
export interface Rng {
  /** The next output as an unsigned 32-bit integer in `[0, 2^32)`. */
  nextU32(): number;
  /**
   * A uniform double in `[0, 1)` with 53 random bits, built from two consecutive 32-bit outputs
   * (the first gives the high 27 bits, the second the low 26 bits); multiples of `2^-53`.
   */
  nextFloat(): number;
}

/**
 * Describes the generator and the stream derivation, for result files: two runs with the same
 * seed and the same `GENERATOR_NAME` give identical paths.
 */
export const GENERATOR_NAME =
  'xoshiro128** 1.1 (Blackman & Vigna 2018); stream (seed, index) seeded by 3 rounds of murmur3 fmix32 mixing; nextFloat = 53 bits from 2 outputs';

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

// Math and Number functions bound once: a global lookup per call is slow in some hosts (Jest's vm
// contexts resolve globals through interceptors), a module binding is not.
const imul = Math.imul;
const isSafeInteger = Number.isSafeInteger;

/** murmur3's 32-bit finaliser (Appleby, 2008): a bijection on 32-bit words with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * xoshiro128** 1.1 (Blackman and Vigna, 2018): 128 bits of state, period `2^128 − 1`, 32-bit
 * outputs `rotl(s1 · 5, 7) · 9`. The state must never be all zero (the constructor throws).
 * Create one with {@link streamFor}; re-seed it without allocation with {@link reseedInto}.
 */
export class Xoshiro128 implements Rng {
  // The four state words as signed 32-bit integers (a typed array keeps them unboxed).
  private readonly s = new Int32Array(4);

  /**
   * A generator with the given raw state words (any 32-bit integers, taken modulo 2^32).
   * @throws RangeError when all four words are zero (xoshiro's one forbidden state).
   */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.setState(s0, s1, s2, s3);
  }

  /**
   * Replaces the state with the given words (taken modulo 2^32); used by {@link reseedInto}.
   * @throws RangeError when all four words are zero.
   */
  setState(s0: number, s1: number, s2: number, s3: number): void {
    if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('Xoshiro128: the state must not be all zero');
    const s = this.s;
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  /** The next 32-bit output, in `[0, 2^32)`. */
  nextU32(): number {
    const s = this.s;
    const s0 = s[0], s1 = s[1];
    const r = imul(rotl(imul(s1, 5), 7), 9);
    const t = s1 << 9;
    const s2 = s[2] ^ s0;
    const s3 = s[3] ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ t;
    s[3] = rotl(s3, 11);
    return r >>> 0;
  }

  /** A uniform double in `[0, 1)` with 53 random bits from two outputs (see {@link Rng.nextFloat}). */
  nextFloat(): number {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return (hi * 67108864 + lo) * TWO_POW_MINUS_53;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function checkStreamArgument(what: string, v: number): void {
  if (!isSafeInteger(v) || v < 0) throw new RangeError(`${what} must be an integer in [0, 2^53), got ${v}`);
}

/**
 * Seeds `rng` in place with the stream for `(seed, index)` (see {@link streamFor}); allocates
 * nothing, so one generator per worker serves every path. Returns `rng`.
 * @throws RangeError when `seed` or `index` is not an integer in `[0, 2^53)` (programmer error).
 */
export function reseedInto(rng: Xoshiro128, seed: number, index: number): Xoshiro128 {
  checkStreamArgument('seed', seed);
  checkStreamArgument('index', index);
  // The four input words: low and high halves of seed and index.
  let a = seed | 0;
  let b = (seed / TWO_POW_32) | 0;
  let c = index | 0;
  let d = (index / TWO_POW_32) | 0;
  // Three rounds of x ^= fmix32(neighbour + constant): each update is invertible, so the map
  // (seed, index) -> state is a bijection on 128 bits (distinct streams never share a state),
  // and after two rounds every state word depends on every input bit.
  for (let round = 0; round < 3; round += 1) {
    const k = imul(round + 1, 0x9e3779b9);
    a ^= fmix32((d + k) | 0);
    b ^= fmix32((a + 0x7f4a7c15 + k) | 0);
    c ^= fmix32((b + 0x1b873593 + k) | 0);
    d ^= fmix32((c + 0x6a09e667 + k) | 0);
  }
  // At most one 128-bit input maps to the forbidden all-zero state; give it a fixed other one.
  if ((a | b | c | d) === 0) a = 0x9e3779b9 | 0;
  rng.setState(a, b, c, d);
  return rng;
}

/**
 * A new generator for stream `index` of `seed`: Monte Carlo path (or shard) `index` draws from
 * `streamFor(seed, index)`, so its numbers depend only on `(seed, index)`, never on which worker
 * runs it or in what order. The state comes from the 128-bit input `(seed, index)` by three
 * rounds of murmur3 fmix32 mixing (Appleby, 2008, in the spirit of SplitMix, Steele, Lea and
 * Flood, 2014), a bijection, so no two streams start from the same state and none is all zero.
 * @throws RangeError when `seed` or `index` is not an integer in `[0, 2^53)` (programmer error).
 */
export function streamFor(seed: number, index: number): Xoshiro128 {
  return reseedInto(new Xoshiro128(1, 0, 0, 0), seed, index);
}
