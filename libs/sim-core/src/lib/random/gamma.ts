import { standardNormal } from './normal';
import type { Rng } from './xoshiro128';

// Math and Number functions bound once: a global lookup per call is slow in some hosts (Jest's vm
// contexts resolve globals through interceptors), a module binding is not.
const { log } = Math;

/**
 * A gamma variate with shape `shape` (dimensionless, > 0) and scale `scale` (> 0; the result
 * is in the units of `scale`), mean `shape · scale`, by Marsaglia and Tsang's (2000) squeeze
 * method: with `d = shape − 1/3`, `c = 1 / sqrt(9d)`, draw `x ~ N(0, 1)` (see
 * {@link standardNormal}) and `u ~ U(0, 1]` until `v = (1 + c x)³ > 0` and `u < 1 − 0.0331 x⁴`
 * or `ln u < x²/2 + d (1 − v + ln v)`; return `d v`. For `shape < 1` it draws
 * `G(shape + 1) · u^(1/shape)` (the boost in Marsaglia and Tsang, 2000, section 6).
 *
 * NaN when `shape` or `scale` is not a finite number above 0 (nothing is drawn then).
 */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  if (!(shape > 0) || !(scale > 0) || !Number.isFinite(shape) || !Number.isFinite(scale)) return NaN;
  if (shape < 1) {
    const g = gammaAtLeastOne(rng, shape + 1);
    const u = 1 - rng.nextFloat();
    return g * Math.pow(u, 1 / shape) * scale;
  }
  return gammaAtLeastOne(rng, shape) * scale;
}

/** Marsaglia and Tsang (2000) for `shape >= 1`, unit scale. */
function gammaAtLeastOne(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(rng);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng.nextFloat(); // (0, 1]
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}

/**
 * A chi-square variate with `df` degrees of freedom (dimensionless, > 0, need not be an
 * integer): `2 · G(df / 2)` with the gamma of {@link gamma} (Marsaglia and Tsang, 2000).
 * NaN when `df` is not a finite number above 0.
 */
export function chiSquare(rng: Rng, df: number): number {
  return gamma(rng, df / 2, 2);
}
