import type { Catalog } from './catalog';
import { resolveSeriesId } from './series-id';

const catalog = {
  path: '/data/catalog.json',
  dir: '/data',
  about: '',
  synthetic: false,
  series: [
    { id: 'rut', title: 'RUT', file: 'r.csv', format: 'csv', date: 'date', kind: 'price', frequency: 'daily', unit: 'index points', source: 's' },
    { id: 'fed-target', title: 'T', file: 't.csv', format: 'csv', date: 'date', columns: ['target_lower_pct'], kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year', source: 's' },
  ],
} as Catalog;

describe('resolveSeriesId', () => {
  it('finds an entry by id, with or without a column', () => {
    expect(resolveSeriesId(catalog, 'rut')).toMatchObject({ ok: true, value: { entry: { id: 'rut' }, column: undefined } });
    expect(resolveSeriesId(catalog, 'fed-target:target_lower_pct')).toMatchObject({ ok: true, value: { column: 'target_lower_pct' } });
    expect(resolveSeriesId(catalog, 'rut:Lo 10: x')).toMatchObject({ ok: true, value: { column: 'Lo 10: x' } });
  });

  it('reports an unknown id, listing the known ids and the column syntax', () => {
    const r = resolveSeriesId(catalog, 'russell');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        code: 'unknown-series', severity: 'error', file: '/data/catalog.json',
        message: 'unknown series "russell"; known ids: rut, fed-target (one column of an entry is "<id>:<column>", e.g. "fed-target:target_lower_pct")',
      },
    ]);
    expect(resolveSeriesId(catalog, 'rut:').ok).toBe(false);
  });
});
