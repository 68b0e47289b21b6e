import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nowResultSchema } from '@ratecut/contracts';
import { loadCatalog } from '@ratecut/data-loader';
import { dayFromYmd, formatDay, formatIssue } from '@ratecut/sim-core';
import { FACTS_DIR } from '../../testing/sample-simulate-request';
import { runStudy, studyResult } from '../study/run-study';
import { planNowStudy, type NowRequest } from './plan-now-study';

/**
 * A market with four easing cycles (first cuts 2001-01-03, 2003-01-06, 2005-01-05, 2007-01-04,
 * each after a hike) whose paths are set by hand: flat before each first cut; for 30 rows from
 * the base close small and large move by fixed daily rates; then, for past cycles, by other
 * fixed daily rates. The current cycle (2007-01) repeats 2001-01's first 30 rows exactly, so
 * 2001-01 is its nearest analog, and a forecast from it alone is known to the last digit.
 */
const CYCLES = [
  { cut: '2001-01-03', so: [0.02, 0], then: [0.01, 0] },
  { cut: '2003-01-06', so: [-0.02, 0], then: [0, 0.01] },
  { cut: '2005-01-05', so: [0, 0.02], then: [0, 0] },
  { cut: '2007-01-04', so: [0.02, 0], then: null },
] as const;
const STEP = 30;

function writeNowFixture(dir: string): void {
  const days: number[] = [];
  const end = dayFromYmd(2007, 1, 4) + 60; // 30 weekdays after the last first cut, and some
  for (let d = dayFromYmd(2000, 1, 3); d <= end; d += 1) if (((d + 4) % 7 + 7) % 7 % 6 !== 0) days.push(d);
  const small: number[] = [], large: number[] = [];
  let s = 100, l = 100;
  const cuts = CYCLES.map((c) => dayFromYmd(Number(c.cut.slice(0, 4)), Number(c.cut.slice(5, 7)), Number(c.cut.slice(8, 10))));
  let lastRow = days.length - 1;
  days.forEach((d, i) => {
    // The cycle whose window this row is in: rows after its base close (the last row before its first cut).
    const k = cuts.findIndex((cut, j) => d >= cut && (j === cuts.length - 1 || d < cuts[j + 1]));
    if (k >= 0) {
      const base = days.findIndex((x) => x >= cuts[k]) - 1;
      const t = i - base; // 1 for the first row after the base
      const rates = t <= STEP ? CYCLES[k].so : CYCLES[k].then;
      if (rates === null) { lastRow = Math.min(lastRow, i - 1); return; }
      if (t <= 2 * STEP + 30) { s *= 1 + rates[0]; l *= 1 + rates[1]; }
    }
    small.push(s);
    large.push(l);
  });
  const rows = days.slice(0, lastRow + 1);
  writeFileSync(join(dir, 'small.csv'), 'date,close\n' + rows.map((d, i) => `${formatDay(d)},${small[i].toFixed(8)}`).join('\n') + '\n');
  writeFileSync(join(dir, 'large.csv'), 'date,close\n' + rows.map((d, i) => `${formatDay(d)},${large[i].toFixed(8)}`).join('\n') + '\n');
  // The policy target: a hike before each cycle, a 50 bp first cut.
  const steps: [string, number][] = [['2000-01-01', 5], ['2001-01-03', 4.5], ['2002-06-03', 5], ['2003-01-06', 4.5], ['2004-06-01', 5], ['2005-01-05', 4.5], ['2006-06-01', 5], ['2007-01-04', 4.5]];
  const target: string[] = [], dff: string[] = [];
  for (let d = dayFromYmd(2000, 1, 1); d <= rows[rows.length - 1]; d += 1) {
    const up = [...steps].reverse().find(([from]) => formatDay(d) >= from)?.[1] ?? 5;
    target.push(`${formatDay(d)},${(up - 0.25).toFixed(4)},${up.toFixed(4)},${(up - 0.125).toFixed(4)}`);
    dff.push(`${formatDay(d)},${(up - 0.1).toFixed(2)}`);
  }
  writeFileSync(join(dir, 'target.csv'), 'date,target_lower_pct,target_upper_pct,target_mid_pct\n' + target.join('\n') + '\n');
  writeFileSync(join(dir, 'dff.csv'), 'date,dff_pct\n' + dff.join('\n') + '\n');
  const entry = (id: string, file: string, value: string, extra: object) => ({ id, title: `fixture ${id}`, file, format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD', value, source: 'test fixture', ...extra });
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify({
    catalog: 1, about: 'test fixture',
    series: [
      entry('rut', 'small.csv', 'close', { kind: 'price', totalReturn: false, frequency: 'daily', unit: 'index points' }),
      entry('gspc', 'large.csv', 'close', { kind: 'price', totalReturn: false, frequency: 'daily', unit: 'index points' }),
      entry('dff', 'dff.csv', 'dff_pct', { kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year' }),
      entry('fed-target', 'target.csv', 'target_upper_pct', { kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year', columns: ['target_lower_pct', 'target_upper_pct', 'target_mid_pct'] }),
    ],
  }));
}

function request(over: Partial<NowRequest> = {}): NowRequest {
  const dir = mkdtempSync(join(tmpdir(), 'ratecut-now-'));
  writeNowFixture(dir);
  const catalog = loadCatalog(join(dir, 'catalog.json'));
  if (!catalog.ok) throw new Error(catalog.issues.map(formatIssue).join('\n'));
  return {
    catalog: catalog.value, origin: 'flag', notice: null, factsDir: FACTS_DIR, pair: 'rut-gspc', cycle: null, step: null, horizonMonths: 1, analogs: 1, paths: 2000, seed: 1,
    targets: [{ leg: 'small', level: 0.2, text: 'small:+20%' }, { leg: 'large', level: 0.01, text: 'large:+1%' }, { leg: 'spread', level: 0.23, text: 'spread:+23%' }],
    commandLine: 'test', ratecutVersion: 'test', ...over,
  };
}

describe('the now study on a market with known paths', () => {
  jest.setTimeout(60_000);

  it('places the current cycle, ranks it, finds its twin as the nearest analog and forecasts exactly what followed it', async () => {
    const planned = planNowStudy(request());
    if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
    const doc = await studyResult(runStudy(planned.value));
    expect(JSON.stringify(nowResultSchema.parse(JSON.parse(JSON.stringify(doc))))).toBe(JSON.stringify(doc));
    expect(doc.current.id).toBe('2007-01');
    expect(doc.current.step).toBe(STEP);
    expect(doc.current.atStep.small).toBeCloseTo(1.02 ** STEP - 1, 6);
    expect(doc.current.atStep.large).toBeCloseTo(0, 6);
    expect(doc.past.map((p) => p.id)).toEqual(['2001-01', '2003-01', '2005-01']);
    // The twin: no path gap.
    expect(doc.past[0].pathGap).toBeCloseTo(0, 6);
    expect(doc.forecast.analogs).toEqual(['2001-01']);
    // The spread: +81 pp today, above 2003-01's (-45 pp) and 2005-01's (-81 pp); 2001-01's is the same to 1e-10 (prices written to 8 decimals).
    expect(doc.rank.below).toBe(2);
    expect(doc.rank.of).toBe(3);
    // What followed 2001-01's step 30: small +1 % a day, large flat, for 21 rows. Every path is that.
    const small = 1.01 ** 21 - 1;
    for (const x of doc.forecast.percentiles.small) expect(x).toBeCloseTo(small, 6);
    for (const x of doc.forecast.percentiles.large) expect(x).toBeCloseTo(0, 6);
    expect(doc.forecast.smallBeatsLarge).toBe(1);
    expect(doc.forecast.targets.map((t) => t.probability)).toEqual([1, 0, 1]);
    // The backtest: each past cycle from its nearest other one.
    expect(doc.backtest.folds.map((f) => f.cycle)).toEqual(['2001-01', '2003-01', '2005-01']);
    expect(doc.backtest.folds[1].realized.large).toBeCloseTo(small, 6);
  });

  it('is the same on 2 worker threads, and says what is missing', async () => {
    const planned = planNowStudy(request({ analogs: 3, paths: 3000 }));
    if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
    const one = await studyResult(runStudy(planned.value));
    expect(JSON.stringify(await studyResult(runStudy(planned.value, { workers: 2 })))).toBe(JSON.stringify(one));
    expect(one.forecast.analogs).toHaveLength(3);
    expect(one.warnings).toEqual([]);
    const unknown = planNowStudy(request({ cycle: '1999-01' }));
    expect(unknown.ok ? [] : unknown.issues.map((i) => i.message)).toEqual(['--cycle 1999-01: no such cycle with rut-gspc data; cycles: 2001-01, 2003-01, 2005-01, 2007-01']);
    const early = planNowStudy(request({ cycle: '2005-01', step: 10 }));
    if (!early.ok) throw new Error('2005-01 at step 10 should plan');
    expect(early.value.plan).toEqual({ current: '2005-01', step: 10 });
    const beyond = planNowStudy(request({ step: 31 }));
    expect(beyond.ok ? [] : beyond.issues.map((i) => i.message)).toEqual(['--step 31: cycle 2007-01 has steps 1 to 30 in the rut-gspc data']);
    const long = planNowStudy(request({ horizonMonths: 80 }));
    expect(long.ok ? [] : long.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^no past cycle of rut-gspc has 1680 rows of data after step 30: nothing to forecast from/)]);
  });
});
