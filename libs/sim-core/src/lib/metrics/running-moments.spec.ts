import { coMoments, differenceMoments } from './running-moments';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('running moments (Welford)', () => {
  it('gives the mean and the sum of squared deviations', () => {
    expect(differenceMoments(f(1, 2, 3, 4), undefined, 0, 4)).toEqual({ count: 4, mean: 2.5, m2: 5 });
    expect(differenceMoments(f(5, 5, 9, 1), f(4, 3, 6, 0), 0, 4)).toEqual({ count: 4, mean: 1.75, m2: 2.75 });
    expect(differenceMoments(f(9, 1, 2, 3, 9), undefined, 1, 4)).toEqual({ count: 3, mean: 2, m2: 2 });
  });

  it('keeps its accuracy on a large offset where the textbook one-pass formula fails', () => {
    const xs = f(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16);
    const m = differenceMoments(xs, undefined, 0, 4);
    expect(m.m2 / 3).toBeCloseTo(30, 9);
  });

  it('gives co-moments of two series, optionally after subtracting a third', () => {
    const m = coMoments(f(1, 2, 3, 4), f(1, 3, 2, 4), undefined, 0, 4);
    expect(m).toEqual({ count: 4, meanA: 2.5, meanB: 2.5, m2B: 5, c: 4 });
    const z = coMoments(f(2, 3, 4, 5), f(2, 4, 3, 5), f(1, 1, 1, 1), 0, 4);
    expect(z).toEqual({ count: 4, meanA: 2.5, meanB: 2.5, m2B: 5, c: 4 });
  });

  it('propagates NaN', () => {
    expect(differenceMoments(f(1, NaN, 3), undefined, 0, 3).m2).toBeNaN();
    expect(coMoments(f(1, 2, 3), f(1, NaN, 3), undefined, 0, 3).c).toBeNaN();
  });
});
