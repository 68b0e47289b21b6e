import { ParameterError } from '../errors/parameter-error';
import { BUILTIN_STRATEGIES, findBuiltinStrategy } from './builtin-strategies';

const def = (name: string) => findBuiltinStrategy(name)!;

describe('built-in strategy parameter checks', () => {
  it('accepts every built-in with its defaults, on daily and monthly data', () => {
    for (const b of BUILTIN_STRATEGIES) {
      for (const ppy of [252, 12]) {
        expect([b.name, ppy, b.check(b.defaults, ppy)]).toEqual([b.name, ppy, []]);
        expect(b.build(b.defaults, b.schedule, ppy).name).toBe(b.name);
      }
    }
  });

  it('returns every problem, each naming its parameter, instead of stopping at the first', () => {
    expect(def('cut-trigger').check({ holdMonths: 0, minMoveBp: -1, pauseMonths: 2.5 }, 252)).toEqual([
      { param: 'holdMonths', message: 'parameter holdMonths=0: expected a whole number of months >= 1' },
      { param: 'minMoveBp', message: 'parameter minMoveBp=-1: expected basis points >= 0' },
      { param: 'pauseMonths', message: 'parameter pauseMonths=2.5: expected a whole number of months >= 1' },
    ]);
    expect(def('trend-filter').check({ indicator: 'wma', fast: '10x', slow: 200, signal: 9 }, 252).map((p) => p.param)).toEqual(['indicator', 'fast']);
    expect(def('rate-regime').check({ dropBp: 50, months: 6, otherwise: 'small' }, 252)).toEqual([
      { param: 'otherwise', message: 'parameter otherwise=small: expected large or cash' },
    ]);
    expect(def('relative-momentum').check({ k: '6', threshold: 0.01 }, 252)).toEqual([
      { param: 'k', message: 'parameter k=6: expected a whole number of months >= 1' },
    ]);
  });

  it('checks periods in rows of the data: a period valid on daily data can be too short on monthly data', () => {
    const tf = def('trend-filter');
    const params = { indicator: 'sma', fast: 20, slow: 40, signal: 9 };
    expect(tf.check(params, 252)).toEqual([]);
    // 20 trading days are round(20 × 12 / 252) = 1 row of monthly data: too short a fast period.
    expect(tf.check(params, 12)).toEqual([{ param: 'fast', message: 'parameter fast=20d: 20d = 1 row at 12 a year; expected at least 2 rows' }]);
    expect(tf.check({ ...params, slow: 20 }, 252)).toEqual([{ param: 'slow', message: 'parameter slow=20d: 20d = 20 rows at 252 a year; expected more rows than fast (20d = 20 rows at 252 a year)' }]);
  });

  it('reads own parameters only, and build refuses what check refuses with the first problem', () => {
    const mix = def('static-mix');
    expect(mix.check(Object.create({ small: 0.3 }) as Record<string, number>, 252)).toEqual([{ param: 'small', message: 'parameter small=undefined: expected a weight between 0 and 1' }]);
    expect(() => mix.build({ small: 2 }, mix.schedule, 252)).toThrow(new ParameterError('parameter small=2: expected a weight between 0 and 1'));
  });
});
