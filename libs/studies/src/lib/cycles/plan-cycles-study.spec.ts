import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cyclesResultSchema, type CyclesResultJson } from '@ratecut/contracts';
import { loadCatalog, type Catalog } from '@ratecut/data-loader';
import { realDataDir } from '@ratecut/data-loader/testing';
import { formatDay, parseIsoDay, type LoadResult } from '@ratecut/sim-core';
import { runStudy, studyResult } from '../study/run-study';
import type { StudyEvent } from '../study/study-event';
import { FIXTURE_GROWTH, WORKSPACE_DATA_DIR, fixtureTradingDays, writeCyclesFixture } from '../../testing/cycles-fixture';
import { planCyclesStudy, type CyclesStudy } from './plan-cycles-study';
import type { CyclesSettings } from './cycles-settings';
import { MEASURE_PAIR_CYCLES } from './measure-pair-cycles';

const SETTINGS: CyclesSettings = { rule: { minMoveBp: 25, pauseMonths: 4 }, recessionWindowMonths: 12, since: undefined, counting: 'episodes' };

function catalogOf(dir: string): Catalog {
  const loaded = loadCatalog(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

function plan(dir: string, settings: Partial<CyclesSettings> = {}): LoadResult<CyclesStudy> {
  return planCyclesStudy({ catalog: catalogOf(dir), origin: 'flag', settings: { ...SETTINGS, ...settings }, dataDir: WORKSPACE_DATA_DIR, notice: null, ratecutVersion: '0.0.0-test' });
}

async function run(dir: string, settings: Partial<CyclesSettings> = {}): Promise<{ result: CyclesResultJson; events: StudyEvent<CyclesResultJson>[] }> {
  const planned = plan(dir, settings);
  if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
  const events: StudyEvent<CyclesResultJson>[] = [];
  const result = await studyResult(runStudy(planned.value), (e) => events.push(e));
  return { result, events };
}

describe('the cycles study on a fixture market with known returns', () => {
  const dir = writeCyclesFixture();
  const days = fixtureTradingDays().map(formatDay);

  it('plans one block per pair the catalog has and lists the others as skipped', () => {
    const planned = plan(dir);
    if (!planned.ok) throw new Error('plan failed');
    expect(planned.value.blocks).toEqual([{ pair: 0 }]);
    expect(planned.value.plan.skippedPairs).toEqual([
      { id: 'iwm-spy', reason: 'the catalog has no series iwm, spy' },
      { id: 'ff-size', reason: 'the catalog has no series ff-size-vw, ff-size-vw' },
    ]);
  });

  it('writes a valid ratecut.cycles/1 document whose returns match the closed form', async () => {
    const { result } = await run(dir);
    expect(cyclesResultSchema.parse(result)).toEqual(result);
    expect(result.schema).toBe('ratecut.cycles/1');
    expect(result.cycles.map((c) => c.id)).toEqual(['2019-08', '2020-03']);
    const pair = result.pairs[0];
    expect(pair.id).toBe('rut-gspc');
    const first = pair.cycles[0];
    // Anchor: the last trading day strictly before the first cut (2019-08-01, a Thursday).
    expect(first.anchorDate).toBe('2019-07-31');
    const anchor = days.indexOf('2019-07-31');
    for (const [h, steps] of [[0, 63], [1, 126], [2, 252], [3, 504]] as const) {
      expect(first.horizons[h].endDate).toBe(days[anchor + steps]);
      expect(first.horizons[h].small).toBeCloseTo(FIXTURE_GROWTH.small ** steps - 1, 12);
      expect(first.horizons[h].large).toBeCloseTo(FIXTURE_GROWTH.large ** steps - 1, 12);
    }
    // The 2020-03 cycle's 24 months run past the end of the data (2021-12-31).
    expect(pair.cycles[1].horizons[3]).toEqual({ label: '24m', endDate: null, small: null, large: null, missing: 'past the end of the data' });
  });

  it('summarises the counted cycles: every difference is the same, so mean and median are it', async () => {
    const { result } = await run(dir, { counting: 'first-cuts' });
    expect(result.cycles.every((c) => c.counted)).toBe(true);
    const all3m = result.pairs[0].summary.find((s) => s.horizon === '3m' && s.group === 'all');
    const want = FIXTURE_GROWTH.small ** 63 - FIXTURE_GROWTH.large ** 63;
    expect(all3m?.count).toBe(2);
    expect(all3m?.meanDifference).toBeCloseTo(want, 12);
    expect(all3m?.medianDifference).toBeCloseTo(want, 12);
    expect(all3m?.shareSmallBeat).toBe(1);
    const all24m = result.pairs[0].summary.find((s) => s.horizon === '24m' && s.group === 'all');
    expect(all24m?.count).toBe(1);
  });

  it('counts an episode once: a cycle within 24 months of the previous one joins its episode', async () => {
    const { result } = await run(dir);
    expect(result.counting).toBe('episodes');
    expect(result.cycles[1]).toMatchObject({ id: '2020-03', overlapsPrevious: '2019-08', episode: '2019-08', counted: false });
    expect(result.pairs[0].summary.find((s) => s.horizon === '3m' && s.group === 'all')?.count).toBe(1);
    expect(result.conventions.counting).toMatch(/episode/);
  });

  it('filters by since, refuses a since after the policy-rate data, and gives empty tables for a since inside it', async () => {
    const { result } = await run(dir, { since: parseIsoDay('2020-01-01') });
    expect(result.cycles.map((c) => c.id)).toEqual(['2020-03']);
    expect(result.filter).toEqual({ since: '2020-01-01', detected: 2 });
    const late = plan(dir, { since: parseIsoDay('2030-01-01') });
    expect(late).toEqual({ ok: false, issues: [{ code: 'bad-option', severity: 'error', file: 'command line', message: '--since 2030-01-01 is after the end of the policy-rate data (2021-12-31): no cycle can start then' }] });
    const empty = await run(dir, { since: parseIsoDay('2021-06-01') });
    expect(empty.result.cycles).toEqual([]);
    expect(empty.result.pairs[0].cycles).toEqual([]);
  });

  it('names a block executor that a worker thread loads from its own module', () => {
    const loaded = require(MEASURE_PAIR_CYCLES.module) as Record<string, unknown>;
    expect(loaded[MEASURE_PAIR_CYCLES.exportName]).toBe(MEASURE_PAIR_CYCLES.run);
  });

  it('refuses an unusable rule as an issue, not a throw', () => {
    const bad = plan(dir, { rule: { minMoveBp: -1, pauseMonths: 0.5 }, recessionWindowMonths: -2 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.length).toBeGreaterThanOrEqual(2);
      expect(bad.issues.every((i) => i.code === 'bad-option')).toBe(true);
      expect(bad.issues.map((i) => i.message).join('\n')).toMatch(/recession window -2/);
    }
  });

  it('never measures a horizon across a hole in the data, and passes the gap warning on as a study event', async () => {
    // Drop 2019-12 to 2020-12 from the small-cap file: 2019-08's 12-month horizon would span it.
    const holed = writeCyclesFixture((file, text) => (file === 'small.csv' ? text.split('\n').filter((l) => !(l >= '2019-12' && l < '2021')).join('\n') : text));
    const { result, events } = await run(holed);
    const row = result.pairs[0].cycles[0];
    expect(row.horizons[0].small).not.toBeNull();
    expect(row.horizons[2]).toMatchObject({ label: '12m', small: null, large: null, endDate: null });
    expect(row.horizons[2].missing).toMatch(/^crosses a gap in the data, 2019-11-29 to 2021-01-01/);
    const warnings = events.filter((e) => e.type === 'warning');
    expect(warnings.map((e) => (e.type === 'warning' ? e.issue.message : ''))).toEqual([
      expect.stringMatching(/^gap of 399 calendar days in column "close" from 2019-11-29/),
      expect.stringMatching(/^pair rut vs gspc: no common observation from 2019-11-29 to 2021-01-01/),
    ]);
  });

  it('takes the return basis from the catalog entries', async () => {
    const tr = writeCyclesFixture((file, text) => {
      if (file !== 'catalog.json') return text;
      const catalog = JSON.parse(text) as { series: { id: string; totalReturn?: boolean }[] };
      for (const e of catalog.series) if (e.id === 'rut' || e.id === 'gspc') e.totalReturn = true;
      return JSON.stringify(catalog);
    });
    const { result } = await run(tr);
    expect(result.pairs[0].returnBasis).toMatch(/^total return: dividend-adjusted closes; horizons in trading days/);
    expect(result.pairs[0].small.totalReturn).toBe(true);
  });

  it('reports every problem in every file at once', () => {
    const bad = writeCyclesFixture((file, text) => {
      if (file === 'target.csv') return text.replace('2019-08-01,2.0000,2.2500', '2019-08-01,2.0000,abc');
      if (file === 'small.csv') return text.replace(/\n2018-01-02,[^\n]*/, '\n2018-01-02,-5');
      return text;
    });
    const planned = plan(bad);
    expect(planned.ok).toBe(false);
    if (!planned.ok) {
      expect(planned.issues.map((i) => `${i.file.slice(bad.length + 1)}:${i.line}:${i.column} ${i.code}`)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^target\.csv:\d+:3 bad-number$/), 'small.csv:3:2 non-positive-price']),
      );
    }
  });
});

describe('the cycles study with the synthetic notice', () => {
  it('puts the notice first and marks the data synthetic', async () => {
    const dir = writeCyclesFixture();
    const planned = planCyclesStudy({ catalog: catalogOf(dir), origin: 'sample', settings: SETTINGS, dataDir: WORKSPACE_DATA_DIR, notice: 'SYNTHETIC SAMPLE: test', ratecutVersion: '0.0.0-test' });
    if (!planned.ok) throw new Error('plan failed');
    const result = await studyResult(runStudy(planned.value));
    expect(Object.keys(result)[0]).toBe('notice');
    expect(result.data).toEqual({ catalog: join(dir, 'catalog.json'), origin: 'sample', synthetic: true });
  });
});

/** Independent reader: `date -> value` from a CSV by header name, with plain string splitting. */
function readColumn(dataDir: string, file: string, dateCol: string, valueCol: string): Map<string, number> {
  const lines = readFileSync(join(dataDir, file), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(',').map((h) => h.trim());
  const d = header.indexOf(dateCol), v = header.indexOf(valueCol);
  const out = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells[v] !== undefined && cells[v].trim() !== '') out.set(cells[d], Number(cells[v]));
  }
  return out;
}

/** Independent post-cut return: base = last common date before `cut`, end = `steps` common dates later. */
function independentReturn(a: Map<string, number>, b: Map<string, number>, cut: string, steps: number) {
  const common = [...a.keys()].filter((k) => b.has(k)).sort();
  const base = common.filter((k) => k < cut).length - 1;
  const end = base + steps;
  return { base: common[base], end: common[end], small: a.get(common[end])! / a.get(common[base])! - 1, large: b.get(common[end])! / b.get(common[base])! - 1 };
}

const real = realDataDir();
const describeReal = existsSync(join(real, 'catalog.json')) ? describe : describe.skip;

describeReal('the cycles study on the real data', () => {
  let report: CyclesResultJson;

  beforeAll(async () => {
    report = (await run(real)).result;
  }, 60_000);

  it('detects the easing cycles strategists talk about', () => {
    const starts = report.cycles.map((c) => c.firstCut.slice(0, 7));
    for (const month of ['1989-06', '1995-07', '1998-09', '2001-01', '2007-09', '2020-03', '2024-09', '2025-09']) expect(starts).toContain(month);
    expect(starts.some((m) => m === '2019-07' || m === '2019-08')).toBe(true);
    expect(report.cycles.find((c) => c.firstCut.startsWith('2025-09'))?.resumption).toBe(true);
    expect(report.cycles.find((c) => c.firstCut.startsWith('2024-09'))?.resumption).toBe(false);
    expect(report.cycles.find((c) => c.firstCut.startsWith('2007-09'))?.recession).toBe(true);
    expect(report.cycles.find((c) => c.firstCut.startsWith('1998-09'))?.recession).toBe(false);
    expect(report.cycles.find((c) => c.id === '1995-12')).toMatchObject({ overlapsPrevious: '1995-07', episode: '1995-07', counted: false });
    expect(report.cycles.find((c) => c.id === '2008-10')).toMatchObject({ overlapsPrevious: '2007-09', episode: '2007-09', counted: false });
  });

  it('covers cycles before 1987 through the Fama-French pair only', () => {
    const ff = report.pairs.find((p) => p.id === 'ff-size');
    const rut = report.pairs.find((p) => p.id === 'rut-gspc');
    const early = report.cycles.filter((c) => c.firstCut < '1987-01-01').map((c) => c.id);
    expect(early.length).toBeGreaterThan(5);
    for (const id of early) {
      expect(ff?.cycles.find((r) => r.cycleId === id)?.anchorDate).not.toBeNull();
      expect(rut?.cycles.find((r) => r.cycleId === id)?.anchorDate).toBeNull();
    }
  });

  it('matches an independent computation for ^RUT vs ^GSPC', () => {
    const rut = readColumn(real, 'yahoo_rut_alitalbi/RUT.normalized.csv', 'date', 'close');
    const gspc = readColumn(real, 'yahoo_marketlab_guydekowski/GSPC.csv', 'date', 'close');
    const pair = report.pairs.find((p) => p.id === 'rut-gspc');
    for (const [cycleId, cut] of [['2001-01', '2001-01-03'], ['2007-09', '2007-09-18'], ['2019-08', '2019-08-01'], ['2024-09', '2024-09-19']]) {
      const row = pair?.cycles.find((r) => r.cycleId === cycleId);
      for (const [h, steps] of [[0, 63], [2, 252]] as const) {
        const want = independentReturn(rut, gspc, cut, steps);
        expect(row?.anchorDate).toBe(want.base);
        expect(row?.horizons[h].endDate).toBe(want.end);
        expect(row?.horizons[h].small).toBeCloseTo(want.small, 12);
        expect(row?.horizons[h].large).toBeCloseTo(want.large, 12);
      }
    }
  });

  it('matches an independent computation for IWM vs SPY (total return)', () => {
    const iwm = readColumn(real, 'yahoo_marketlab_guydekowski/IWM.normalized.csv', 'date', 'close');
    const spy = readColumn(real, 'yahoo_marketlab_guydekowski/SPY.normalized.csv', 'date', 'close');
    const row = report.pairs.find((p) => p.id === 'iwm-spy')?.cycles.find((r) => r.cycleId === '2007-09');
    const want = independentReturn(iwm, spy, '2007-09-18', 504);
    expect(row?.anchorDate).toBe('2007-09-17');
    expect(row?.horizons[3].small).toBeCloseTo(want.small, 12);
    expect(row?.horizons[3].large).toBeCloseTo(want.large, 12);
  });

  it('matches an independent computation for the Fama-French deciles', () => {
    const lo = readColumn(real, 'fama_french/ME_portfolios_VW_monthly.normalized.csv', 'yyyymm', 'Lo10');
    const hi = readColumn(real, 'fama_french/ME_portfolios_VW_monthly.normalized.csv', 'yyyymm', 'Hi10');
    // 2001-01-03 cut: base = end of 2000-12; 12 months = 2001-01 .. 2001-12 compounded.
    const months = Array.from({ length: 12 }, (_, i) => `2001${String(i + 1).padStart(2, '0')}`);
    const compound = (m: Map<string, number>) => months.reduce((w, k) => w * (1 + (m.get(k) ?? NaN) / 100), 1) - 1;
    const row = report.pairs.find((p) => p.id === 'ff-size')?.cycles.find((r) => r.cycleId === '2001-01');
    expect(row?.anchorDate).toBe('2000-12-31');
    expect(row?.horizons[2].endDate).toBe('2001-12-31');
    expect(row?.horizons[2].small).toBeCloseTo(compound(lo), 12);
    expect(row?.horizons[2].large).toBeCloseTo(compound(hi), 12);
  });

  it('summarises with mean and the share of counted cycles small won', () => {
    const pair = report.pairs.find((p) => p.id === 'rut-gspc');
    const counted = new Set(report.cycles.filter((c) => c.counted).map((c) => c.id));
    const rows12 = (pair?.cycles ?? []).filter((r) => counted.has(r.cycleId)).map((r) => r.horizons[2]).filter((h) => h.small !== null && h.large !== null);
    const all = pair?.summary.find((s) => s.horizon === '12m' && s.group === 'all');
    expect(all?.count).toBe(rows12.length);
    expect(all?.shareSmallBeat).toBeCloseTo(rows12.filter((h) => (h.small ?? 0) > (h.large ?? 0)).length / rows12.length, 12);
    const diffs = rows12.map((h) => (h.small ?? NaN) - (h.large ?? NaN));
    expect(all?.meanDifference).toBeCloseTo(diffs.reduce((a, b) => a + b, 0) / diffs.length, 12);
  });
});
