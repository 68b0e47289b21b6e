import { join } from 'node:path';
import type { Scenario } from '@ratecut/contracts';
import { loadCuratedCycles } from '@ratecut/data-loader';
import { formatIssue, parseIsoDay, selectAnalogCycles, type ClassifiedCycle } from '@ratecut/sim-core';
import { FACTS_DIR as dataDir } from '../../testing/sample-simulate-request';
import { builtinScenarioNames, loadScenario } from './load-scenario';
import { buildSimulationInputs } from './simulation-inputs';

/** A built-in scenario, or the test fails with its issues. */
function builtin(name: string): Scenario {
  const r = loadScenario(name, dataDir, dataDir);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.value.scenario;
}
const curated = loadCuratedCycles(join(dataDir, 'easing-cycles.json'));
if (!curated.ok) throw new Error(JSON.stringify(curated.issues));
const facts = { emergency: new Map(curated.value.cycles.flatMap((c) => (c.emergency === undefined ? [] : [[parseIsoDay(c.firstCut), c.emergency] as const]))) };

/** The curated cycles as classified cycles (recession flags from the README's cycle table). */
const inRecession = new Set(['2008-10', '2020-03']);
const recession = new Set(['1990-07', '2001-01', '2007-09', '2008-10', '2019-08', '2020-03']);
const classified: ClassifiedCycle[] = curated.value.cycles.map((c) => ({
  cycle: {
    id: c.id, firstCut: parseIsoDay(c.firstCut), lastCut: parseIsoDay(c.lastCut), cuts: c.cuts, totalEasingBp: c.totalEasingBp,
    rateBefore: c.rateBeforePct / 100, rateAfter: c.rateAfterPct / 100, resumption: c.resumption, open: false, basis: 'target-point', cutDays: [],
  },
  recession: { recession: recession.has(c.id), reason: inRecession.has(c.id) ? 'in-recession' : recession.has(c.id) ? 'peak-within-window' : null, peak: null },
}));

describe('built-in scenarios', () => {
  it('all load within the scenario bounds', () => {
    const names = builtinScenarioNames(dataDir);
    expect(names).toEqual(['all-cycles', 'emergency-cuts', 'insurance-cuts', 'recession-easing', 'resumption']);
    for (const name of names) {
      const r = loadScenario(name, dataDir, dataDir);
      expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([]);
    }
  });

  it('curate every emergency-cuts analog as an emergency, and nothing since 1994 but the intermeeting cuts', () => {
    const flagged = curated.value.cycles.filter((c) => c.emergency === true).map((c) => c.id);
    expect(flagged).toEqual(['1987-11', '2001-01', '2008-10', '2020-03']);
    expect(curated.value.cycles.every((c) => typeof c.emergency === 'boolean')).toBe(true);
    for (const c of curated.value.cycles.filter((x) => x.emergency)) expect(c.emergencyNote).toMatch(/intermeeting|between meetings/);
    const emergency = builtin('emergency-cuts');
    if (emergency.history.kind !== 'cycles') throw new Error('emergency-cuts should list cycle ids');
    for (const id of emergency.history.ids) expect(flagged).toContain(id);
  });

  it('insurance-cuts picks no emergency analog (the 1987 post-crash cut is out)', () => {
    const insurance = builtin('insurance-cuts');
    const ids = selectAnalogCycles(classified, insurance.history, facts).cycles.map((c) => c.cycle.id);
    expect(ids).toEqual(['1995-07', '1998-09', '2019-08', '2024-09']);
    // Without the emergency feature the same rule takes 1987-11 too (the defect this guards against).
    const { emergency: _ignored, ...withoutEmergency } = insurance.history as { emergency?: boolean } & typeof insurance.history;
    expect(selectAnalogCycles(classified, withoutEmergency as typeof insurance.history, facts).cycles.map((c) => c.cycle.id)).toContain('1987-11');
  });

  it('warns about covered analogs whose emergency status is not curated', () => {
    const insurance = builtin('insurance-cuts');
    // A market of daily rows 2017-01-02 .. 2021-12-31 and one uncurated cycle in it.
    const days: number[] = [];
    for (let d = parseIsoDay('2017-01-02'); d <= parseIsoDay('2021-12-31'); d += 1) if (((d + 4) % 7) % 6 !== 0) days.push(d);
    const closes = Float64Array.from(days, (_, i) => 100 * (1 + 0.0002 * i));
    const data = { days: Int32Array.from(days), assets: ['small', 'large'], closes: [closes, closes], cashRate: new Float64Array(days.length), policyRate: new Float64Array(days.length), periodsPerYear: 252 };
    const uncurated: ClassifiedCycle = { ...classified[0], cycle: { ...classified[0].cycle, id: '2018-05', firstCut: parseIsoDay('2018-05-11'), lastCut: parseIsoDay('2018-08-10'), cuts: 3, totalEasingBp: 75 }, recession: { recession: false, reason: null, peak: null } };
    const inputs = buildSimulationInputs(data, [uncurated], insurance, facts);
    expect(inputs.cycles.map((c) => c.cycle.id)).toEqual(['2018-05']);
    expect(inputs.warnings.join('\n')).toMatch(/emergency status unknown for 2018-05 \(not among the curated cycles of data\/easing-cycles\.json\): counted as not emergencies/);
  });
});
