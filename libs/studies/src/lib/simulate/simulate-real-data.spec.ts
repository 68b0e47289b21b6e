import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { simulateResultSchema } from '@ratecut/contracts';
import { loadCatalog } from '@ratecut/data-loader';
import { realDataDir } from '@ratecut/data-loader/testing';
import { formatIssue } from '@ratecut/sim-core';
import { FACTS_DIR, sampleSimulateRequest } from '../../testing/sample-simulate-request';
import { runStudy, studyResult } from '../study/run-study';
import { loadScenario } from './load-scenario';
import { planSimulateStudy } from './plan-simulate-study';

const describeReal = existsSync(join(realDataDir(), 'catalog.json')) ? describe : describe.skip;
describeReal('the simulate study on the real data', () => {
  jest.setTimeout(120_000);
  it('draws the insurance-cuts scenario from insurance-like cycles', async () => {
    const catalog = loadCatalog(realDataDir());
    const loaded = loadScenario('insurance-cuts', FACTS_DIR, FACTS_DIR);
    if (!catalog.ok || !loaded.ok) throw new Error('the real catalog or the built-in scenario does not load');
    const planned = planSimulateStudy(sampleSimulateRequest({}, { scenario: { ...loaded.value.scenario, paths: 20_000 }, catalog: catalog.value, notice: null, origin: 'env', targets: [{ leg: 'small', level: 0.2, text: 'small:+20%' }] }));
    if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
    const doc = await studyResult(runStudy(planned.value));
    for (const id of ['1995-07', '1998-09', '2019-08']) expect(doc.analogs.cycleIds).toContain(id);
    expect(doc.analogs.cycleIds).not.toContain('2001-01');
    expect(doc.analogs.cycleIds).not.toContain('1987-11'); // the post-crash easing is an emergency, not an insurance analog
    expect(doc.conventions.emergency).toMatch(/intermeeting/);
    expect(doc.method.kind === 'stationary' && doc.method.meanBlock).toBeGreaterThanOrEqual(1);
    const p = doc.probabilities.targets[0].probability ?? NaN;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(doc.notice).toBeUndefined();
    expect(JSON.stringify(simulateResultSchema.parse(JSON.parse(JSON.stringify(doc))))).toBe(JSON.stringify(doc));
  });
});
