import { informationRatio } from './information-ratio';
import { trackingError } from './tracking-error';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('informationRatio', () => {
  it('divides the annualised mean active return by the tracking error', () => {
    // active 0.01, 0.03, -0.01: mean 0.01 -> 0.12 a year; TE 0.02 * sqrt(12); IR = sqrt(3)
    const r = f(0.02, 0.05, 0), b = f(0.01, 0.02, 0.01);
    expect(informationRatio(r, b, 12)).toBeCloseTo(Math.sqrt(3), 12);
    expect(informationRatio(r, b, 12)).toBeCloseTo((0.01 * 12) / trackingError(r, b, 12), 12);
  });

  it('respects the (start, end) window', () => {
    expect(informationRatio(f(0.02, 0.05, 0, 9), f(0.01, 0.02, 0.01, 0), 12, 0, 3)).toBeCloseTo(Math.sqrt(3), 12);
  });

  it('gives NaN for a zero tracking error, fewer than 2 periods or a NaN', () => {
    expect(informationRatio(f(0.01, 0.05), f(0.01, 0.05), 12)).toBeNaN();
    expect(informationRatio(f(), f(), 12)).toBeNaN();
    expect(informationRatio(f(0.02), f(0.01), 12)).toBeNaN();
    expect(informationRatio(f(0.02, NaN), f(0.01, 0), 12)).toBeNaN();
  });
});
