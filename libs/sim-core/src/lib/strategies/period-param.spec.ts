import { findBuiltinStrategy } from './builtin-strategies';
import { parsePeriod, periodRows } from './period-param';

describe('period parameters', () => {
  it('parses numbers (trading days) and d/m/y units', () => {
    expect(parsePeriod(200)).toEqual({ amount: 200, unit: 'd' });
    expect(parsePeriod('200d')).toEqual({ amount: 200, unit: 'd' });
    expect(parsePeriod('10m')).toEqual({ amount: 10, unit: 'm' });
    expect(parsePeriod('1.5y')).toEqual({ amount: 1.5, unit: 'y' });
    for (const bad of ['200', '10 months', '-3m', '0d', 0, -1, NaN, true, undefined, '1e3d']) expect(parsePeriod(bad as never)).toBeNull();
  });

  it('converts a period to the same time span on daily and monthly data', () => {
    expect(periodRows({ amount: 200, unit: 'd' }, 252)).toBe(200);
    expect(periodRows({ amount: 200, unit: 'd' }, 12)).toBe(Math.round((200 * 12) / 252)); // 10 months, not 200
    expect(periodRows({ amount: 10, unit: 'm' }, 252)).toBe(210);
    expect(periodRows({ amount: 10, unit: 'm' }, 12)).toBe(10);
    expect(periodRows({ amount: 1, unit: 'y' }, 12)).toBe(12);
    expect(periodRows({ amount: 3, unit: 'd' }, 12)).toBe(1); // at least one row
  });

  it("gives trend-filter's default 50/200-day cross about 2/10 rows on monthly data instead of 50/200 months", () => {
    const tf = findBuiltinStrategy('trend-filter')!;
    expect(tf.build(tf.defaults, tf.schedule, 252).warmup).toBe(200);
    expect(tf.build(tf.defaults, tf.schedule, 12).warmup).toBe(10);
    expect(tf.build({ ...tf.defaults, slow: '10m', fast: '2m' }, tf.schedule, 12).warmup).toBe(10);
    expect(() => tf.build({ ...tf.defaults, slow: 'ten' }, tf.schedule, 12)).toThrow(/expected a period such as 200d/);
  });
});
