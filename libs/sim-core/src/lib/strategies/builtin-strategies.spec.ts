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

describe('built-in targets', () => {
  /** Daily closes of two legs with a trend each way, then a turn. */
  const rows = 400;
  const data = {
    days: Int32Array.from({ length: rows }, (_, i) => 7000 + i + 2 * Math.floor(i / 5)),
    assets: ['small', 'large'],
    closes: [Float64Array.from({ length: rows }, (_, i) => 100 * Math.exp(0.002 * Math.min(i, 250) - 0.003 * Math.max(0, i - 250) + 0.01 * Math.sin(i / 7))),
      Float64Array.from({ length: rows }, (_, i) => 100 * Math.exp(0.001 * i + 0.01 * Math.cos(i / 5)))],
    cashRate: new Float64Array(rows).fill(0.02),
    policyRate: Float64Array.from({ length: rows }, (_, i) => 0.05 - 0.0025 * Math.floor(i / 60)),
    periodsPerYear: 252,
  };

  it('gives the same plan for the same parameters however the calls before were made (the kept warm-up is per parameter values)', () => {
    for (const builtin of BUILTIN_STRATEGIES) {
      const fresh = (params: Record<string, number | string>) => BUILTIN_STRATEGIES.find((b) => b.name === builtin.name)!.targets({ ...builtin.defaults, ...params }, data);
      const variants: Record<string, Record<string, number | string>[]> = {
        'relative-momentum': [{ k: 2 }, { k: 9 }], 'trend-filter': [{ fast: '10d', slow: '40d' }, { fast: '30d', slow: '90d' }],
        'cut-trigger': [{ holdMonths: 2 }, { holdMonths: 7 }], 'rate-regime': [{ months: 2 }, { months: 8 }], 'static-mix': [{ small: 0.2 }, { small: 0.7 }],
      };
      const [a, b] = variants[builtin.name] ?? [{}, {}];
      // One parameters object changed between calls, and two objects with equal values.
      const params: Record<string, number | string | boolean> = { ...builtin.defaults, ...a };
      const first = builtin.targets(params, data);
      Object.assign(params, b);
      const second = builtin.targets(params, data);
      for (const [got, want] of [[first, fresh(a)], [second, fresh(b)], [builtin.targets({ ...builtin.defaults, ...a }, data), fresh(a)]] as const) {
        expect(got.warmup).toBe(want.warmup);
        expect(Array.from(got.codes.subarray(got.warmup))).toEqual(Array.from(want.codes.subarray(want.warmup)));
        expect(Array.from(got.palette)).toEqual(Array.from(want.palette));
      }
      if (builtin.name in variants) expect(first.warmup !== second.warmup || first.codes.some((c, t) => t >= first.warmup && c !== second.codes[t]) || first.palette.some((w, i) => w !== second.palette[i])).toBe(true);
    }
  });
});
