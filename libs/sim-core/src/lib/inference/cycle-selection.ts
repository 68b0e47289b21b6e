/**
 * Out-of-sample validation by cycles: choose a strategy's parameters on some easing cycles and
 * measure the choice on a cycle it did not see. Leave-one-cycle-out holds each cycle out in turn
 * (cross-validation with the cycles as folds, Stone 1974); walk-forward chooses on the cycles
 * before and tests on the next one (rolling-origin evaluation, Tashman 2000). The gap between the
 * in-sample and the out-of-sample excess is the optimism of choosing on the same cycles one shows.
 */
import { beats } from '../metrics/hit-rate';
import { sharpeFromMoments } from '../metrics/sharpe-ratio';

/**
 * The numbers of every candidate (a parameter combination) in every cycle window, candidate-major
 * (`[candidate × cycles + cycle]`): the candidate's total return over the window and the moments
 * of its per-period returns over cash in it (count, mean, sum of squared deviations), and the
 * benchmark's total return over each window. A candidate left out (parameters the strategy
 * refuses) is NaN in every cycle.
 */
export interface CycleScores {
  readonly candidates: number;
  readonly cycles: number;
  /** Total return (decimal) of candidate `a` over cycle `c`'s window, at `a × cycles + c`. */
  readonly totalReturn: Float64Array;
  /** Periods of the window, likewise. */
  readonly count: Float64Array;
  /** Mean per-period return over cash in the window (decimal), likewise. */
  readonly mean: Float64Array;
  /** `Σ (e − mean)²` of the per-period returns over cash in the window, likewise. */
  readonly m2: Float64Array;
  /** The benchmark's total return over each cycle's window. */
  readonly benchmark: Float64Array;
}

/**
 * What a choice maximises over the training cycles: `mean-excess`, the mean over them of the
 * excess total return over the benchmark; `sharpe`, the Sharpe ratio over cash of the per-period
 * returns of all the training windows pooled (their moments combined exactly, Chan, Golub and
 * LeVeque 1979), annualised.
 */
export type SelectionObjective = 'mean-excess' | 'sharpe';

/** One fold: the cycle tested and the cycles the choice is made on (indices into the scores' cycles). */
export interface SelectionFold {
  readonly test: number;
  readonly train: readonly number[];
}

/** Leave-one-cycle-out: every cycle tested once, chosen on all the others (needs 2 cycles or more). */
export function leaveOneOutFolds(cycles: number): SelectionFold[] {
  if (cycles < 2) return [];
  return Array.from({ length: cycles }, (_, test) => ({ test, train: Array.from({ length: cycles - 1 }, (_, i) => (i < test ? i : i + 1)) }));
}

/**
 * Walk-forward by cycles (in the order given, which callers keep chronological): cycle `t`
 * tested after a choice on cycles `0..t−1`, for every `t >= minTrain` (the first `minTrain`
 * cycles only train).
 */
export function walkForwardFolds(cycles: number, minTrain: number): SelectionFold[] {
  if (!Number.isInteger(minTrain) || minTrain < 1) throw new RangeError(`minTrain must be an integer >= 1, got ${minTrain}`);
  const folds: SelectionFold[] = [];
  for (let test = minTrain; test < cycles; test += 1) folds.push({ test, train: Array.from({ length: test }, (_, i) => i) });
  return folds;
}

/** Candidate `a`'s excess total return over the benchmark in cycle `c`. */
function excessAt(s: CycleScores, a: number, c: number): number {
  return s.totalReturn[a * s.cycles + c] - s.benchmark[c];
}

/** The mean excess of candidate `a` over `cycles`; NaN if any is NaN. */
export function meanExcessOver(s: CycleScores, a: number, cycles: readonly number[]): number {
  let sum = 0;
  for (const c of cycles) sum += excessAt(s, a, c);
  return cycles.length === 0 ? NaN : sum / cycles.length;
}

/**
 * The Sharpe ratio over cash of candidate `a`'s per-period returns in the windows of `cycles`
 * pooled, annualised with `periodsPerYear`: the windows' moments combined exactly (pooled mean
 * `Σ nᵢmᵢ / N`, `M2 = Σ M2ᵢ + Σ nᵢ (mᵢ − mean)²`); NaN as {@link sharpeFromMoments}.
 */
export function pooledSharpeOver(s: CycleScores, a: number, cycles: readonly number[], periodsPerYear: number): number {
  let count = 0, sum = 0;
  for (const c of cycles) {
    const i = a * s.cycles + c;
    count += s.count[i];
    sum += s.count[i] * s.mean[i];
  }
  if (count === 0) return NaN;
  const pooled = sum / count;
  let m2 = 0;
  for (const c of cycles) {
    const i = a * s.cycles + c;
    const d = s.mean[i] - pooled;
    m2 += s.m2[i] + s.count[i] * d * d;
  }
  return sharpeFromMoments({ count, mean: pooled, m2 }, periodsPerYear);
}

/** The objective's value for candidate `a` over `cycles`. */
export function objectiveOver(s: CycleScores, a: number, cycles: readonly number[], objective: SelectionObjective, periodsPerYear: number): number {
  return objective === 'mean-excess' ? meanExcessOver(s, a, cycles) : pooledSharpeOver(s, a, cycles, periodsPerYear);
}

/**
 * The candidate with the largest objective over `cycles` (the first of equal ones: the lowest
 * index), skipping candidates whose value is NaN; -1 when none has one.
 */
export function chooseCandidate(s: CycleScores, cycles: readonly number[], objective: SelectionObjective, periodsPerYear: number): { candidate: number; score: number } {
  let best = -1, score = NaN;
  for (let a = 0; a < s.candidates; a += 1) {
    const v = objectiveOver(s, a, cycles, objective, periodsPerYear);
    if (v === v && (best < 0 || v > score)) { best = a; score = v; }
  }
  return { candidate: best, score };
}

/** One fold's outcome: the choice on the training cycles and how it did on the test cycle. */
export interface FoldOutcome {
  readonly test: number;
  readonly trainCycles: number;
  /** The candidate chosen on the training cycles (-1: none had a value). */
  readonly chosen: number;
  /** The objective's value of the choice over the training cycles. */
  readonly trainScore: number;
  /** The choice's mean excess over the training cycles (the in-sample figure). */
  readonly trainMeanExcess: number;
  /** The choice's excess in the test cycle (the out-of-sample figure). */
  readonly testExcess: number;
  /** Whether the choice beat the benchmark in the test cycle (`beats`: ties are misses). */
  readonly testBeat: boolean;
}

/** Out-of-sample selection over folds, with the choice made on every cycle for comparison. */
export interface SelectionOutcome {
  readonly folds: readonly FoldOutcome[];
  /** Mean of the folds' test excess; NaN without folds. */
  readonly outOfSampleMean: number;
  /** Share of folds whose choice beat the benchmark in the test cycle. */
  readonly outOfSampleHitRate: number;
  /** Mean of the folds' in-sample (training) mean excess. */
  readonly inSampleMean: number;
  /** The choice on every cycle (the in-sample optimum one would report without validation). */
  readonly fullSample: {
    readonly chosen: number;
    readonly score: number;
    readonly meanExcess: number;
    readonly hitRate: number;
  };
}

/**
 * Runs each fold: the candidate with the best objective on its training cycles
 * ({@link chooseCandidate}), its mean excess there, and its excess in the test cycle; and the
 * same choice on every cycle with its mean excess and hit rate over them. Deterministic: ties go
 * to the lowest candidate index.
 */
export function selectOutOfSample(s: CycleScores, folds: readonly SelectionFold[], objective: SelectionObjective, periodsPerYear: number): SelectionOutcome {
  const outcomes = folds.map((f): FoldOutcome => {
    const { candidate, score } = chooseCandidate(s, f.train, objective, periodsPerYear);
    const testExcess = candidate < 0 ? NaN : excessAt(s, candidate, f.test);
    const total = candidate < 0 ? NaN : s.totalReturn[candidate * s.cycles + f.test];
    return {
      test: f.test, trainCycles: f.train.length, chosen: candidate, trainScore: score,
      trainMeanExcess: candidate < 0 ? NaN : meanExcessOver(s, candidate, f.train),
      testExcess, testBeat: candidate >= 0 && beats(total, s.benchmark[f.test]),
    };
  });
  const all = Array.from({ length: s.cycles }, (_, c) => c);
  const full = chooseCandidate(s, all, objective, periodsPerYear);
  const avg = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((a, x) => a + x, 0) / xs.length);
  const fullWins = full.candidate < 0 ? 0 : all.filter((c) => beats(s.totalReturn[full.candidate * s.cycles + c], s.benchmark[c])).length;
  return {
    folds: outcomes,
    outOfSampleMean: avg(outcomes.map((o) => o.testExcess)),
    outOfSampleHitRate: outcomes.length === 0 ? NaN : outcomes.filter((o) => o.testBeat).length / outcomes.length,
    inSampleMean: avg(outcomes.map((o) => o.trainMeanExcess)),
    fullSample: {
      chosen: full.candidate, score: full.score,
      meanExcess: full.candidate < 0 ? NaN : meanExcessOver(s, full.candidate, all),
      hitRate: full.candidate < 0 || s.cycles === 0 ? NaN : fullWins / s.cycles,
    },
  };
}
