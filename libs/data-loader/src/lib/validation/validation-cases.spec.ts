import * as path from 'node:path';
import { makeTempDir, removeTempDir } from '../../testing';
import type { CatalogEntry } from '../catalog/catalog-schema';
import { loadCatalog } from '../catalog/load-catalog';
import { loadSeries, type LoadSeriesOptions } from '../catalog/load-series';
import type { DataIssue } from './data-issue';

/**
 * Every validation case end to end: a hand-written file in a temporary folder, a one-entry
 * catalog, loadSeries, and the exact issue (code, line, column, what was expected).
 */
describe('validation of data files', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeTempDir));

  function load(fileText: string | undefined, entry: Partial<CatalogEntry> = {}, options: LoadSeriesOptions = {}) {
    const full = {
      id: 'x', title: 'X', file: 'x.csv', format: 'csv', date: 'date', value: 'close',
      kind: 'price', frequency: 'daily', unit: 'index points', source: 'hand-made', ...entry,
    };
    const files: Record<string, string> = { 'catalog.json': JSON.stringify({ catalog: 1, series: [full] }) };
    if (fileText !== undefined) files[full.file] = fileText;
    const dir = makeTempDir(files);
    dirs.push(dir);
    const catalog = loadCatalog(dir);
    if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
    return { result: loadSeries(catalog.value, full.id, options), file: path.join(dir, full.file) };
  }

  function issuesOf(r: ReturnType<typeof load>['result']): readonly DataIssue[] {
    if (r.ok) throw new Error('expected the load to fail');
    return r.issues;
  }

  it('missing file', () => {
    const { result, file } = load(undefined);
    expect(issuesOf(result)).toEqual([{ code: 'missing-file', severity: 'error', file, message: expect.stringContaining('file not found') }]);
  });

  it('missing column: at the header line, no column, listing the columns found', () => {
    const { result, file } = load('date,open,price\n2024-01-02,1,2\n');
    const [issue] = issuesOf(result);
    expect(issue).toMatchObject({ code: 'missing-column', file, line: 1 });
    expect(issue.column).toBeUndefined();
    expect(issue.message).toBe('no value column named "close" in the header; columns found: "open", "price"');
  });

  it('unparsable date: line, column and the expected format', () => {
    const { result } = load('open,date,close\n1,2024-01-02,10\n1,2024-13-01,11\n');
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ code: 'bad-date', line: 3, column: 2, message: 'expected a date as YYYY-MM-DD, found "2024-13-01"' }),
    ]);
  });

  it('unparsable date in a YYYYMM file names that format', () => {
    const { result } = load('yyyymm,close\n202401,1\n2024-02,2\n', { date: 'yyyymm', dateFormat: 'YYYYMM', frequency: 'monthly', kind: 'return' });
    expect(issuesOf(result)[0]).toMatchObject({ code: 'bad-date', line: 3, column: 1, message: 'expected a date as YYYYMM, found "2024-02"' });
  });

  it('unparsable number: line, column and what was expected', () => {
    const { result } = load('date,close\n2024-01-02,10\n2024-01-03,1O.5\n');
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ code: 'bad-number', line: 3, column: 2, message: 'expected a number in column "close", found "1O.5"' }),
    ]);
  });

  it('a row too short to hold the value is a bad number', () => {
    const { result } = load('date,open,close\n2024-01-02,1,10\n2024-01-03,1\n');
    expect(issuesOf(result)[0]).toMatchObject({ code: 'bad-number', line: 3, column: 3, message: expect.stringContaining('row has 2 fields') });
  });

  it('non-positive price, for kind price only', () => {
    const text = 'date,close\n2024-01-02,10\n2024-01-03,0\n2024-01-04,-1.5\n';
    const issues = issuesOf(load(text).result);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['non-positive-price', 3, 2],
      ['non-positive-price', 4, 2],
    ]);
    expect(issues[1].message).toBe('expected a price > 0 in column "close", found -1.5');
    expect(load(text, { kind: 'return' }).result.ok).toBe(true);
  });

  it('unsorted dates: at the offending line, naming the previous date', () => {
    const { result } = load('date,close\n2024-01-02,1\n2024-01-05,2\n2024-01-03,3\n2024-01-08,4\n');
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({
        code: 'unsorted-dates', line: 4, column: 1,
        message: 'date 2024-01-03 comes after 2024-01-05 (line 3); expected dates in increasing order',
      }),
    ]);
  });

  it('duplicate date: naming the first line with that date', () => {
    const { result } = load('date,close\n2024-01-02,1\n2024-01-03,2\n2024-01-03,2\n');
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ code: 'duplicate-date', line: 4, column: 1, message: 'duplicate date 2024-01-03: first seen on line 3; expected each date once' }),
    ]);
  });

  it('duplicate month: two FRED rows in one month of a monthly series', () => {
    const { result } = load('DATE,TB3MS\n2024-01-01,5.2\n2024-01-15,5.3\n', { format: 'fred', value: 'TB3MS', frequency: 'monthly', kind: 'rate', unit: 'percent per year' });
    expect(issuesOf(result)[0]).toMatchObject({ code: 'duplicate-date', line: 3, message: expect.stringContaining('2024-01-31: first seen on line 2') });
  });

  it('empty file', () => {
    const { result, file } = load('');
    expect(issuesOf(result)).toEqual([expect.objectContaining({ code: 'empty-file', file, message: expect.stringContaining('the file is empty') })]);
  });

  it('a header and no data rows is an empty file', () => {
    const { result } = load('date,close\r\n\r\n');
    expect(issuesOf(result)).toEqual([expect.objectContaining({ code: 'empty-file', line: 1, message: expect.stringContaining('expected at least one data row') })]);
  });

  it('wrong format: a plain CSV declared as a Yahoo download', () => {
    const { result } = load('date,open,high,low,close,volume\n2024-01-02,1,1,1,1,0\n', { format: 'yahoo', value: 'Adj Close' });
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ code: 'wrong-format', line: 1, message: expect.stringContaining('expected the header "Date,Open,High,Low,Close,Adj Close,Volume"') }),
    ]);
  });

  it('gap: a warning with the line after the gap, both dates and the length', () => {
    const { result } = load('date,close\n2001-09-07,1\n2001-09-10,2\n2001-09-21,3\n2001-09-24,4\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.values).toHaveLength(4);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'gap', severity: 'warning', line: 4, column: 2,
        message: expect.stringContaining('gap of 11 calendar days in column "close" from 2001-09-10 (line 3) to 2001-09-21; expected at most 10 days'),
      }),
    ]);
  });

  it('gap threshold follows the frequency and gapWarningDays overrides it', () => {
    const monthly = 'yyyymm,close\n202401,1\n202402,2\n202404,3\n';
    const m = load(monthly, { date: 'yyyymm', dateFormat: 'YYYYMM', frequency: 'monthly', kind: 'return' }).result;
    expect(m.ok && m.warnings.map((w) => [w.code, w.line])).toEqual([['gap', 4]]);
    const quiet = load(monthly, { date: 'yyyymm', dateFormat: 'YYYYMM', frequency: 'monthly', kind: 'return' }, { gapWarningDays: 62 }).result;
    expect(quiet.ok && quiet.warnings).toEqual([]);
    const calendar = load('date,close\n2024-01-01,1\n2024-01-02,1\n2024-01-07,1\n', { frequency: 'daily-calendar' }).result;
    expect(calendar.ok && calendar.warnings.map((w) => w.line)).toEqual([4]);
    const events = load('date,close\n2020-01-01,1\n2024-01-02,1\n', { frequency: 'irregular' }).result;
    expect(events.ok && events.warnings).toEqual([]);
  });

  it('missing observations are dropped, not errors', () => {
    const text = 'date,close\n2024-01-02,1\n2024-01-03,\n2024-01-04,n/a\n2024-01-05,-999\n2024-01-08,2\n';
    const { result } = load(text, { missing: ['n/a', '-999'] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(Array.from(result.value.values)).toEqual([1, 2]);
  });

  it('reports every problem in one pass, in file order', () => {
    const text = 'date,close\n2024-01-02,1\n2024-01-0x,2\n2024-01-04,abc\n2024-01-04,3\n2024-01-03,-4\n';
    const issues = issuesOf(load(text).result);
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ['bad-date', 3],
      ['bad-number', 4],
      ['duplicate-date', 5],
      ['unsorted-dates', 6],
      ['non-positive-price', 6],
    ]);
  });

  it('caps at 50 issues per file and says how many more were suppressed', () => {
    const rows = Array.from({ length: 80 }, (_, i) => `2024-01-02,bad${i}`).join('\n');
    const issues = issuesOf(load(`date,close\n2024-01-01,1\n${rows}\n`, {}, { gapWarningDays: 1000 }).result);
    expect(issues).toHaveLength(51);
    expect(issues[50].message).toContain('more issues in this file were suppressed');
    expect(issues[50].severity).toBe('error');
  });
});
