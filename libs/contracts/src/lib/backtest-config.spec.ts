import { backtestConfigSchema, resolvedBacktestConfigSchema } from './backtest-config';

describe('the backtest configuration schema', () => {
  it('fills every default, in a fixed key order, and reads its own output back unchanged', () => {
    const resolved = backtestConfigSchema.parse({ strategies: [{ name: 'cut-trigger' }] });
    expect(resolved).toEqual({
      pair: 'rut-gspc', cash: 'fedfunds', executionLag: 1, costBps: 5, slippageBps: 5, allowLeverage: false, initialCapital: 1,
      window: { beforeMonths: 3, afterMonths: 24, anchor: 'first-cut' }, cycles: 'all', count: 'episodes',
      cycleRule: { minMoveBp: 25, pauseMonths: 4 }, recessionWindowMonths: 12,
      benchmark: { name: 'buy-hold-large', params: {} }, strategies: [{ name: 'cut-trigger', params: {} }],
    });
    expect(JSON.stringify(backtestConfigSchema.parse(resolved))).toBe(JSON.stringify(resolved));
    expect(JSON.stringify(resolvedBacktestConfigSchema.parse(resolved))).toBe(JSON.stringify(resolved));
  });

  it('refuses unknown keys, absurd costs and a __proto__ parameter in a file, naming each path', () => {
    const r = backtestConfigSchema.safeParse({ pair: 'nasdaq', costBps: 1e6, strategies: [{ name: 'cut-trigger', param: {} }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['pair', expect.stringMatching(/rut-gspc/)],
      ['costBps', 'costBps must be at most 1000 bp (10 % of traded value); 5 means 0.05 %'],
      ['strategies.0', expect.stringMatching(/param/)],
    ]);
    const proto = backtestConfigSchema.safeParse(JSON.parse('{"strategies":[{"name":"x","params":{"__proto__":{"a":1}}}]}'));
    expect(proto.error?.issues.map((i) => i.message)).toEqual(["'__proto__' is not a parameter name"]);
  });

  it('reads a result\'s configuration with keys of a newer minor version, ignoring them', () => {
    const resolved = backtestConfigSchema.parse({ strategies: [{ name: 'cut-trigger' }] });
    const newer = { ...resolved, futureKey: 1, window: { ...resolved.window, futureKey: 2 } };
    expect(resolvedBacktestConfigSchema.parse(newer)).toEqual(resolved);
    expect(backtestConfigSchema.safeParse(newer).success).toBe(false);
  });
});
