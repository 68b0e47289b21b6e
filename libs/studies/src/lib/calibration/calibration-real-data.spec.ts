import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { calibrationResultSchema } from '@ratecut/contracts';
import { loadCatalog, loadEasingCycles, loadMarketData, type Catalog } from '@ratecut/data-loader';
import { realDataDir } from '@ratecut/data-loader/testing';
import { DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS, formatIssue } from '@ratecut/sim-core';
import { FACTS_DIR, sampleSimulateRequest } from '../../testing/sample-simulate-request';
import { runStudy, studyResult } from '../study/run-study';
import { loadScenario } from '../simulate/load-scenario';
import { planSimulateStudy } from '../simulate/plan-simulate-study';
import { planCalibrationStudy } from './plan-calibration-study';

/**
 * On the real data (skipped without it): the calibration of the insurance-cuts scenario against
 * computations made apart: each held-out cycle's realized year from the closes themselves, and
 * its PIT from `ratecut simulate`'s own study run on the other analogs with the realized values
 * as targets (P(small >= realized) = 1 − PIT for continuous draws).
 */
const describeReal = existsSync(join(realDataDir(), 'catalog.json')) ? describe : describe.skip;

describeReal('the calibration study on the real data', () => {
  jest.setTimeout(180_000);
  let catalog: Catalog;
  beforeAll(() => {
    const loaded = loadCatalog(realDataDir());
    if (!loaded.ok) throw new Error('the real catalog does not load');
    catalog = loaded.value;
  });

  it('holds out each insurance-cuts analog: realized returns from the closes, PIT as simulate gives it, the same on 2 threads', async () => {
    const loaded = loadScenario('insurance-cuts', FACTS_DIR, FACTS_DIR);
    if (!loaded.ok) throw new Error('the built-in scenario does not load');
    const scenario = loaded.value.scenario;
    const planned = planCalibrationStudy({
      catalog, origin: 'env', notice: null, factsDir: FACTS_DIR, scenarios: [{ scenario, file: loaded.value.file }],
      paths: 4000, commandLine: 'test', ratecutVersion: 'test',
    });
    if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
    const doc = await studyResult(runStudy(planned.value));
    expect(JSON.stringify(calibrationResultSchema.parse(JSON.parse(JSON.stringify(doc))))).toBe(JSON.stringify(doc));
    const two = await studyResult(runStudy(planned.value, { workers: 2 }));
    expect(JSON.stringify(two)).toBe(JSON.stringify(doc));

    const s = doc.scenarios[0];
    expect(s.analogs).toEqual(['1995-07', '1998-09', '2019-08', '2024-09']);
    expect(s.folds.map((f) => f.cycle)).toEqual(s.analogs);

    // The closes: the last close before each first cut, and 252 trading days later.
    const easing = loadEasingCycles(catalog, join(FACTS_DIR, 'nber-business-cycles.json'), DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS);
    if (!easing.ok) throw new Error('no cycles');
    const market = loadMarketData(catalog, { small: 'rut', large: 'gspc' }, 'fedfunds', easing.value.history);
    if (!market.ok) throw new Error('no market');
    const { days, closes } = market.value.data;
    for (const fold of s.folds) {
      const cycle = easing.value.cycles.find((c) => c.cycle.id === fold.cycle)!.cycle;
      let base = 0;
      while (base + 1 < days.length && days[base + 1] < cycle.firstCut) base += 1;
      const small = closes[0][base + 252] / closes[0][base] - 1, large = closes[1][base + 252] / closes[1][base] - 1;
      expect(fold.realized.small).toBeCloseTo(small, 12);
      expect(fold.realized.large).toBeCloseTo(large, 12);
      expect(fold.realized.spread).toBeCloseTo(small - large, 12);
      expect(fold.drawnFrom).toEqual(s.analogs.filter((a) => a !== fold.cycle));

      // simulate's study on the other analogs, with the realized values as targets.
      const sim = planSimulateStudy(sampleSimulateRequest({}, {
        scenario: { ...scenario, paths: 4000, history: { kind: 'cycles', ids: fold.drawnFrom } }, catalog, notice: null, origin: 'env', strategyPaths: 0,
        targets: [{ leg: 'small', level: small, text: 's' }, { leg: 'large', level: large, text: 'l' }, { leg: 'spread', level: small - large, text: 'd' }],
      }));
      if (!sim.ok) throw new Error(sim.issues.map(formatIssue).join('\n'));
      const result = await studyResult(runStudy(sim.value));
      const [ps, pl, pd] = result.probabilities.targets.map((t) => t.probability ?? NaN);
      expect(fold.pit.small).toBeCloseTo(1 - ps, 12);
      expect(fold.pit.large).toBeCloseTo(1 - pl, 12);
      expect(fold.pit.spread).toBeCloseTo(1 - pd, 12);
    }
    // The coverage counts the PITs.
    const inside90 = s.folds.filter((f) => f.pit.spread >= 0.05 && f.pit.spread <= 0.95).length;
    expect(s.calibration.spread.coverage90).toBeCloseTo(inside90 / s.folds.length, 12);
    expect(s.calibration.spread.histogram.reduce((a, b) => a + b, 0)).toBe(s.folds.length);
  });
});
