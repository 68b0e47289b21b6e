import { formatDay } from '@ratecut/sim-core';
import { parseDateCell } from './date-format';

describe('parseDateCell', () => {
  it('reads ISO dates', () => {
    expect(formatDay(parseDateCell('2024-02-29', 'YYYY-MM-DD'))).toBe('2024-02-29');
    expect(formatDay(parseDateCell(' 1926-07-01 ', 'YYYY-MM-DD'))).toBe('1926-07-01');
  });

  it('labels a YYYYMM month with its last calendar day', () => {
    expect(formatDay(parseDateCell('192607', 'YYYYMM'))).toBe('1926-07-31');
    expect(formatDay(parseDateCell('202402', 'YYYYMM'))).toBe('2024-02-29');
  });

  it('reads YYYYMMDD days', () => {
    expect(formatDay(parseDateCell('19260701', 'YYYYMMDD'))).toBe('1926-07-01');
  });

  it('rejects text that is not a real date in the format', () => {
    expect(parseDateCell('2023-02-29', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDateCell('2023/01/02', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDateCell('202313', 'YYYYMM')).toBeNaN();
    expect(parseDateCell('20240230', 'YYYYMMDD')).toBeNaN();
    expect(parseDateCell('19260701', 'YYYYMM')).toBeNaN();
    expect(parseDateCell('', 'YYYYMMDD')).toBeNaN();
  });
});
