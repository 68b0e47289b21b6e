import { catalogEntrySchema, catalogFileSchema } from './catalog-schema';

const entry = {
  id: 'rut', title: 'Russell 2000', file: 'rut.csv', format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD', value: 'close',
  kind: 'price', totalReturn: false, frequency: 'daily', unit: 'index points', first: '1987-09-10', last: '2026-02', source: 'Yahoo',
};

describe('catalog schema', () => {
  it('accepts a good catalog and keeps unknown keys', () => {
    const r = catalogFileSchema.safeParse({ catalog: 1, about: 'x', series: [{ ...entry, sha256: 'abc', fetchedAt: '2026-01-01' }], future: true });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.series[0]['sha256']).toBe('abc');
    expect(r.data['future']).toBe(true);
  });

  it('accepts a Ken French entry without date or value', () => {
    const { date: _d, dateFormat: _f, value: _v, ...rest } = entry;
    expect(catalogEntrySchema.safeParse({ ...rest, format: 'ken-french', section: 'Average Value Weight Returns -- Monthly', missing: ['-99.99'] }).success).toBe(true);
  });

  it('names the path and the expectation of each problem', () => {
    const r = catalogFileSchema.safeParse({ catalog: 2, series: [{ ...entry, format: 'xlsx', frequency: 'weekly', first: '1987/09/10' }] });
    expect(r.success).toBe(false);
    if (r.success) return;
    const byPath = Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
    expect(Object.keys(byPath).sort()).toEqual(['catalog', 'series.0.first', 'series.0.format', 'series.0.frequency']);
    expect(byPath['series.0.first']).toBe('expected a date as YYYY-MM or YYYY-MM-DD');
  });

  it('requires a date column for plain CSV and forbids ":" in ids', () => {
    const { date: _d, ...noDate } = entry;
    const r = catalogEntrySchema.safeParse({ ...noDate, id: 'a:b' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['date', 'id']);
    const r2 = catalogEntrySchema.safeParse(noDate);
    expect(r2.success).toBe(false);
    if (!r2.success) expect(r2.error.issues[0]).toMatchObject({ path: ['date'], message: expect.stringContaining("format 'csv' needs") });
  });
});
