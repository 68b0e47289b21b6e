import { zigguratNormal } from '../random/ziggurat-normal';
import { streamFor } from '../random/xoshiro128';
import { BLOCK_LENGTH_MIN_OBSERVATIONS, flatTopLagWindow, optimalBlockLength } from './block-length';

/** Park–Miller minimal standard generator, u − 0.5 (easy to reproduce in any language). */
function parkMiller(seed: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let x = seed;
  for (let i = 0; i < n; i += 1) {
    x = (x * 16807) % 2147483647;
    out[i] = x / 2147483647 - 0.5;
  }
  return out;
}

function ar1(phi: number, noise: Float64Array): Float64Array {
  const out = new Float64Array(noise.length);
  let y = 0;
  for (let i = 0; i < noise.length; i += 1) out[i] = y = phi * y + noise[i];
  return out;
}

function gaussian(seed: number, n: number): Float64Array {
  const rng = streamFor(seed, 0), out = new Float64Array(n);
  for (let i = 0; i < n; i += 1) out[i] = zigguratNormal(rng);
  return out;
}

describe('flatTopLagWindow', () => {
  it('is 1 up to 1/2, falls linearly to 0 at 1, 0 after', () => {
    expect([0, 0.25, 0.5, -0.5, 0.75, -0.75, 1, 1.5].map(flatTopLagWindow)).toEqual([1, 1, 1, 1, 0.5, 0.5, 0, 0]);
    expect(flatTopLagWindow(NaN)).toBeNaN();
  });
});

describe('optimalBlockLength (Politis and White, 2004; Patton, Politis and White, 2009)', () => {
  it('matches an independent implementation (NumPy) on reproducible series', () => {
    // Expected values from a separate Python/NumPy implementation of the same recipe.
    // White noise, n = 300: m̂ = 1, M = 2, Ĝ = −0.0069296, ĝ(0) = 0.077610.
    const w = optimalBlockLength(parkMiller(12345, 300));
    expect(w.stationary).toBeCloseTo(1.33732061324691, 10);
    expect(w.circular).toBeCloseTo(1.5308499528438937, 10);
    // AR(1) with φ = 0.5, n = 1,000: m̂ = 3, M = 6, Ĝ = 0.36742, ĝ(0) = 0.32840.
    const a = optimalBlockLength(ar1(0.5, parkMiller(777, 1000)));
    expect(a.stationary).toBeCloseTo(10.777159977266406, 10);
    expect(a.circular).toBeCloseTo(12.336768520252598, 10);
  });

  it('follows the closed form when only lag 1 enters (M = 2)', () => {
    // n = 30, m̂ = 1, so M = 2 and λ(1/2) = 1, λ(1) = 0: Ĝ = 2 R(1), ĝ(0) = R(0) + 2 R(1),
    // b_SB = (Ĝ / ĝ(0))^(2/3) n^(1/3) and b_CB = (3/2)^(1/3) b_SB (hand check of steps 3–4).
    const x = parkMiller(2, 30), n = 30;
    const m = x.reduce((s, v) => s + v, 0) / n;
    let r0 = 0, r1 = 0;
    for (let i = 0; i < n; i += 1) r0 += (x[i] - m) ** 2 / n;
    for (let i = 0; i + 1 < n; i += 1) r1 += ((x[i] - m) * (x[i + 1] - m)) / n;
    const sb = Math.cbrt(((2 * r1) / (r0 + 2 * r1)) ** 2) * Math.cbrt(n);
    const b = optimalBlockLength(x);
    expect(b.stationary).toBeCloseTo(sb, 12);
    expect(b.circular).toBeCloseTo(sb * Math.cbrt(1.5), 12);
    expect(b.stationary).toBeCloseTo(1.6251192575633246, 10); // NumPy
  });

  it('gives white noise a short block and an AR(1) with φ = 0.5 a clearly longer one', () => {
    const n = 5000;
    const noise = optimalBlockLength(gaussian(1, n));
    const dependent = optimalBlockLength(ar1(0.5, gaussian(2, n)));
    expect(noise.stationary).toBeGreaterThanOrEqual(1);
    expect(noise.stationary).toBeLessThan(3);
    // Theory: (2φ / (1 − φ²))^(2/3) n^(1/3) = (4/3)^(2/3) · 17.1 ≈ 20.7.
    const theory = Math.cbrt((4 / 3) ** 2) * Math.cbrt(n);
    expect(dependent.stationary).toBeGreaterThan(0.6 * theory);
    expect(dependent.stationary).toBeLessThan(1.5 * theory);
    expect(dependent.circular / dependent.stationary).toBeCloseTo(Math.cbrt(1.5), 12);
    expect(dependent.stationary).toBeGreaterThan(5 * noise.stationary);
  });

  it('caps the length at ceil(min(3√n, n/3)) and uses a window', () => {
    // n = 12: cap ceil(min(10.4, 4)) = 4; uncapped (Ĝ/ĝ(0))^(2/3) n^(1/3) ≈ 4.31 (NumPy).
    const short = Float64Array.from([0.4, 0.2, 0.1, 0.4, 0.3, 0.1, 0.3, 0.4, 0.2, 0.5, 0.1, 0.2]);
    expect(optimalBlockLength(short)).toEqual({ stationary: 4, circular: 4 });
    const x = new Float64Array(310);
    x.set(parkMiller(12345, 300), 5);
    expect(optimalBlockLength(x, 5, 305)).toEqual(optimalBlockLength(parkMiller(12345, 300)));
  });

  it('returns NaN for too few values, NaN or infinite values and constant series', () => {
    const nan = { stationary: NaN, circular: NaN };
    expect(optimalBlockLength(parkMiller(1, BLOCK_LENGTH_MIN_OBSERVATIONS - 1))).toEqual(nan);
    expect(optimalBlockLength(parkMiller(1, BLOCK_LENGTH_MIN_OBSERVATIONS)).stationary).toBeGreaterThanOrEqual(1);
    const bad = parkMiller(3, 50);
    bad[7] = NaN;
    expect(optimalBlockLength(bad)).toEqual(nan);
    bad[7] = Infinity;
    expect(optimalBlockLength(bad)).toEqual(nan);
    expect(optimalBlockLength(new Float64Array(50).fill(0.01))).toEqual(nan);
    expect(() => optimalBlockLength(bad, 10, 5)).toThrow(RangeError);
  });
});
