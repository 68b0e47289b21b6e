import { pathWarmUpJsonSchema, simulateResultSchema, SIMULATE_SCHEMA } from './simulate-result';

const distribution = {
  count: 2, percentiles: { p1: 0, p5: 0, p10: 0, p25: 0, p50: 0.01, p75: 0.02, p90: 0.02, p95: 0.02, p99: 0.02 },
  mean: 0.01, sd: 0.01, var95: null, cvar95: null, var99: null, cvar99: null,
};
const strategies = { paths: 2, note: 'n', results: [{ name: 'trend-filter', horizonReturn: distribution, maxDrawdown: distribution }] };
const warmUp = { rows: 202, needed: 202, unit: 'trading days', first: '2025-01-02', last: '2025-10-24', rule: 'r', warning: null };

describe('the ratecut.simulate/1 strategies section', () => {
  const section = simulateResultSchema.shape.strategies;

  it('is written with schema ratecut.simulate/1', () => {
    expect(SIMULATE_SCHEMA).toBe('ratecut.simulate/1');
  });

  it('reads the warm-up before the paths, and files written before it existed (no warmUp)', () => {
    expect(section.parse({ ...strategies, warmUp })).toEqual({ ...strategies, warmUp });
    expect(section.parse(strategies)).toEqual(strategies);
    expect(Object.keys(section.parse({ paths: 2, note: 'n', warmUp, results: [] }))).toEqual(['paths', 'note', 'warmUp', 'results']);
  });

  it('refuses a malformed warm-up: an unknown unit, a missing row count, a warning that is neither text nor null', () => {
    expect(pathWarmUpJsonSchema.safeParse({ ...warmUp, unit: 'weeks' }).success).toBe(false);
    const { rows: _rows, ...noRows } = warmUp;
    expect(pathWarmUpJsonSchema.safeParse(noRows).success).toBe(false);
    expect(pathWarmUpJsonSchema.safeParse({ ...warmUp, warning: 3 }).success).toBe(false);
    expect(pathWarmUpJsonSchema.safeParse({ ...warmUp, warning: 'only 50 rows' }).success).toBe(true);
  });
});
