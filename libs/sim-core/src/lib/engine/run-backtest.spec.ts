import fc from 'fast-check';
import { lastValueFrom, toArray, take } from 'rxjs';
import { parseIsoDay } from '../time/day-number';
import { BUILTIN_STRATEGIES, findBuiltinStrategy } from '../strategies/builtin-strategies';
import type { BacktestConfig, BacktestEvent } from './backtest-types';
import { backtest$ } from './backtest-observable';
import type { MarketData } from '../market/market-data';
import { runBacktest } from './run-backtest';

/** Consecutive calendar days from 2024-01-01 (weekends included; the engine does not care). */
function market(small: number[], large: number[], rate = 0, policy?: number[]): MarketData {
  const start = parseIsoDay('2024-01-01');
  return {
    days: Int32Array.from(small.map((_, i) => start + i)),
    assets: ['small', 'large'],
    closes: [Float64Array.from(small), Float64Array.from(large)],
    cashRate: new Float64Array(small.length).fill(rate),
    policyRate: Float64Array.from(policy ?? small.map(() => 0.05)),
    periodsPerYear: 252,
  };
}

const config = (rows: number, extra: Partial<BacktestConfig> = {}): BacktestConfig => ({
  startRow: 0, endRow: rows - 1, executionLag: 1,
  costs: { costBps: 0, slippageBps: 0 }, limits: { allowLeverage: false, allowShort: false }, initialCapital: 100,
  ...extra,
});

const holdSmall = findBuiltinStrategy('buy-hold-small')!.build({}, { kind: 'on-signal' }, 252);

describe('runBacktest accounting', () => {
  it('decides at the close of t and trades at the close of t+1', () => {
    const run = runBacktest(market([10, 11, 12, 6], [1, 1, 1, 1]), holdSmall, config(4));
    // Row 0: decide; row 1: buy at 11 (all 100 invested); row 2: 100*12/11; row 3: 100*6/11.
    [100, 100, (100 * 12) / 11, (100 * 6) / 11].forEach((v, i) => expect(run.equity[i]).toBeCloseTo(v, 12));
    expect(run.trades).toHaveLength(1);
    expect(run.trades[0]).toMatchObject({ asset: 'small', value: 100, day: parseIsoDay('2024-01-02'), decidedDay: parseIsoDay('2024-01-01') });
  });

  it('trades at the same close with executionLag 0', () => {
    const run = runBacktest(market([10, 11, 12], [1, 1, 1]), holdSmall, config(3, { executionLag: 0 }));
    expect(run.equity[1]).toBeCloseTo(110, 12);
    expect(run.equity[2]).toBeCloseTo(120, 12);
  });

  it('charges the costs of a trade at the first close (executionLag 0) to the first period', () => {
    const run = runBacktest(market([10, 11, 12], [1, 1, 1]), holdSmall, config(3, { executionLag: 0, costs: { costBps: 7, slippageBps: 3 } }));
    expect(run.trades).toHaveLength(1);
    expect(run.trades[0].row).toBe(0);
    expect(run.equity[0]).toBe(100); // the capital before the trade
    const afterCost = 100 / 1.001;
    expect(run.trades[0].cost).toBeCloseTo(100 - afterCost, 12);
    expect(run.equity[1]).toBeCloseTo((afterCost * 11) / 10, 12);
    expect(run.returns[0]).toBeCloseTo((afterCost * 11) / 10 / 100 - 1, 12); // cost included
    expect(run.weights[0][0]).toBeCloseTo(1, 12); // weights are after the trade
  });

  it('charges costs and slippage in bp of traded value, from the portfolio', () => {
    const run = runBacktest(market([10, 10, 10], [1, 1, 1]), holdSmall, config(3, { costs: { costBps: 7, slippageBps: 3 } }));
    // Buying with everything: post = 100 - 0.001 * post  =>  post = 100 / 1.001.
    expect(run.equity[1]).toBeCloseTo(100 / 1.001, 12);
    expect(run.costs[1]).toBeCloseTo(100 - 100 / 1.001, 12);
    expect(run.trades[0].cost).toBeCloseTo(100 - 100 / 1.001, 12);
  });

  it('pays the cash rate on idle cash, ACT/360 over calendar days', () => {
    const cashOnly = findBuiltinStrategy('rate-regime')!.build({ dropBp: 50, months: 1, otherwise: 'cash' }, { kind: 'on-signal' }, 252);
    const data = market(Array(40).fill(10), Array(40).fill(10), 0.036);
    const run = runBacktest(data, cashOnly, config(40));
    expect(run.equity[39]).toBeCloseTo(100 * (1 + 0.036 / 360) ** 39, 10);
    expect(run.cashReturns[0]).toBeCloseTo(0.036 / 360, 15);
  });

  it('rebalances a static mix at month-ends only, and pays for the drift trade', () => {
    const n = 45; // 2024-01-01 .. 2024-02-14
    const small = Array.from({ length: n }, (_, i) => 10 * (1 + 0.01 * i));
    const mix = findBuiltinStrategy('static-mix')!.build({ small: 0.5 }, { kind: 'month-end' }, 252);
    const run = runBacktest(market(small, Array(n).fill(10)), mix, config(n, { costs: { costBps: 10, slippageBps: 0 } }));
    const tradeDays = [...new Set(run.trades.map((t) => t.day))];
    // First target on 01-01 traded 01-02; month-end decision 01-31 traded 02-01.
    expect(tradeDays).toEqual([parseIsoDay('2024-01-02'), parseIsoDay('2024-02-01')]);
    expect(run.weights[0][31]).toBeCloseTo(0.5, 12);
    expect(run.weights[0][30]).toBeGreaterThan(0.55);
  });

  it('trades every decision, executionLag rows after it, oldest first (a daily schedule with a lag of 2 trades every row)', () => {
    const data = market([10, 11, 12, 11, 13, 14], [20, 20, 21, 22, 21, 23]);
    const daily = findBuiltinStrategy('static-mix')!.build({ small: 0.5 }, { kind: 'daily' }, 252);
    const lag2 = runBacktest(data, daily, config(6, { executionLag: 2 }));
    // Decisions at rows 0..5; those of rows 0..3 are due at rows 2..5, each rebalancing back to 50/50.
    expect(lag2.decisions).toBe(6);
    expect([...new Set(lag2.trades.map((t) => t.row))]).toEqual([2, 3, 4, 5]);
    expect(lag2.trades.every((t) => t.day - t.decidedDay === data.days[2] - data.days[0])).toBe(true);
    for (const row of [2, 3, 4, 5]) expect(lag2.weights[0][row]).toBeCloseTo(0.5, 12);
  });

  it('throws RangeError for costs that are not a cost (negative, NaN, 100 % of the trade or more)', () => {
    const data = market([10, 10, 10], [1, 1, 1]);
    for (const costs of [{ costBps: -1, slippageBps: 0 }, { costBps: NaN, slippageBps: 0 }, { costBps: 5000, slippageBps: 5000 }, { costBps: 1e6, slippageBps: 5 }]) {
      expect(() => runBacktest(data, holdSmall, config(3, { costs }))).toThrow(RangeError);
    }
    expect(() => runBacktest(data, holdSmall, config(3, { costs: { costBps: 1000, slippageBps: 1000 } }))).not.toThrow();
  });

  it('rejects leverage unless allowed, as a value', () => {
    const lev = { name: 'lev', description: 'x', params: {}, warmup: 0, init: () => undefined, decide: () => Float64Array.from([1, 1]) };
    const run = runBacktest(market([10, 10, 10], [1, 1, 1]), lev, config(3));
    expect(run.rejected[0].reason).toMatch(/sum to 2/);
    expect(run.equity[2]).toBe(100);
    const ok = runBacktest(market([10, 10, 10], [1, 1, 1]), lev, config(3, { limits: { allowLeverage: true, allowShort: false } }));
    expect(ok.weights[0][2]).toBeCloseTo(1, 12);
  });
});

describe('no look-ahead', () => {
  /** Short-window parameters so that every strategy decides within a 60-row sample. */
  const shortParams: Record<string, Record<string, number | string>> = {
    'relative-momentum': { k: 2, threshold: 0.01 },
    'trend-filter': { indicator: 'ema', fast: '3m', slow: '8m', signal: '2m' }, // monthly sample: 3, 8 and 2 rows
    'rate-regime': { dropBp: 50, months: 3, otherwise: 'cash' },
    'cut-trigger': { holdMonths: 6, minMoveBp: 25, pauseMonths: 4 },
  };
  const decisionsUpTo = (data: MarketData, name: string, t: number): string[] => {
    const def = findBuiltinStrategy(name)!;
    const strategy = def.build(shortParams[name] ?? def.defaults, def.schedule, 12);
    const seen: string[] = [];
    runBacktest(data, strategy, config(data.days.length), (e) => {
      if (e.type === 'decision' && e.row <= t) seen.push(`${e.row}:${e.target.join(',')}`);
    });
    return seen;
  };

  it('changing any data after t never changes decisions up to t', () => {
    const n = 60;
    const prices = fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: n, maxLength: n });
    const rates = fc.array(fc.constantFrom(0.01, 0.02, 0.03, 0.05), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(prices, prices, rates, prices, prices, rates, fc.integer({ min: 0, max: n - 2 }), (s, l, p, s2, l2, p2, t) => {
        const data = { ...market(s, l, 0.02, p), periodsPerYear: 12 };
        const mix = (a: number[], b: number[]) => a.map((x, i) => (i <= t ? x : b[i]));
        const changed = { ...market(mix(s, s2), mix(l, l2), 0.02, mix(p, p2)), periodsPerYear: 12 };
        for (const def of BUILTIN_STRATEGIES) {
          expect(decisionsUpTo(changed, def.name, t)).toEqual(decisionsUpTo(data, def.name, t));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('makes decisions in the property sample (so the property is not vacuous)', () => {
    const n = 60;
    const wave = Array.from({ length: n }, (_, i) => 1 + 0.3 * Math.sin(i / 4));
    const policy = Array.from({ length: n }, (_, i) => (i < 20 ? 0.05 : i < 40 ? 0.04 : 0.045));
    const data = { ...market(wave, wave.map((x) => 2 - x), 0.02, policy), periodsPerYear: 12 };
    for (const def of BUILTIN_STRATEGIES) expect(decisionsUpTo(data, def.name, n - 1).length).toBeGreaterThan(0);
  });

  it('the view refuses to look ahead', () => {
    const seen: unknown[] = [];
    const peek = { name: 'peek', description: 'x', params: {}, warmup: 0, init: () => undefined,
      decide: (ctx: { view: { close(a: number, lag: number): number } }) => { seen.push(() => ctx.view.close(0, -1)); return null; } };
    runBacktest(market([1, 2], [1, 2]), peek, config(2));
    expect(() => (seen[0] as () => number)()).toThrow(/no look-ahead/);
  });
});

describe('backtest$', () => {
  it('streams bar, decision, trade and progress events, and stops when unsubscribed', async () => {
    const data = market([10, 11, 12, 13], [1, 1, 1, 1]);
    const events = await lastValueFrom(backtest$(data, holdSmall, config(4)).pipe(toArray()));
    const types = events.map((e: BacktestEvent) => e.type);
    expect(types.filter((t) => t === 'bar')).toHaveLength(4);
    expect(types).toContain('decision');
    expect(types).toContain('trade');
    expect(types[types.length - 1]).toBe('progress');
    const firstTwo = await lastValueFrom(backtest$(data, holdSmall, config(4)).pipe(take(2), toArray()));
    expect(firstTwo).toHaveLength(2);
  });
});
