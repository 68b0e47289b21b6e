import { calmarRatio } from './calmar-ratio';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('calmarRatio', () => {
  it('divides the CAGR by the depth of the max drawdown', () => {
    // wealth 0.5, 1.25 over one year (2 periods): CAGR 0.25, depth -0.5
    expect(calmarRatio(f(-0.5, 1.5), 2)).toBeCloseTo(0.5, 14);
    // a losing strategy has a negative Calmar ratio
    expect(calmarRatio(f(-0.5, 0.2), 2)).toBeCloseTo(-0.4 / 0.5, 14);
  });

  it('respects the (start, end) window', () => {
    expect(calmarRatio(f(0.3, -0.5, 1.5, -0.9), 2, 1, 3)).toBeCloseTo(0.5, 14);
  });

  it('gives NaN without a drawdown, for empty input, NaN or wiped-out wealth', () => {
    expect(calmarRatio(f(0.1, 0.2), 12)).toBeNaN();
    expect(calmarRatio(f(), 12)).toBeNaN();
    expect(calmarRatio(f(-0.1, NaN), 12)).toBeNaN();
    expect(calmarRatio(f(0.1, -1), 12)).toBeNaN();
  });
});
