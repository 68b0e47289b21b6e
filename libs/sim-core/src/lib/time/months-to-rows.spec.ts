import { monthsToRows } from './months-to-rows';

describe('monthsToRows', () => {
  it.each([
    // months, rows a year, rows
    [1, 252, 21],
    [3, 252, 63],
    [6, 252, 126],
    [12, 252, 252],
    [24, 252, 504],
    [3, 12, 3],
    [24, 12, 24],
    [1.5, 252, 32], // 31.5 rounds half up
    [195, 250, 4063], // the product first: round(48750 / 12); round(195 × (250 / 12)) would give 4062
    [0, 252, 0],
  ])('%p months at %p rows a year are %p rows', (months, periodsPerYear, rows) => {
    expect(monthsToRows(months, periodsPerYear)).toBe(rows);
  });

  it('is 21 rows a month on trading days and one on month-ends for every whole month up to 50 years', () => {
    for (let m = 0; m <= 600; m += 1) {
      expect(monthsToRows(m, 252)).toBe(m * 21);
      expect(monthsToRows(m, 12)).toBe(m);
    }
  });

  it('gives NaN for NaN input', () => {
    expect(monthsToRows(NaN, 252)).toBeNaN();
    expect(monthsToRows(3, NaN)).toBeNaN();
  });
});
