/**
 * The gamma sampler of the Student-t Monte Carlo model (the chi-square mixing variable).
 */
import type { Rng } from './xoshiro128';
import { zigguratNormal } from './ziggurat-normal';

/**
 * Module-level aliases of the Math functions used in hot loops: inside a vm context (Jest runs
 * specs in one) every lookup of the global `Math` goes through a slow interceptor; in plain Node
 * the aliases cost nothing.
 */
const { log, pow, sqrt } = Math;

/**
 * Constants of {@link standardGamma} for one shape `a`, computed once per run:
 * - `d = a' − 1/3` and `c = 1 / sqrt(9d)`, Marsaglia and Tsang's (2000) constants for the
 *   shape actually sampled, `a' = a + 1` when `a < 1` (the boost), else `a' = a`;
 * - `boostPower`: `1 / a` when `a < 1` (the draw is multiplied by `U^{1/a}`), else 0.
 */
export interface GammaConstants {
  readonly d: number;
  readonly c: number;
  readonly boostPower: number;
}

/**
 * The {@link GammaConstants} of shape `shape` (dimensionless, > 0). The caller checks the shape:
 * a shape that is not a finite number above 0 gives constants that are NaN or meaningless.
 */
export function gammaConstants(shape: number): GammaConstants {
  const boosted = shape < 1 ? shape + 1 : shape, d = boosted - 1 / 3;
  return { d, c: 1 / sqrt(9 * d), boostPower: shape < 1 ? 1 / shape : 0 };
}

/**
 * One Gamma(a, 1) variate (mean `a`, dimensionless) by Marsaglia and Tsang's (2000) squeeze
 * method, with the constants `d`, `c`, `boostPower` of {@link gammaConstants} for shape `a`:
 * draw `x ~ N(0, 1)` ({@link zigguratNormal}) and `u` uniform in (0, 1) (one 32-bit word, enough
 * for an acceptance test) until `v = (1 + c x)³ > 0` and `u < 1 − 0.0331 x⁴` (the squeeze,
 * tested first) or `ln u < x²/2 + d (1 − v + ln v)`; the draw is `d v`. For `a < 1` it is then
 * multiplied by `(1 − U)^{1/a}` with `U` from `rng.nextFloat()` (Marsaglia and Tsang, 2000,
 * sec. 6). `2 · Gamma(ν/2)` is a chi-square variate with ν degrees of freedom.
 *
 * Allocates nothing; the constants come as numbers so the hot loop keeps them in registers.
 */
export function standardGamma(rng: Rng, d: number, c: number, boostPower: number): number {
  let g: number;
  for (;;) {
    const x = zigguratNormal(rng);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = (rng.nextU32() + 0.5) / 4294967296; // in (0, 1); 32 bits suffice for an acceptance test
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) {
      g = d * v;
      break;
    }
  }
  // Shape a < 1: Gamma(a) = Gamma(a + 1) · U^{1/a} (Marsaglia and Tsang, 2000, sec. 6).
  if (boostPower !== 0) g *= pow(1 - rng.nextFloat(), boostPower);
  return g;
}
