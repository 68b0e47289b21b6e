import {
  chooseCandidate, leaveOneOutFolds, pooledSharpeOver, selectOutOfSample, walkForwardFolds, type CycleScores,
} from './cycle-selection';

/** Uniforms and normals from a fixed linear congruential sequence and Box–Muller: independent of the code under test. */
function generator(seed: number): { uniform: () => number; normal: () => number } {
  let state = seed >>> 0;
  const uniform = (): number => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return (state + 0.5) / 2 ** 32; };
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) };
}

/** Scores whose excess over a zero benchmark is `excess[a][c]` (the moments are not used by mean-excess). */
function scoresOf(excess: number[][]): CycleScores {
  const candidates = excess.length, cycles = excess[0].length;
  const flat = new Float64Array(candidates * cycles);
  excess.forEach((row, a) => row.forEach((x, c) => { flat[a * cycles + c] = x; }));
  const ones = new Float64Array(candidates * cycles).fill(1);
  return { candidates, cycles, totalReturn: flat, count: ones, mean: new Float64Array(candidates * cycles), m2: new Float64Array(candidates * cycles), benchmark: new Float64Array(cycles) };
}

/** The plain computation: for each fold, every candidate's mean excess over the others, the argmax (first of ties). */
function plainLeaveOneOut(excess: number[][]): { chosen: number[]; test: number[] } {
  const cycles = excess[0].length;
  const chosen: number[] = [], test: number[] = [];
  for (let held = 0; held < cycles; held += 1) {
    let best = -1, bestMean = -Infinity;
    excess.forEach((row, a) => {
      const others = row.filter((_, c) => c !== held);
      const m = others.reduce((x, y) => x + y, 0) / others.length;
      if (!Number.isNaN(m) && m > bestMean) { best = a; bestMean = m; }
    });
    chosen.push(best);
    test.push(excess[best][held]);
  }
  return { chosen, test };
}

describe('folds', () => {
  it('leave-one-out holds each cycle out once and trains on the others', () => {
    expect(leaveOneOutFolds(3)).toEqual([{ test: 0, train: [1, 2] }, { test: 1, train: [0, 2] }, { test: 2, train: [0, 1] }]);
    expect(leaveOneOutFolds(1)).toEqual([]);
  });

  it('walk-forward trains on the cycles before, from minTrain on', () => {
    expect(walkForwardFolds(5, 3)).toEqual([{ test: 3, train: [0, 1, 2] }, { test: 4, train: [0, 1, 2, 3] }]);
    expect(walkForwardFolds(3, 3)).toEqual([]);
    expect(() => walkForwardFolds(5, 0)).toThrow(/minTrain/);
  });
});

describe('pooledSharpeOver', () => {
  it('is the Sharpe ratio of the windows\' returns concatenated, computed plainly', () => {
    const g = generator(3);
    const windows = [40, 7, 120, 2];
    const raw: { r: number[]; rf: number[] }[] = windows.map((n) => ({
      r: Array.from({ length: n }, () => 0.0004 + 0.01 * g.normal()),
      rf: Array.from({ length: n }, () => 0.0001 * g.uniform()),
    }));
    const cycles = windows.length;
    const count = new Float64Array(cycles), mean = new Float64Array(cycles), m2 = new Float64Array(cycles);
    raw.forEach(({ r, rf }, c) => {
      const e = r.map((x, i) => x - rf[i]);
      const m = e.reduce((a, b) => a + b, 0) / e.length;
      count[c] = e.length; mean[c] = m; m2[c] = e.reduce((a, x) => a + (x - m) ** 2, 0);
    });
    const scores: CycleScores = { candidates: 1, cycles, totalReturn: new Float64Array(cycles), count, mean, m2, benchmark: new Float64Array(cycles) };
    for (const chosen of [[0, 1, 2, 3], [0, 2], [1, 3], [2]]) {
      const e = chosen.flatMap((c) => raw[c].r.map((x, i) => x - raw[c].rf[i]));
      const m = e.reduce((a, b) => a + b, 0) / e.length;
      const sd = Math.sqrt(e.reduce((a, x) => a + (x - m) ** 2, 0) / (e.length - 1));
      expect(pooledSharpeOver(scores, 0, chosen, 252)).toBeCloseTo((m / sd) * Math.sqrt(252), 10);
    }
  });
});

describe('chooseCandidate', () => {
  it('takes the largest mean excess, the first of equal ones, and skips left-out candidates', () => {
    const s = scoresOf([[0.1, 0.1], [NaN, NaN], [0.3, -0.1], [0.2, 0]]);
    expect(chooseCandidate(s, [0, 1], 'mean-excess', 252)).toEqual({ candidate: 0, score: expect.closeTo(0.1, 12) });
    expect(chooseCandidate(s, [0], 'mean-excess', 252).candidate).toBe(2);
    expect(chooseCandidate(scoresOf([[NaN], [NaN]]), [0], 'mean-excess', 252).candidate).toBe(-1);
  });
});

describe('selectOutOfSample', () => {
  it('matches a plain leave-one-out computation on random scores', () => {
    const g = generator(11);
    for (let trial = 0; trial < 20; trial += 1) {
      const excess = Array.from({ length: 15 }, (_, a) => Array.from({ length: 8 }, () => (a === 4 && trial % 2 === 0 ? NaN : 0.1 * g.normal())));
      const got = selectOutOfSample(scoresOf(excess), leaveOneOutFolds(8), 'mean-excess', 252);
      const want = plainLeaveOneOut(excess);
      expect(got.folds.map((f) => f.chosen)).toEqual(want.chosen);
      got.folds.forEach((f, i) => expect(f.testExcess).toBeCloseTo(want.test[i], 12));
      expect(got.outOfSampleMean).toBeCloseTo(want.test.reduce((a, b) => a + b, 0) / 8, 12);
    }
  });

  it('finds a real edge out of sample: one candidate +5 pp in every cycle among noise', () => {
    const g = generator(5);
    const excess = Array.from({ length: 30 }, (_, a) => Array.from({ length: 12 }, () => (a === 7 ? 0.05 : 0) + 0.01 * g.normal()));
    const r = selectOutOfSample(scoresOf(excess), leaveOneOutFolds(12), 'mean-excess', 252);
    expect(r.folds.every((f) => f.chosen === 7)).toBe(true);
    expect(r.outOfSampleMean).toBeGreaterThan(0.04);
    expect(r.outOfSampleHitRate).toBe(1);
    expect(r.fullSample.chosen).toBe(7);
  });

  it('shows the optimism of choosing among pure noise: positive in sample, about zero out of sample', () => {
    const g = generator(8);
    const inSample: number[] = [], outSample: number[] = [];
    for (let trial = 0; trial < 200; trial += 1) {
      const excess = Array.from({ length: 40 }, () => Array.from({ length: 10 }, () => 0.1 * g.normal()));
      const r = selectOutOfSample(scoresOf(excess), leaveOneOutFolds(10), 'mean-excess', 252);
      inSample.push(r.inSampleMean);
      outSample.push(r.outOfSampleMean);
    }
    const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    // The best of 40 means of 9 N(0, 0.1²) draws is about 2.2 × 0.1 / 3 ≈ 0.07 above zero.
    expect(avg(inSample)).toBeGreaterThan(0.05);
    // Out of sample the choice is a fresh N(0, 0.1²) draw: the mean of 200 × 10 of them is within ±0.01.
    expect(Math.abs(avg(outSample))).toBeLessThan(0.01);
  });

  it('walks forward: each test cycle chosen on the cycles before it', () => {
    // Candidate 0 wins the first three cycles, candidate 1 the last two.
    const excess = [[0.2, 0.2, 0.2, -0.1, -0.1], [0, 0, 0, 0.3, 0.3]];
    const r = selectOutOfSample(scoresOf(excess), walkForwardFolds(5, 3), 'mean-excess', 252);
    expect(r.folds.map((f) => [f.test, f.chosen])).toEqual([[3, 0], [4, 0]]);
    expect(r.outOfSampleMean).toBeCloseTo(-0.1, 12);
    expect(r.outOfSampleHitRate).toBe(0);
    // On all five cycles candidate 1's mean (+0.12) beats candidate 0's (+0.08): in-sample it looks best.
    expect(r.fullSample.chosen).toBe(1);
    expect(r.fullSample.meanExcess).toBeCloseTo(0.12, 12);
    expect(r.fullSample.hitRate).toBeCloseTo(0.4, 12);
  });
});
