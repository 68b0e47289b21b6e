import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../main';
import { captureIo, realDataDir } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';
import type { CyclesResultJson } from '@ratecut/contracts';

const dataDir = realDataDir();
const hasRealData = existsSync(join(dataDir, 'catalog.json'));
const describeReal = hasRealData ? describe : describe.skip;
if (!hasRealData) console.warn(`real data not found at ${dataDir}: real-data tests skipped`);

/** Independent reader: `date -> value` from a CSV by header name, with plain string splitting. */
function readColumn(file: string, dateCol: string, valueCol: string): Map<string, number> {
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
  return {
    base: common[base],
    end: common[end],
    small: a.get(common[end])! / a.get(common[base])! - 1,
    large: b.get(common[end])! / b.get(common[base])! - 1,
  };
}

describeReal('ratecut cycles on the real data', () => {
  let report: CyclesResultJson;

  beforeAll(async () => {
    const io = captureIo({ RATECUT_DATA: dataDir });
    expect(await main(['cycles', '--format', 'json'], io)).toBe(0);
    report = JSON.parse(io.out());
  });

  it('detects the easing cycles strategists talk about', () => {
    const starts = report.cycles.map((c) => c.firstCut.slice(0, 7));
    for (const month of ['1989-06', '1995-07', '1998-09', '2001-01', '2007-09', '2020-03', '2024-09', '2025-09']) {
      expect(starts).toContain(month);
    }
    expect(starts.some((m) => m === '2019-07' || m === '2019-08')).toBe(true);
    const c2025 = report.cycles.find((c) => c.firstCut.startsWith('2025-09'))!;
    expect(c2025.resumption).toBe(true);
    expect(report.cycles.find((c) => c.firstCut.startsWith('2024-09'))!.resumption).toBe(false);
    expect(report.cycles.find((c) => c.firstCut.startsWith('2007-09'))!.recession).toBe(true);
    expect(report.cycles.find((c) => c.firstCut.startsWith('1998-09'))!.recession).toBe(false);
  });

  it('covers cycles before 1987 through the Fama-French pair only', () => {
    const ff = report.pairs.find((p) => p.id === 'ff-size')!;
    const rut = report.pairs.find((p) => p.id === 'rut-gspc')!;
    const early = report.cycles.filter((c) => c.firstCut < '1987-01-01').map((c) => c.id);
    expect(early.length).toBeGreaterThan(5);
    for (const id of early) {
      expect(ff.cycles.find((r) => r.cycleId === id)!.anchorDate).not.toBeNull();
      expect(rut.cycles.find((r) => r.cycleId === id)!.anchorDate).toBeNull();
    }
  });

  it('matches an independent computation for ^RUT vs ^GSPC', () => {
    const rut = readColumn('yahoo_rut_alitalbi/RUT.normalized.csv', 'date', 'close');
    const gspc = readColumn('yahoo_marketlab_guydekowski/GSPC.csv', 'date', 'close');
    const pair = report.pairs.find((p) => p.id === 'rut-gspc')!;
    for (const [cycleId, cut] of [['2001-01', '2001-01-03'], ['2007-09', '2007-09-18'], ['2019-08', '2019-08-01'], ['2024-09', '2024-09-19']]) {
      const row = pair.cycles.find((r) => r.cycleId === cycleId)!;
      for (const [h, steps] of [[0, 63], [2, 252]] as const) {
        const want = independentReturn(rut, gspc, cut, steps);
        expect(row.anchorDate).toBe(want.base);
        expect(row.horizons[h].endDate).toBe(want.end);
        expect(row.horizons[h].small).toBeCloseTo(want.small, 12);
        expect(row.horizons[h].large).toBeCloseTo(want.large, 12);
      }
    }
  });

  it('matches an independent computation for IWM vs SPY (total return)', () => {
    const iwm = readColumn('yahoo_marketlab_guydekowski/IWM.normalized.csv', 'date', 'close');
    const spy = readColumn('yahoo_marketlab_guydekowski/SPY.normalized.csv', 'date', 'close');
    const pair = report.pairs.find((p) => p.id === 'iwm-spy')!;
    const row = pair.cycles.find((r) => r.cycleId === '2007-09')!;
    const want = independentReturn(iwm, spy, '2007-09-18', 504);
    expect(row.anchorDate).toBe('2007-09-17');
    expect(row.horizons[3].small).toBeCloseTo(want.small, 12);
    expect(row.horizons[3].large).toBeCloseTo(want.large, 12);
  });

  it('matches an independent computation for the Fama-French deciles', () => {
    const lo = readColumn('fama_french/ME_portfolios_VW_monthly.normalized.csv', 'yyyymm', 'Lo10');
    const hi = readColumn('fama_french/ME_portfolios_VW_monthly.normalized.csv', 'yyyymm', 'Hi10');
    const pair = report.pairs.find((p) => p.id === 'ff-size')!;
    // 2001-01-03 cut: base = end of 2000-12; 12 months = 2001-01 .. 2001-12 compounded.
    const months = Array.from({ length: 12 }, (_, i) => `2001${String(i + 1).padStart(2, '0')}`);
    const compound = (m: Map<string, number>) => months.reduce((w, k) => w * (1 + m.get(k)! / 100), 1) - 1;
    const row = pair.cycles.find((r) => r.cycleId === '2001-01')!;
    expect(row.anchorDate).toBe('2000-12-31');
    expect(row.horizons[2].endDate).toBe('2001-12-31');
    expect(row.horizons[2].small).toBeCloseTo(compound(lo), 12);
    expect(row.horizons[2].large).toBeCloseTo(compound(hi), 12);
  });

  it('summarises with mean, median and the share of cycles small won, one per episode', () => {
    const pair = report.pairs.find((p) => p.id === 'rut-gspc')!;
    const counted = new Set(report.cycles.filter((c) => c.counted).map((c) => c.id));
    expect(report.counting).toBe('episodes');
    expect(report.cycles.find((c) => c.id === '1995-12')).toMatchObject({ overlapsPrevious: '1995-07', episode: '1995-07', counted: false });
    expect(report.cycles.find((c) => c.id === '2008-10')).toMatchObject({ overlapsPrevious: '2007-09', episode: '2007-09', counted: false });
    expect(report.cycles.find((c) => c.id === '1998-09')).toMatchObject({ overlapsPrevious: null, counted: true });
    const rows12 = pair.cycles.filter((r) => counted.has(r.cycleId)).map((r) => r.horizons[2]).filter((h) => h.small !== null && h.large !== null);
    const all = pair.summary.find((s) => s.horizon === '12m' && s.group === 'all')!;
    expect(all.count).toBe(rows12.length);
    const wins = rows12.filter((h) => h.small! > h.large!).length;
    expect(all.shareSmallBeat).toBeCloseTo(wins / rows12.length, 12);
    const diffs = rows12.map((h) => h.small! - h.large!);
    expect(all.meanDifference).toBeCloseTo(diffs.reduce((a, b) => a + b, 0) / diffs.length, 12);
  });

  it('counts every cycle with --count first-cuts', async () => {
    const io = captureIo({ RATECUT_DATA: dataDir });
    expect(await main(['cycles', '--format', 'json', '--count', 'first-cuts'], io)).toBe(0);
    const byCut: CyclesResultJson = JSON.parse(io.out());
    const pair = byCut.pairs.find((p) => p.id === 'rut-gspc')!;
    const rows12 = pair.cycles.map((r) => r.horizons[2]).filter((h) => h.small !== null && h.large !== null);
    expect(pair.summary.find((s) => s.horizon === '12m' && s.group === 'all')!.count).toBe(rows12.length);
    expect(byCut.cycles.every((c) => c.counted)).toBe(true);
  });

  it('refuses a --since after the policy-rate data and warns when no cycle starts after it', async () => {
    const late = captureIo({ RATECUT_DATA: dataDir });
    expect(await main(['cycles', '--since', '2030-01-01'], late)).toBe(2);
    expect(late.err()).toMatch(/--since 2030-01-01 is after the end of the policy-rate data \(2026-06-20\)/);
    const empty = captureIo({ RATECUT_DATA: dataDir });
    expect(await main(['cycles', '--since', '2026-01-01'], empty)).toBe(0);
    expect(empty.err()).toMatch(/warning: no easing cycle has its first cut on or after 2026-01-01 \(39 detected before --since\)/);
    expect(empty.out()).toMatch(/Easing cycles \(0 of 39 detected: first cut on or after 2026-01-01/);
  });

  it('prints a table that states its conventions', async () => {
    const io = captureIo({ RATECUT_DATA: dataDir });
    expect(await main(['cycles'], io)).toBe(0);
    const text = io.out();
    expect(text.split('\n')[0]).not.toMatch(/SYNTHETIC/);
    expect(text).toMatch(/Anchor: +base = close of the last observation strictly before/);
    expect(text).toMatch(/price return: index levels without dividends/);
    expect(text).toMatch(/total return: dividend-adjusted closes/);
    expect(text).toMatch(/small won all/);
  });

  it('writes CSV atomically and refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-cycles-'));
    const file = join(dir, 'cycles.csv');
    writeFileSync(file, 'keep me\n');
    const io = captureIo({ RATECUT_DATA: dataDir }, dir);
    expect(await main(['cycles', '--format', 'csv', '--out', 'cycles.csv'], io)).toBe(2);
    expect(io.err()).toMatch(/already exists; pass --force/);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    const io2 = captureIo({ RATECUT_DATA: dataDir }, dir);
    expect(await main(['cycles', '--format', 'csv', '--out', 'cycles.csv', '--force'], io2)).toBe(0);
    const csv = readFileSync(file, 'utf8').split('\n');
    expect(csv[0]).toBe('row_type,pair,cycle_id,first_cut,recession,anchor_date,horizon,steps,end_date,small_return,large_return,small_minus_large,median_small_minus_large,share_small_beat,overlaps_previous,episode,counted,missing');
    expect(csv.some((l) => l.startsWith('cycle,rut-gspc,2024-09,2024-09-19,false,2024-09-18,3m,63,'))).toBe(true);
  });
});

describe('ratecut cycles without real data', () => {
  it('falls back to the labelled synthetic sample', async () => {
    const io = captureIo({});
    expect(await main(['cycles'], io)).toBe(0);
    expect(io.out().split('\n')[0]).toMatch(/^SYNTHETIC SAMPLE/);
    expect(io.err()).toMatch(/SYNTHETIC SAMPLE/);
    const json = captureIo({});
    expect(await main(['cycles', '--format', 'json'], json)).toBe(0);
    expect(json.out().split('\n')[0]).toMatch(/^\{ "notice": "SYNTHETIC SAMPLE/);
    expect(JSON.parse(json.out()).data.synthetic).toBe(true);
    const csv = captureIo({});
    expect(await main(['cycles', '--format', 'csv'], csv)).toBe(0);
    expect(csv.out().split('\n')[0]).toMatch(/^# SYNTHETIC SAMPLE/);
  });

  it('reports a --data path that does not exist and exits 1', async () => {
    const io = captureIo({});
    expect(await main(['cycles', '--data', '/nonexistent/ratecut-data'], io)).toBe(1);
    expect(io.err()).toMatch(/\/nonexistent\/ratecut-data.*missing-file/);
  });
});

describe('ratecut cycles on bad data', () => {
  it('lists every problem in every file with file, line and column, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-bad-'));
    const entry = (id: string, file: string, extra: object) => ({
      id, title: id, file, format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD', kind: 'price', frequency: 'daily', unit: 'pts', source: 'test', ...extra,
    });
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({
      catalog: 1,
      series: [
        entry('fed-target', 't.csv', { kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year', value: 'target_upper_pct', columns: ['target_lower_pct', 'target_upper_pct', 'target_mid_pct'] }),
        entry('rut', 'r.csv', { value: 'close' }),
        entry('gspc', 'missing.csv', { value: 'close' }),
      ],
    }));
    writeFileSync(join(dir, 't.csv'), 'date,target_lower_pct,target_upper_pct,target_mid_pct\n2020-01-01,1.5,1.75,1.625\n2020-01-03,1.5,abc,1.625\n2020-01-02,1.5,1.75,1.625\n');
    writeFileSync(join(dir, 'r.csv'), 'date,close\n2020-01-02,-5\n');
    const io = captureIo({});
    expect(await main(['cycles', '--data', dir], io)).toBe(1);
    const lines = io.err().trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/t\.csv:3:3: error bad-number: .*"abc"/),
      expect.stringMatching(/t\.csv:4:1: error unsorted-dates: /),
      expect.stringMatching(/r\.csv:2:2: error non-positive-price: /),
      expect.stringMatching(/missing\.csv: error missing-file: /),
    ]);
    expect(io.out()).toBe('');
  });

  it('never measures a horizon across a hole in the price data, and shows n/a as "gap"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-hole-'));
    writeFixture(dir);
    // Drop 2019-12 to 2020-12 from the small-cap file: 2019-08's 12-month horizon would span 2019-07 to 2021.
    const small = readFileSync(join(dir, 'small.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'small.csv'), small.filter((l) => !(l >= '2019-12' && l < '2021')).join('\n'));
    const io = captureIo({});
    expect(await main(['cycles', '--data', dir, '--format', 'json'], io)).toBe(0);
    const r: CyclesResultJson = JSON.parse(io.out());
    const row = r.pairs.find((p) => p.id === 'rut-gspc')!.cycles.find((c) => c.cycleId === '2019-08')!;
    expect(row.horizons[0].small).not.toBeNull(); // 3 months = 63 rows: ends before the hole
    expect(row.horizons[2]).toMatchObject({ label: '12m', small: null, large: null, endDate: null });
    expect(row.horizons[2].missing).toMatch(/^crosses a gap in the data, 2019-11-29 to 2021-01-01/);
    expect(io.err()).toMatch(/warning gap: pair rut vs gspc: no common observation from 2019-11-29 to 2021-01-01/);
    const table = captureIo({});
    expect(await main(['cycles', '--data', dir], table)).toBe(0);
    expect(table.out()).toMatch(/2019-08 R +2019-07-31 .* gap +gap +gap/);
  });

  it('takes the return basis from the catalog entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-tr-'));
    writeFixture(dir);
    const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
    for (const e of catalog.series) if (e.id === 'rut' || e.id === 'gspc') e.totalReturn = true;
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog));
    const io = captureIo({});
    expect(await main(['cycles', '--data', dir], io)).toBe(0);
    expect(io.out()).toMatch(/^ {2}total return: dividend-adjusted closes; horizons in trading days/m);
    expect(io.out()).not.toMatch(/price return/);
  });
});
