import { formatDay } from '@ratecut/sim-core';
import { parseCatalogDay } from './catalog-date';

describe('parseCatalogDay', () => {
  it('labels months and monthly entries with the month end', () => {
    expect(formatDay(parseCatalogDay('1926-07', 'monthly'))).toBe('1926-07-31');
    expect(formatDay(parseCatalogDay('1934-01-01', 'monthly'))).toBe('1934-01-31');
  });

  it('keeps daily dates and rejects nonsense', () => {
    expect(formatDay(parseCatalogDay('1987-09-10', 'daily'))).toBe('1987-09-10');
    expect(parseCatalogDay('1987-9-10', 'daily')).toBeNaN();
  });
});
