import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { outOfSampleResultSchema } from '@ratecut/contracts';
import { loadCatalog, type Catalog } from '@ratecut/data-loader';
import { realDataDir } from '@ratecut/data-loader/testing';
import { findBuiltinStrategy, formatIssue, runBacktest, sharpeRatio, totalReturn } from '@ratecut/sim-core';
import { FACTS_DIR } from '../../testing/sample-simulate-request';
import { runStudy, studyResult } from '../study/run-study';
import { planOutOfSampleStudy, type OutOfSampleRequest } from './plan-out-of-sample-study';

/**
 * On the real data (skipped without it): leave-one-cycle-out and walk-forward of a relative
 * momentum grid against a plain computation from the event engine's runs of every combination
 * over every counted cycle's window: the same choices, the same out-of-sample excess.
 */
const describeReal = existsSync(join(realDataDir(), 'catalog.json')) ? describe : describe.skip;

const ks = [1, 2, 3, 4, 5, 6], thresholds = [0, 0.02, 0.04];

function request(catalog: Catalog, method: OutOfSampleRequest['method'], objective: OutOfSampleRequest['objective']): OutOfSampleRequest {
  return {
    method, objective, minTrain: 3, commandLine: 'test', ratecutVersion: 'test',
    sweep: {
      config: { strategies: [{ name: 'relative-momentum' }] }, source: { file: null, fromFlags: [] }, catalog, notice: null, factsDir: FACTS_DIR, commandLine: 'test',
      grid: [{ name: 'k', values: ks }, { name: 'threshold', values: thresholds }],
    },
  };
}

describeReal('leave-one-cycle-out and walk-forward on the real data', () => {
  jest.setTimeout(180_000);
  let catalog: Catalog;
  beforeAll(() => {
    const loaded = loadCatalog(realDataDir());
    if (!loaded.ok) throw new Error('the real catalog does not load');
    catalog = loaded.value;
  });

  it('chooses and tests as a plain computation from the engine does, for both objectives and both methods', async () => {
    for (const objective of ['mean-excess', 'sharpe'] as const) {
      for (const method of ['leave-one-cycle-out', 'walk-forward'] as const) {
        const planned = planOutOfSampleStudy(request(catalog, method, objective));
        if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
        const study = planned.value;
        const doc = await studyResult(runStudy(study));
        expect(JSON.stringify(outOfSampleResultSchema.parse(JSON.parse(JSON.stringify(doc))))).toBe(JSON.stringify(doc));

        // The engine's run of every combination over every counted cycle's window.
        const { sweep, cycles } = study.context;
        const builtin = findBuiltinStrategy('relative-momentum')!;
        const labels: string[] = [];
        const excess: number[][] = [], daily: { r: Float64Array; rf: Float64Array }[][] = [];
        for (const k of ks) {
          for (const threshold of thresholds) {
            labels.push(`k_months=${k} threshold=${threshold}`);
            const runs = cycles.map((c) => runBacktest(sweep.data, builtin.build({ k, threshold }, sweep.schedule, 252), { ...sweep.replay.settings, startRow: c.startRow, endRow: c.endRow }));
            excess.push(runs.map((run, i) => totalReturn(run.returns) - cycles[i].benchmarkTotalReturn));
            daily.push(runs.map((run) => ({ r: run.returns, rf: run.cashReturns })));
          }
        }
        const score = (a: number, train: number[]): number => {
          if (objective === 'mean-excess') return train.reduce((s, c) => s + excess[a][c], 0) / train.length;
          const r = Float64Array.from(train.flatMap((c) => Array.from(daily[a][c].r)));
          const rf = Float64Array.from(train.flatMap((c) => Array.from(daily[a][c].rf)));
          return sharpeRatio(r, rf, 252);
        };
        const n = cycles.length;
        const tests = method === 'leave-one-cycle-out' ? Array.from({ length: n }, (_, t) => t) : Array.from({ length: n - 3 }, (_, t) => t + 3);
        expect(doc.folds.map((f) => f.test)).toEqual(tests.map((t) => cycles[t].id));
        tests.forEach((t, i) => {
          const train = method === 'leave-one-cycle-out' ? Array.from({ length: n }, (_, c) => c).filter((c) => c !== t) : Array.from({ length: t }, (_, c) => c);
          const scores = labels.map((_, a) => score(a, train));
          const best = Math.max(...scores.filter((s) => !Number.isNaN(s)));
          const fold = doc.folds[i];
          const chosen = labels.indexOf(fold.chosen.params ?? '');
          // The choice has the best score (to rounding: the kernel and the engine agree to 1e-12, not to the bit).
          expect(Math.abs(scores[chosen] - best)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(best)));
          expect(Math.abs((fold.chosen.score ?? NaN) - scores[chosen])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(best)));
          expect(fold.outOfSampleExcess).toBeCloseTo(excess[chosen][t], 9);
          expect(fold.inSampleExcess).toBeCloseTo(train.reduce((s, c) => s + excess[chosen][c], 0) / train.length, 9);
        });
        expect(doc.summary.outOfSampleMean).toBeCloseTo(doc.folds.reduce((s, f) => s + (f.outOfSampleExcess ?? NaN), 0) / doc.folds.length, 12);
      }
    }
  });

  it('gives the same document on 2 worker threads as on this one', async () => {
    const planned = planOutOfSampleStudy({ ...request(catalog, 'leave-one-cycle-out', 'mean-excess'), sweep: { ...request(catalog, 'leave-one-cycle-out', 'mean-excess').sweep, grid: [{ name: 'k', values: Array.from({ length: 24 }, (_, i) => i + 1) }, { name: 'threshold', values: [0, 0.01, 0.02, 0.03, 0.04] }] } });
    if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
    expect(planned.value.blocks.length).toBe(2);
    const one = await studyResult(runStudy(planned.value));
    const two = await studyResult(runStudy(planned.value, { workers: 2 }));
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
