import { checkPeriodsPerYear, checkSameLength, checkWindow } from './window';

describe('metric argument checks', () => {
  it('accepts windows inside the array, including empty ones', () => {
    expect(() => checkWindow(3, 0, 3)).not.toThrow();
    expect(() => checkWindow(3, 1, 1)).not.toThrow();
    expect(() => checkWindow(0, 0, 0)).not.toThrow();
  });

  it('throws RangeError for windows that do not fit or are not integers', () => {
    expect(() => checkWindow(3, -1, 2)).toThrow(RangeError);
    expect(() => checkWindow(3, 0, 4)).toThrow(RangeError);
    expect(() => checkWindow(3, 2, 1)).toThrow(RangeError);
    expect(() => checkWindow(3, 0.5, 2)).toThrow(RangeError);
    expect(() => checkWindow(3, 0, NaN)).toThrow(RangeError);
  });

  it('throws RangeError for arrays of different lengths and for a bad periodsPerYear', () => {
    expect(() => checkSameLength('x', new Float64Array(2), new Float64Array(3))).toThrow(RangeError);
    expect(() => checkSameLength('x', new Float64Array(2), new Float64Array(2))).not.toThrow();
    for (const bad of [0, -12, NaN, Infinity]) expect(() => checkPeriodsPerYear(bad)).toThrow(RangeError);
    expect(() => checkPeriodsPerYear(252)).not.toThrow();
  });
});
