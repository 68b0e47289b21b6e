import * as path from 'node:path';
import { formatDay } from '@ratecut/sim-core';
import { makeTempDir, removeTempDir } from '../../testing';
import type { Catalog } from './catalog';
import { loadCatalog } from './load-catalog';
import { loadSeries, loadSeriesColumns } from './load-series';

const KEN_FRENCH = [
  'Hand-written file in the Ken French layout.',
  '',
  '  Average Value Weight Returns -- Monthly',
  ',<= 0,Lo 10,Hi 10',
  '202401,  -99.99,    1.50,   -0.25',
  '202402,  -99.99,  -999,    2.00',
  '',
  'Copyright 2026 Eugene F. Fama and Kenneth R. French',
  '',
].join('\r\n');

describe('loadSeries', () => {
  let dir = '';
  let catalog: Catalog;

  beforeAll(() => {
    const base = { source: 'hand-made' };
    dir = makeTempDir({
      'catalog.json': JSON.stringify({
        catalog: 1,
        synthetic: true,
        series: [
          { ...base, id: 'px', title: 'Prices', file: 'px.csv', format: 'csv', date: 'date', value: 'close', kind: 'price', totalReturn: true, frequency: 'daily', unit: 'index points' },
          { ...base, id: 'tgt', title: 'Target', file: 'rates/tgt.csv', format: 'csv', date: 'date', value: 'upper', columns: ['lower', 'upper'], kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year' },
          { ...base, id: 'tb', title: 'Bill', file: 'tb.csv', format: 'fred', date: 'Date', value: 'TB3MS', kind: 'rate', frequency: 'monthly', unit: 'percent per year' },
          { ...base, id: 'yh', title: 'ETF', file: 'yh.csv', format: 'yahoo', kind: 'price', frequency: 'daily', unit: 'USD (adjusted)' },
          { ...base, id: 'kf', title: 'Size', file: 'kf.csv', format: 'ken-french', kind: 'return', frequency: 'monthly', unit: 'percent per month' },
        ],
      }),
      'px.csv': 'date,close\n2024-01-02,100\n2024-01-03,101.5\n',
      'rates/tgt.csv': 'date,lower,upper\n2024-01-01,5.25,5.50\n2024-01-02,5.25,5.50\n',
      'tb.csv': '"Date","TB3MS"\n2024-01-01,5.22\n2024-02-01,.\n2024-03-01,5.24\n',
      'yh.csv': 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,10,10,10,10,9.5,1\n2024-01-03,null,null,null,null,null,null\n',
      'kf.csv': KEN_FRENCH,
    });
    const loaded = loadCatalog(dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    catalog = loaded.value;
  });
  afterAll(() => removeTempDir(dir));

  it('loads the value column with the catalog facts in meta', () => {
    const r = loadSeries(catalog, 'px');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.meta).toEqual({
      id: 'px', title: 'Prices', kind: 'price', frequency: 'daily', unit: 'index points', totalReturn: true, source: 'hand-made', synthetic: true,
    });
    expect(Array.from(r.value.days, formatDay)).toEqual(['2024-01-02', '2024-01-03']);
    expect(Array.from(r.value.values)).toEqual([100, 101.5]);
  });

  it('converts percent to decimals and says so in the unit', () => {
    const r = loadSeries(catalog, 'tgt:lower');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.meta).toMatchObject({ id: 'tgt:lower', title: 'Target [lower]', unit: 'decimal per year', totalReturn: false });
    expect(Array.from(r.value.values)).toEqual([0.0525, 0.0525]);
  });

  it('labels monthly FRED rows with the month end and drops "."', () => {
    const r = loadSeries(catalog, 'tb');
    expect(r.ok && Array.from(r.value.days, formatDay)).toEqual(['2024-01-31', '2024-03-31']);
  });

  it('takes Adj Close from a Yahoo file by default and drops null rows', () => {
    const r = loadSeries(catalog, 'yh');
    expect(r.ok && Array.from(r.value.values)).toEqual([9.5]);
    expect(r.ok && [r.value.meta.id, r.value.meta.title]).toEqual(['yh', 'ETF [Adj Close]']);
  });

  it('reads a Ken French column by its trimmed name, and the first column with data by default', () => {
    const lo = loadSeries(catalog, 'kf:Lo 10');
    expect(lo.ok && [Array.from(lo.value.days, formatDay), Array.from(lo.value.values)]).toEqual([['2024-01-31'], [0.015]]);
    const first = loadSeries(catalog, 'kf');
    expect(first.ok && first.value.values.length).toBe(1);
    const hi = loadSeries(catalog, 'kf:Hi 10');
    expect(hi.ok && Array.from(hi.value.values)).toEqual([-0.0025, 0.02]);
  });

  it('reads several columns from one file read', () => {
    const r = loadSeriesColumns(catalog, 'tgt', ['lower', 'upper']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((s) => s.meta.id)).toEqual(['tgt:lower', 'tgt:upper']);
    expect(r.value.map((s) => s.values[0])).toEqual([0.0525, 0.055]);
  });

  it('reports unknown series and unknown columns', () => {
    const unknown = loadSeries(catalog, 'nope');
    expect(!unknown.ok && unknown.issues[0]).toMatchObject({ code: 'unknown-series', file: catalog.path, message: expect.stringContaining('known ids: px, tgt, tb, yh, kf') });
    const column = loadSeriesColumns(catalog, 'tgt', ['lower', 'middle']);
    expect(!column.ok && column.issues[0]).toMatchObject({ code: 'missing-column', file: path.join(dir, 'rates/tgt.csv'), line: 1 });
    const withColumn = loadSeriesColumns(catalog, 'tgt:lower', ['upper']);
    expect(!withColumn.ok && withColumn.issues[0].code).toBe('unknown-series');
  });
});
