/**
 * Internals shared by the parametric Monte Carlo models (student-t-simulate, rate-sensitivity):
 * argument checks and a fast standard normal sampler for their hot loops. Not part of the
 * public API (not exported from the package index).
 */
import type { Rng } from '../random/xoshiro128';
import type { PathOutcomes } from './path-outcomes';

/**
 * Module-level aliases of the Math functions used in hot loops: inside a vm context (Jest runs
 * specs in one) every lookup of the global `Math` goes through a slow interceptor; in plain Node
 * the aliases cost nothing.
 */
const { abs, exp, log } = Math;

/** The options of a parametric path simulation, as far as the checks need them. */
interface PathOptionsShape {
  readonly horizon: number;
  readonly firstPath: number;
  readonly pathCount: number;
}

/**
 * Throws a RangeError unless `horizon` is an integer >= 1, `firstPath` and `pathCount` are
 * integers >= 0 with `firstPath + pathCount <= 2^53` (path indices are stream indices),
 * each output array holds at least `pathCount` values, and each per-month array at least
 * `horizon` values.
 */
export function checkPathArguments(
  what: string,
  options: PathOptionsShape,
  out: PathOutcomes | undefined,
  outSmall?: Float64Array,
  outLarge?: Float64Array,
): void {
  const { horizon, firstPath, pathCount } = options;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`${what}: horizon must be an integer >= 1 (months), got ${horizon}`);
  if (!Number.isInteger(firstPath) || firstPath < 0) throw new RangeError(`${what}: path index must be an integer >= 0, got ${firstPath}`);
  if (!Number.isInteger(pathCount) || pathCount < 0) throw new RangeError(`${what}: pathCount must be an integer >= 0, got ${pathCount}`);
  if (firstPath + pathCount > Number.MAX_SAFE_INTEGER + 1) throw new RangeError(`${what}: path indices must stay below 2^53, got ${firstPath} + ${pathCount}`);
  if (out !== undefined) {
    const named: [string, Float64Array][] = [
      ['smallReturn', out.smallReturn],
      ['largeReturn', out.largeReturn],
      ['smallMaxDrawdown', out.smallMaxDrawdown],
      ['largeMaxDrawdown', out.largeMaxDrawdown],
    ];
    for (const [name, a] of named) {
      if (a.length < pathCount) throw new RangeError(`${what}: out.${name} holds ${a.length} values, pathCount is ${pathCount}`);
    }
  }
  for (const a of [outSmall, outLarge]) {
    if (a !== undefined && a.length < horizon) throw new RangeError(`${what}: output holds ${a.length} months, the horizon is ${horizon}`);
  }
}

// Ziggurat for the standard normal with 128 layers (Marsaglia and Tsang, 2000), in the form of
// Doornik (2005): the position inside a layer and the layer index come from one 32-bit draw
// (7 bits layer, 24 bits position with its sign), wedges and the tail take extra uniforms.
const LAYERS = 128;
/** Start of the tail, r. */
const ZIG_R = 3.442619855899;
/** Area of each layer, v. */
const ZIG_V = 9.91256303526217e-3;
const gauss = (x: number): number => exp(-0.5 * x * x);
/** `ZIG_X[i]`: right edge of layer i (`ZIG_X[0] = v / f(r)` is the base strip's pseudo-width). */
const ZIG_X = new Float64Array(LAYERS + 1);
/** `ZIG_RATIO[i] = x[i+1] / x[i]`: |u| below it lies wholly under the curve. */
const ZIG_RATIO = new Float64Array(LAYERS);
/** `ZIG_F[i] = f(x[i])`, f the unnormalised normal density. */
const ZIG_F = new Float64Array(LAYERS + 1);
ZIG_X[0] = ZIG_V / gauss(ZIG_R);
ZIG_X[1] = ZIG_R;
for (let i = 2; i < LAYERS; i += 1) ZIG_X[i] = Math.sqrt(-2 * Math.log(ZIG_V / ZIG_X[i - 1] + gauss(ZIG_X[i - 1])));
ZIG_X[LAYERS] = 0;
for (let i = 0; i < LAYERS; i += 1) ZIG_RATIO[i] = ZIG_X[i + 1] / ZIG_X[i];
for (let i = 0; i <= LAYERS; i += 1) ZIG_F[i] = gauss(ZIG_X[i]);

/**
 * One standard normal draw by the ziggurat method (Marsaglia and Tsang, 2000; Doornik, 2005),
 * about 1.03 generator words per draw, no logarithm except in the tail (|z| > 3.44, Marsaglia's
 * 1964 tail method). The position within a layer has 24-bit resolution. Used by the hot loops
 * here because it is about twice as fast as a polar Box-Muller draw.
 */
export function zigguratNormal(rng: Rng): number {
  for (;;) {
    const bits = rng.nextU32();
    const i = bits & (LAYERS - 1);
    // 24 high bits -> u in (-1, 1), symmetric, never 0.
    const u = ((bits >>> 8) + 0.5) / 8388608 - 1;
    const x = u * ZIG_X[i];
    if (abs(u) < ZIG_RATIO[i]) return x;
    if (i === 0) {
      let t: number, y: number;
      do {
        t = -log(1 - rng.nextFloat()) / ZIG_R;
        y = -log(1 - rng.nextFloat());
      } while (y + y < t * t);
      return u < 0 ? -(ZIG_R + t) : ZIG_R + t;
    }
    if (ZIG_F[i + 1] + (rng.nextU32() / 4294967296) * (ZIG_F[i] - ZIG_F[i + 1]) < gauss(x)) return x;
  }
}
