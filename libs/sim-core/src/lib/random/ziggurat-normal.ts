/**
 * The standard normal sampler of the Monte Carlo models: a 128-layer ziggurat.
 */
import type { Rng } from './xoshiro128';

/**
 * Module-level aliases of the Math functions used in hot loops: inside a vm context (Jest runs
 * specs in one) every lookup of the global `Math` goes through a slow interceptor; in plain Node
 * the aliases cost nothing.
 */
const { abs, exp, log } = Math;

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
 * 1964 tail method). The position within a layer has 24-bit resolution. The normal sampler of
 * the parametric Monte Carlo models (about twice as fast as a polar Box-Muller draw).
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
