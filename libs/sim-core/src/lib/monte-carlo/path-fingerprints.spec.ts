import { fnv1a } from '../../testing/float-fingerprint';
import { fitRateSensitivity, type RateSensitivityFit } from '../estimation/rate-sensitivity-fit';
import { simulateRateSensitivityPaths } from './rate-sensitivity';
import { simulateStudentTPaths } from './student-t-simulate';


/** A fitted line with the given coefficients and residuals (the other statistics are not read by the simulation). */
function line(intercept: number, slope: number, residuals: Float64Array): RateSensitivityFit {
  return { ...fitRateSensitivity(Float64Array.of(0, 1, 2), Float64Array.of(0, 1, 3)), intercept, slope, residuals, n: residuals.length };
}

function outputs(n: number): { smallReturn: Float64Array; largeReturn: Float64Array; smallMaxDrawdown: Float64Array; largeMaxDrawdown: Float64Array } {
  return { smallReturn: new Float64Array(n), largeReturn: new Float64Array(n), smallMaxDrawdown: new Float64Array(n), largeMaxDrawdown: new Float64Array(n) };
}

// Fingerprints recorded before the samplers moved into random/ and the drawdown loops moved onto
// the one drawdown tracker: a seeded simulation must give the same numbers to the last bit.
describe('parametric path outputs for a fixed seed', () => {
  it.each([
    [0.8, '5eb76a08'], // shape ν/2 < 1: the boosted gamma draw
    [2.5, 'b7a4e2fb'],
    [6, '66846466'],
  ])('Student-t, ν = %p, is bit-identical', (df, expected) => {
    const out = outputs(500);
    simulateStudentTPaths({ mu: [0.01, 0.008], scale: [0.0036, 0.0018, 0.0025], df }, { horizon: 24, seed: 11, firstPath: 3, pathCount: 500 }, out);
    expect(fnv1a([out.smallReturn, out.largeReturn, out.smallMaxDrawdown, out.largeMaxDrawdown])).toBe(expected);
  });

  it('rate sensitivity is bit-identical', () => {
    const out = outputs(500);
    const residuals = (s: number): Float64Array => Float64Array.from({ length: 40 }, (_, i) => Math.sin(i * s) * 0.05);
    const model = { small: line(0.004, -0.01, residuals(1.3)), large: line(0.006, -0.004, residuals(0.7)) };
    const cutPath = Float64Array.from({ length: 24 }, (_, i) => (i < 4 ? -0.25 : 0));
    simulateRateSensitivityPaths(model, cutPath, { horizon: 24, seed: 5, firstPath: 0, pathCount: 500 }, out);
    expect(fnv1a([out.smallReturn, out.largeReturn, out.smallMaxDrawdown, out.largeMaxDrawdown])).toBe('4ddbca13');
  });
});
