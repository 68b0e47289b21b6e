import { fnv1a } from '../../testing/float-fingerprint';
import { streamFor } from './xoshiro128';
import { zigguratNormal } from './ziggurat-normal';


/** Standard normal CDF by the Abramowitz and Stegun (1964) 7.1.26 erf approximation (error < 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2, t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe('zigguratNormal', () => {
  it('draws exactly the numbers the Monte Carlo results were published with', () => {
    // Recorded from the sampler before it moved into random/: the draws must not change by a bit.
    const rng = streamFor(42, 0);
    const z = new Float64Array(5000);
    for (let i = 0; i < z.length; i += 1) z[i] = zigguratNormal(rng);
    expect(Array.from(z.subarray(0, 4))).toEqual([-0.1466559700715499, -0.5244005575910372, -1.0240758004268762, 0.6335775657714288]);
    expect(fnv1a([z])).toBe('43138fb9');
  });

  it('is N(0, 1): mean, variance, tail and a Kolmogorov-Smirnov distance within sampling error', () => {
    const n = 200_000, rng = streamFor(9, 3);
    const z = new Float64Array(n);
    let mean = 0, beyond3 = 0;
    for (let i = 0; i < n; i += 1) {
      z[i] = zigguratNormal(rng);
      mean += z[i];
      if (Math.abs(z[i]) > 3.442619855899) beyond3 += 1; // the tail branch
    }
    mean /= n;
    let ss = 0;
    for (const v of z) ss += (v - mean) ** 2;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(ss / (n - 1) - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    const pTail = 2 * (1 - normalCdf(3.442619855899));
    expect(Math.abs(beyond3 / n - pTail)).toBeLessThan(5 * Math.sqrt(pTail / n));
    z.sort();
    let d = 0;
    for (let i = 0; i < n; i += 1) {
      const f = normalCdf(z[i]);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(n)); // KS critical value at 1%
  });
});
