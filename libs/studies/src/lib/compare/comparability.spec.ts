import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differencesBetween } from './comparability';
import { loadResult, type LoadedResult } from './load-result';

/** A minimal simulate result with a given horizon. */
function simulation(horizon: { months: number; steps: number; unit: string }, method = 'stationary') {
  const summary = { percentiles: { p5: -0.1, p25: 0, p50: 0.1, p75: 0.2, p95: 0.3 }, mean: 0.1, sd: 0.1 };
  return {
    schema: 'ratecut.simulate/1', scenario: { name: 'insurance-cuts' },
    data: { synthetic: false, inputs: [{ file: 'catalog.json', sha256: 'ab'.repeat(32) }], pair: { id: 'rut-gspc' }, first: '1987-09-10', last: '2026-02-23' },
    seed: 1, paths: 1000, method: { kind: method }, horizon,
    analogs: { cycleIds: ['1995-07'] }, conventions: { returns: 'simple' },
    legs: { small: summary, large: summary, spread: summary },
    probabilities: { smallBeatsLarge: 0.5, targets: [] },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'ratecut-comparability-'));
function load(name: string, doc: unknown): LoadedResult {
  writeFileSync(join(dir, name), JSON.stringify(doc));
  const r = loadResult(name, dir);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

describe('simulation horizons compare by calendar months', () => {
  const daily12 = load('daily12.json', simulation({ months: 12, steps: 252, unit: 'trading days' }));
  const monthly12 = load('t12.json', simulation({ months: 12, steps: 12, unit: 'months' }, 'student-t'));
  const daily6 = load('daily6.json', simulation({ months: 6, steps: 126, unit: 'trading days' }));
  const daily250 = load('daily250.json', simulation({ months: 12, steps: 250, unit: 'trading days' }));

  it('accepts 252 trading days against 12 monthly steps (stationary vs student-t)', () => {
    expect(differencesBetween(daily12, monthly12)).toEqual([]);
    expect(differencesBetween(monthly12, daily12)).toEqual([]);
  });

  it('refuses different calendar horizons, in either unit', () => {
    expect(differencesBetween(daily12, daily6).map((d) => d.message)).toEqual(['horizon: 12 months (252 trading days) in daily12.json, 6 months (126 trading days) in daily6.json']);
    expect(differencesBetween(monthly12, daily6).map((d) => d.message)).toEqual(['horizon: 12 months (12 monthly steps) in t12.json, 6 months (126 trading days) in daily6.json']);
    expect(differencesBetween(daily12, daily250).map((d) => d.message)).toEqual(['horizon: 12 months (252 trading days) in daily12.json, 11.9 months (250 trading days) in daily250.json']);
  });
});
