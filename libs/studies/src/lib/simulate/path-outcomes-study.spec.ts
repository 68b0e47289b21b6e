import { allocatePathOutcomes, simulateStudentTPaths, summarizeDistribution, type StudentTFit } from '@ratecut/sim-core';
import { runStudy, studyResult } from '../study/run-study';
import { mergePathOutcomes, pathBlocks, pathOutcomesMerger, pathOutcomesStudy, PATHS_PER_BLOCK, type MergedPathOutcomes } from './path-outcomes-study';
import { PathOutcomesMemory } from './path-outcomes-memory';

const fit: StudentTFit = { mu: [0.01, 0.008], scale: [0.003, 0.0015, 0.002], df: 6, logLikelihood: 0, iterations: 1, observations: 100, converged: true };

describe('path blocks', () => {
  it('are contiguous ranges of PATHS_PER_BLOCK paths, fixed by the path count', () => {
    expect(pathBlocks(0)).toEqual([]);
    expect(pathBlocks(PATHS_PER_BLOCK + 1)).toEqual([{ first: 0, count: PATHS_PER_BLOCK }, { first: PATHS_PER_BLOCK, count: 1 }]);
  });

  it('merge in path order, and refuse an output of the wrong size', () => {
    const a = allocatePathOutcomes(2), b = allocatePathOutcomes(1);
    a.smallReturn.set([1, 2]); b.smallReturn.set([3]);
    expect(Array.from(mergePathOutcomes(3, [{ first: 0, count: 2 }, { first: 2, count: 1 }], [a, b]).outcomes.smallReturn)).toEqual([1, 2, 3]);
    expect(() => mergePathOutcomes(3, [{ first: 0, count: 2 }, { first: 2, count: 1 }], [b, b])).toThrow(RangeError);
  });

  it('give the outcomes of one sim-core call over all paths, however they are split', async () => {
    const paths = 2 * PATHS_PER_BLOCK + 7;
    const job = { kind: 'student-t' as const, fit, horizon: 12, seed: 99 };
    const direct = allocatePathOutcomes(paths);
    simulateStudentTPaths(fit, { horizon: 12, seed: 99, firstPath: 0, pathCount: paths }, direct);
    const study = pathOutcomesStudy(job, paths);
    expect(study.blocks).toHaveLength(3);
    for (const workers of [1, 2]) {
      // The blocks write into the run's shared outcomes in place (threads included).
      const merged = await studyResult(runStudy(study, { workers }));
      expect(merged.outcomes.smallReturn.buffer).toBeInstanceOf(SharedArrayBuffer);
      for (const key of ['smallReturn', 'largeReturn', 'smallMaxDrawdown', 'largeMaxDrawdown'] as const) {
        expect(Array.from(merged.outcomes[key])).toEqual(Array.from(direct[key]));
      }
    }
  }, 60_000);

  it('accumulate the distributions as blocks arrive, in path order, with the numbers of a summary of the whole', async () => {
    const paths = 7 * PATHS_PER_BLOCK + 3; // past the histogram threshold
    const job = { kind: 'student-t' as const, fit, horizon: 12, seed: 5 };
    const study = pathOutcomesStudy(job, paths);
    for (const workers of [1, 2]) {
      const merged = await studyResult(runStudy(study, { workers }));
      const { outcomes, spread, accumulators } = merged;
      expect(Array.from(spread.subarray(0, 5))).toEqual(Array.from(outcomes.smallReturn.subarray(0, 5)).map((s, i) => s - outcomes.largeReturn[i]));
      expect(accumulators.smallReturn.summary(outcomes.smallReturn)).toEqual(summarizeDistribution(outcomes.smallReturn));
      expect(accumulators.spread.summary(spread)).toEqual(summarizeDistribution(spread));
      expect(accumulators.largeMaxDrawdown.summary(outcomes.largeMaxDrawdown)).toEqual(summarizeDistribution(outcomes.largeMaxDrawdown));
    }
    const merger = pathOutcomesMerger(paths, study.blocks);
    expect(() => merger.add(1, allocatePathOutcomes(PATHS_PER_BLOCK))).toThrow(RangeError);
    expect(() => merger.result([])).toThrow(RangeError);
  }, 60_000);

  it('merge into a PathOutcomesMemory run after run with the numbers of a run into fresh memory', async () => {
    const paths = 7 * PATHS_PER_BLOCK + 3; // past the histogram threshold
    const summaries = (m: MergedPathOutcomes): unknown => ({
      small: m.accumulators.smallReturn.summary(m.outcomes.smallReturn),
      spread: m.accumulators.spread.summary(m.spread),
      drawdown: m.accumulators.largeMaxDrawdown.summary(m.outcomes.largeMaxDrawdown),
      spreadValues: Array.from(m.spread),
    });
    const memory = new PathOutcomesMemory(paths);
    for (const [seed, workers] of [[5, 1], [6, 2], [5, 2]]) {
      const job = { kind: 'student-t' as const, fit, horizon: 12, seed };
      const fresh = await studyResult(runStudy(pathOutcomesStudy(job, paths), { workers }));
      const reused = await studyResult(runStudy(pathOutcomesStudy(job, paths, memory), { workers }));
      expect(reused.outcomes.smallReturn).toBe(memory.outcomes.smallReturn);
      expect(reused.spread).toBe(memory.spread);
      expect(Array.from(reused.outcomes.largeMaxDrawdown)).toEqual(Array.from(fresh.outcomes.largeMaxDrawdown));
      expect(summaries(reused)).toEqual(summaries(fresh));
    }
    expect(() => pathOutcomesMerger(paths + 1, pathBlocks(paths + 1), memory)).toThrow(/holds 70003 paths/);
    expect(() => new PathOutcomesMemory(-1)).toThrow(RangeError);
  }, 60_000);
});
