import * as fs from 'node:fs';
import { dayFromYmd, formatDay, monthEnd, type Series } from '@ratecut/sim-core';
import * as path from 'node:path';
import { parseNumberCell } from '../formats/number-cell';
import { readTable } from '../formats/read-table';
import { realDataDir } from '../../testing';
import type { Catalog } from './catalog';
import { parseCatalogDay } from './catalog-date';
import type { CatalogEntry } from './catalog-schema';
import { loadCatalog } from './load-catalog';
import { loadSeries, loadSeriesColumns } from './load-series';

/**
 * Loads every series of the real data catalog (read in place from RATECUT_DATA or
 * ../shared/data, never copied) and checks it against the catalog's own first/last dates.
 */
const dataDir = realDataDir();
const hasData = fs.existsSync(dataDir);
const describeReal = hasData ? describe : describe.skip;

/** Smallest believable row count per frequency, per year covered. */
const MIN_ROWS_PER_YEAR = { daily: 240, 'daily-calendar': 360, monthly: 12, irregular: 0 } as const;
const MAX_ROWS_PER_YEAR = { daily: 320, 'daily-calendar': 367, monthly: 12, irregular: 60 } as const;

/**
 * An independent, deliberately simple reading of a real data file, for comparison with the
 * loader: the whole file split on line breaks and commas (the real files quote nothing but some
 * header cells), the value column as the catalog names it, missing codes skipped, percent
 * divided by 100, monthly dates moved to the month end.
 */
function simpleRead(dir: string, entry: CatalogEntry): { days: number[]; values: number[] } {
  const lines = fs.readFileSync(path.resolve(dir, entry.file), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/);
  const cellsOf = (line: string | undefined) => (line ?? '').split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const kenFrench = entry.format === 'ken-french';
  const dateWidth = entry.frequency === 'daily' ? 8 : 6;
  const headerAt = kenFrench
    ? lines.findIndex((l, i) => /^(date)?$/i.test(cellsOf(l)[0]) && cellsOf(l).length > 1 && new RegExp(`^\\d{${dateWidth}}$`).test(cellsOf(lines[i + 1])[0]))
    : lines.findIndex((l) => l.trim() !== '');
  const header = cellsOf(lines[headerAt]);
  const dateColumn = entry.format === 'csv' ? header.indexOf(entry.date ?? '') : 0;
  const missing = new Set(['', '.', 'null', ...(entry.missing ?? [])]);
  const isMissing = (t: string) => missing.has(t) || (kenFrench && (Number(t) === -99.99 || Number(t) === -999));
  const body: string[][] = [];
  for (let i = headerAt + 1; i < lines.length; i += 1) {
    if (lines[i].trim() === '') {
      if (kenFrench) break;
      continue;
    }
    body.push(cellsOf(lines[i]));
  }
  const named = entry.value ?? entry.columns?.[0] ?? (entry.format === 'yahoo' ? 'Adj Close' : undefined);
  const column = named !== undefined ? header.indexOf(named) : header.findIndex((_, c) => c !== dateColumn && body.some((r) => !isMissing(r[c]) && r[c] !== undefined && r[c] !== ''));
  const divisor = entry.unit.startsWith('percent') ? 100 : 1;
  const days: number[] = [];
  const values: number[] = [];
  for (const row of body) {
    if (isMissing(row[column])) continue;
    const d = row[dateColumn];
    const [y, m, day] = d.includes('-') ? d.split('-').map(Number) : [Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8) || '1')];
    const dayNumber = dayFromYmd(y, m, day);
    days.push(entry.frequency === 'monthly' ? monthEnd(dayNumber) : dayNumber);
    values.push(Number(row[column]) / divisor);
  }
  return { days, values };
}

describeReal(`real data in ${dataDir}${hasData ? '' : ' (skipped: folder not found; set RATECUT_DATA to run)'}`, () => {
  let catalog: Catalog;
  beforeAll(() => {
    const loaded = loadCatalog(dataDir);
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
    catalog = loaded.value;
  });

  it('every column of every rate and return entry passes the unit plausibility check', () => {
    const flagged: string[] = [];
    let checked = 0;
    for (const entry of catalog.series.filter((e) => e.kind === 'rate' || e.kind === 'return')) {
      const table = readTable(path.resolve(catalog.dir, entry.file), entry);
      if (!table.ok) throw new Error(`${entry.id}: ${table.issues[0].message}`);
      const { header, dateColumn, rows } = table.value;
      // Numeric columns (a text column such as a source note is not a series).
      const columns = header.filter((_, c) => c !== dateColumn && rows.slice(0, 5).every((r) => !Number.isNaN(parseNumberCell(r.cells[c] ?? ''))));
      checked += columns.length;
      const r = loadSeriesColumns(catalog, entry.id, columns);
      if (!r.ok) flagged.push(...r.issues.map((i) => `${entry.id}:${i.line}:${i.column}: ${i.code} ${i.message}`));
    }
    expect(flagged).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  function loadOk(id: string): Series {
    const r = loadSeries(catalog, id);
    if (!r.ok) throw new Error(`${id}:\n${r.issues.map((i) => `${i.file}:${i.line}: ${i.code} ${i.message}`).join('\n')}`);
    return r.value;
  }

  it('loads every catalog series with first/last as catalogued and a plausible row count', () => {
    const problems: string[] = [];
    for (const entry of catalog.series) {
      const r = loadSeries(catalog, entry.id);
      if (!r.ok) {
        problems.push(`${entry.id}: ${r.issues.map((i) => `${i.line}: ${i.code} ${i.message}`).join('; ')}`);
        continue;
      }
      const s = r.value;
      const n = s.days.length;
      if (entry.first !== undefined && s.days[0] !== parseCatalogDay(entry.first, entry.frequency)) {
        problems.push(`${entry.id}: first ${formatDay(s.days[0])}, catalog says ${entry.first}`);
      }
      if (entry.last !== undefined && s.days[n - 1] !== parseCatalogDay(entry.last, entry.frequency)) {
        problems.push(`${entry.id}: last ${formatDay(s.days[n - 1])}, catalog says ${entry.last}`);
      }
      const years = (s.days[n - 1] - s.days[0] + 1) / 365.25;
      if (n < Math.floor(years * MIN_ROWS_PER_YEAR[entry.frequency]) || n > Math.ceil(years * MAX_ROWS_PER_YEAR[entry.frequency]) + 1) {
        problems.push(`${entry.id}: ${n} rows over ${years.toFixed(1)} years is implausible for ${entry.frequency}`);
      }
      if (s.meta.synthetic) problems.push(`${entry.id}: marked synthetic`);
      // Warnings are allowed (the 1933 bank holiday is a 12-day gap in daily files) but must be gaps.
      for (const w of r.warnings) if (w.code !== 'gap') problems.push(`${entry.id}: unexpected warning ${w.code} ${w.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('loads every catalog id with the days and values of an independent simple reading of its file', () => {
    const problems: string[] = [];
    for (const entry of catalog.series) {
      const loaded = loadOk(entry.id);
      const simple = simpleRead(catalog.dir, entry);
      if (simple.days.length !== loaded.days.length) {
        problems.push(`${entry.id}: ${loaded.days.length} observations, the simple reading finds ${simple.days.length}`);
        continue;
      }
      const at = simple.days.findIndex((d, i) => d !== loaded.days[i] || Math.abs(simple.values[i] - loaded.values[i]) > 1e-12 * Math.max(1, Math.abs(simple.values[i])));
      if (at >= 0) problems.push(`${entry.id}: row ${at} differs: ${formatDay(loaded.days[at])} ${loaded.values[at]} vs ${formatDay(simple.days[at])} ${simple.values[at]}`);
    }
    expect(problems).toEqual([]);
    expect(catalog.series.length).toBe(19);
  });

  it('reads single columns of multi-column entries', () => {
    const hi10 = loadOk('ff-size-vw:Hi10');
    expect(hi10.meta).toMatchObject({ id: 'ff-size-vw:Hi10', unit: 'decimal per month', kind: 'return' });
    expect(formatDay(hi10.days[0])).toBe('1926-07-31');
    // PROVENANCE sanity values: VW Lo10/Hi10 in 2008-10 were -20.67% / -14.85%.
    const lo10 = loadOk('ff-size-original:Lo 10');
    const oct2008 = parseCatalogDay('2008-10', 'monthly');
    expect(lo10.values[lo10.days.indexOf(oct2008)]).toBeCloseTo(-0.2067, 10);
    expect(hi10.values[hi10.days.indexOf(oct2008)]).toBeCloseTo(-0.1485, 10);
    const lower = loadOk('fed-target:target_lower_pct');
    expect(lower.meta.unit).toBe('decimal per year');
    expect(lower.values[lower.days.length - 1]).toBeCloseTo(0.035, 12);
    const rf = loadOk('ff-factors-daily:RF');
    expect(formatDay(rf.days[rf.days.length - 1])).toBe('2024-12-31');
    expect(rf.values[rf.values.length - 1]).toBeCloseTo(0.00017, 12);
  });

  it('reads the monthly and original Ken French files the same way', () => {
    const normalized = loadOk('ff-size-vw:Lo10');
    const original = loadOk('ff-size-original:Lo 10');
    expect(Array.from(original.days)).toEqual(Array.from(normalized.days));
    expect(Array.from(original.values)).toEqual(Array.from(normalized.values));
  });

  it('reads several columns of one file at once', () => {
    const r = loadSeriesColumns(catalog, 'fed-target', ['target_lower_pct', 'target_upper_pct', 'target_mid_pct']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [lower, upper, mid] = r.value;
    const i = lower.days.length - 1;
    expect([lower.values[i], upper.values[i], mid.values[i]].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0.035, 0.0375, 0.03625]);
  });
});
