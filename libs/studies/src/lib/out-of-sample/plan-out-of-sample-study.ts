import {
  formatDay, leaveOneOutFolds, selectOutOfSample, walkForwardFolds,
  type CycleScores, type Issue, type LoadResult, type SelectionObjective,
} from '@ratecut/sim-core';
import { OUT_OF_SAMPLE_SCHEMA, type OutOfSampleResultJson } from '@ratecut/contracts';
import type { Study } from '../study/study';
import { splitRange, type ItemRange } from '../study/split-range';
import { COMMAND_LINE } from '../backtest/config-source';
import { kernelSweepOf } from '../sweep/kernel-sweep-of';
import { planSweepStudy, type SweepRequest } from '../sweep/plan-sweep-study';
import { CYCLE_SCORE_FIELDS, CYCLE_SCORES_BLOCK, type CycleScoresContext } from './cycle-scores-block';

/** How an out-of-sample study makes its folds. */
export type OutOfSampleMethod = OutOfSampleResultJson['method'];

/** What an out-of-sample study is asked: the sweep (as `ratecut backtest --sweep` takes it), the method and the objective. */
export interface OutOfSampleRequest {
  readonly sweep: SweepRequest;
  readonly method: OutOfSampleMethod;
  readonly objective: SelectionObjective;
  /** Walk-forward: the cycles that only train before the first test (at least 1). */
  readonly minTrain: number;
  readonly commandLine: string;
  readonly ratecutVersion: string;
}

/** Leave-one-cycle-out or walk-forward: blocks of combinations give their numbers per cycle; the merge chooses and tests. */
export type OutOfSampleStudy = Study<Pick<OutOfSampleResultJson, 'method' | 'strategy' | 'candidates'>, CycleScoresContext, ItemRange, Float64Array, OutOfSampleResultJson>;

/** Combinations per block (each runs once per cycle window). */
export const OUT_OF_SAMPLE_BLOCK_COMBINATIONS = 100;

/** The defaults of the out-of-sample studies. */
export const OUT_OF_SAMPLE_DEFAULTS = { objective: 'mean-excess', minTrain: 3 } as const;

const issue = (message: string): Issue => ({ code: 'bad-option', severity: 'error', file: COMMAND_LINE, message });

/**
 * Plans leave-one-cycle-out or walk-forward validation of a sweep: every combination of the
 * grid (as `ratecut backtest --sweep` plans it, relative momentum's fast path through the kernel)
 * runs over each counted cycle's window; each fold chooses the combination with the best
 * objective over its training cycles and reads its excess over the benchmark in the test cycle
 * (sim-core `selectOutOfSample`). Leave-one-cycle-out needs 3 counted cycles, walk-forward more
 * than `minTrain`. Blocks: fixed ranges of combinations, so the document is the same for any
 * number of workers.
 */
export function planOutOfSampleStudy(request: OutOfSampleRequest): LoadResult<OutOfSampleStudy> {
  const planned = planSweepStudy(request.sweep);
  if (!planned.ok) return planned;
  const header = planned.value.plan;
  const { sweep, labels } = kernelSweepOf(planned.value);
  const cycles = sweep.replay.cycles.filter((c) => c.counted).sort((a, b) => a.startRow - b.startRow);
  const { method, objective, minTrain } = request;
  if (method === 'leave-one-cycle-out' && cycles.length < 3) {
    return { ok: false, issues: [issue(`leave-one-cycle-out needs at least 3 counted cycles in the data; ${header.pair} has ${cycles.length}`)] };
  }
  if (method === 'walk-forward' && cycles.length <= minTrain) {
    return { ok: false, issues: [issue(`walk-forward with --min-train ${minTrain} needs more than ${minTrain} counted cycles; ${header.pair} has ${cycles.length}`)] };
  }
  const total = labels.length;
  const blocks = splitRange(total, OUT_OF_SAMPLE_BLOCK_COMBINATIONS);
  const days = sweep.data.days;
  const ids = cycles.map((c) => c.id);
  const folds = method === 'leave-one-cycle-out' ? leaveOneOutFolds(cycles.length) : walkForwardFolds(cycles.length, minTrain);
  const ppy = header.periodsPerYear;
  const warnings = planned.value.warnings ?? [];

  const merge = (outputs: readonly Float64Array[]): OutOfSampleResultJson => {
    const n = cycles.length, cells = total * n;
    const scores: CycleScores = {
      candidates: total, cycles: n, totalReturn: new Float64Array(cells), count: new Float64Array(cells),
      mean: new Float64Array(cells), m2: new Float64Array(cells), benchmark: Float64Array.from(cycles, (c) => c.benchmarkTotalReturn),
    };
    outputs.forEach((out, b) => {
      for (let k = 0; k < out.length / CYCLE_SCORE_FIELDS; k += 1) {
        const cell = blocks[b].first * n + k, at = k * CYCLE_SCORE_FIELDS;
        scores.totalReturn[cell] = out[at];
        scores.count[cell] = out[at + 1];
        scores.mean[cell] = out[at + 2];
        scores.m2[cell] = out[at + 3];
      }
    });
    const r = selectOutOfSample(scores, folds, objective, ppy);
    const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);
    const label = (a: number): string | null => (a < 0 ? null : labels[a]);
    const fullAt = (c: number): number | null => (r.fullSample.chosen < 0 ? null : fin(scores.totalReturn[r.fullSample.chosen * n + c] - scores.benchmark[c]));
    const candidates = Array.from({ length: total }, (_, a) => a).filter((a) => !Number.isNaN(scores.totalReturn[a * n])).length;
    return {
      ...(request.sweep.notice === null ? {} : { notice: request.sweep.notice }),
      schema: OUT_OF_SAMPLE_SCHEMA, ratecutVersion: request.ratecutVersion, commandLine: request.commandLine,
      method, objective, strategy: header.strategy,
      grid: sweep.grid.map((g, p) => ({ name: header.parameters[p] ?? g.name, values: [...g.values] })),
      candidates, pair: header.pair, returnBasis: header.returnBasis, benchmark: header.benchmark, periodsPerYear: ppy,
      minTrain: method === 'walk-forward' ? minTrain : null,
      conventions: {
        windows: `each counted cycle's window (${header.window.beforeMonths} months before to ${header.window.afterMonths} after the ${header.window.anchor}) replayed from its first close starting in cash, as ratecut backtest replays a cycle; ${header.returnBasis}; execution lag ${header.executionLag} period(s), costs ${header.costBps} + ${header.slippageBps} bp`,
        excess: `a combination's total return over a cycle's window minus the benchmark's (${header.benchmark}) over the same window, decimal, not annualised`,
        objective: objective === 'mean-excess'
          ? 'the mean excess over the training cycles; the first combination in grid order wins a tie'
          : `the Sharpe ratio over cash of the daily returns of the training cycles' windows pooled, × sqrt(${ppy}); the first combination in grid order wins a tie`,
        folds: method === 'leave-one-cycle-out'
          ? 'leave-one-cycle-out: each counted cycle tested once, the choice made on all the others (Stone 1974)'
          : `walk-forward: each counted cycle from the ${minTrain + 1}th on tested, the choice made on the cycles before it (rolling origin, Tashman 2000)`,
        inSample: 'in sample: the choice\'s mean excess over the cycles it was chosen on; full sample: the choice made on every cycle, what a table without validation reports',
      },
      cycles: cycles.map((c) => ({ id: c.id, first: formatDay(days[c.startRow]), last: formatDay(days[c.endRow]), benchmarkReturn: c.benchmarkTotalReturn })),
      folds: r.folds.map((f) => ({
        test: ids[f.test], trainCycles: f.trainCycles, chosen: { params: label(f.chosen), score: fin(f.trainScore) },
        inSampleExcess: fin(f.trainMeanExcess), outOfSampleExcess: fin(f.testExcess), beat: f.testBeat, fullSampleExcess: fullAt(f.test),
      })),
      summary: {
        folds: r.folds.length, outOfSampleMean: fin(r.outOfSampleMean), outOfSampleHitRate: fin(r.outOfSampleHitRate), inSampleMean: fin(r.inSampleMean),
        fullSample: { params: label(r.fullSample.chosen), score: fin(r.fullSample.score), meanExcess: fin(r.fullSample.meanExcess), hitRate: fin(r.fullSample.hitRate) },
        sameAsFullSample: r.folds.filter((f) => f.chosen === r.fullSample.chosen).length,
      },
    };
  };
  return {
    ok: true,
    warnings,
    value: {
      kind: 'out-of-sample', plan: { method, strategy: header.strategy, candidates: total }, unit: 'combinations',
      blocks, blockWeight: (b) => b.count, execute: CYCLE_SCORES_BLOCK, warnings,
      context: { sweep, cycles }, merge,
    },
  };
}
