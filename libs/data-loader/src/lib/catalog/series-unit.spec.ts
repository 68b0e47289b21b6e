import { loadedUnit } from './series-unit';

describe('loadedUnit', () => {
  it('turns percent units into decimals', () => {
    expect(loadedUnit('percent per year')).toEqual({ unit: 'decimal per year', divisor: 100 });
    expect(loadedUnit('percent per month')).toEqual({ unit: 'decimal per month', divisor: 100 });
    expect(loadedUnit('percent')).toEqual({ unit: 'decimal', divisor: 100 });
  });

  it('leaves other units alone', () => {
    expect(loadedUnit('index points')).toEqual({ unit: 'index points', divisor: 1 });
    expect(loadedUnit('basis points')).toEqual({ unit: 'basis points', divisor: 1 });
  });
});
