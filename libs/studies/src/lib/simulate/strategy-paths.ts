import {
  addMonths, DrawdownTracker, findBuiltinStrategy, monthsToRows, runBacktest, type MarketData, type Strategy,
} from '@ratecut/sim-core';

/** Strategies evaluated on simulated paths: those that need no price history before the path. */
export const PATH_STRATEGIES = ['buy-hold-small', 'buy-hold-large', 'static-mix', 'cut-trigger', 'rate-regime'] as const;

/** Why the other built-ins are not evaluated on simulated paths (stated in the result file). */
export const PATH_STRATEGIES_NOTE =
  'relative-momentum and trend-filter are not evaluated on simulated paths: they need the price history before the path, which a scenario does not have';

/**
 * Rows of flat history placed before each path so rate-based strategies see the cuts as they
 * happen: 130 trading days before a daily path, 7 month-ends before a monthly one.
 */
export const LEAD_ROWS = { daily: 130, monthly: 7 } as const;

/**
 * Builds the MarketData for one simulated path: a flat lead-in (prices constant, policy rate
 * at `startRate`) then the path's returns, with the policy rate following the scenario's cut
 * path month by month and cash earning the policy rate. Days are synthetic calendar days from
 * `startDay` (daily: weekdays; monthly: month-ends).
 */
export function pathMarket(
  small: Float64Array, large: Float64Array, periodsPerYear: number, startRate: number, monthlyChanges: Float64Array, startDay: number,
): MarketData {
  const lead = periodsPerYear === 12 ? LEAD_ROWS.monthly : LEAD_ROWS.daily;
  const n = lead + small.length + 1;
  const days = new Int32Array(n);
  let d = startDay;
  for (let i = 0; i < n; i += 1) {
    if (periodsPerYear === 12) { d = addMonths(startDay, i); } else { do { d += 1; } while (((d + 4) % 7 + 7) % 7 === 0 || ((d + 4) % 7 + 7) % 7 === 6); }
    days[i] = d;
  }
  const cs = new Float64Array(n), cl = new Float64Array(n), rate = new Float64Array(n);
  cs.fill(1, 0, lead + 1); cl.fill(1, 0, lead + 1);
  for (let i = 0; i < small.length; i += 1) {
    cs[lead + 1 + i] = cs[lead + i] * (1 + small[i]);
    cl[lead + 1 + i] = cl[lead + i] * (1 + large[i]);
  }
  const rowsPerMonth = monthsToRows(1, periodsPerYear);
  let r = startRate;
  for (let i = 0; i < n; i += 1) {
    if (i > lead) {
      const step = i - lead - 1; // 0-based step into the path
      if (step % rowsPerMonth === 0) {
        const m = Math.floor(step / rowsPerMonth);
        if (m < monthlyChanges.length) r = Math.max(0, r + monthlyChanges[m] / 100);
      }
    }
    rate[i] = r;
  }
  return { days, assets: ['small', 'large'], closes: [cs, cl], cashRate: rate, policyRate: rate, periodsPerYear };
}

/** Builds the path strategies with their defaults. */
export function pathStrategies(periodsPerYear: number): Strategy[] {
  return PATH_STRATEGIES.map((name) => {
    const def = findBuiltinStrategy(name);
    if (!def) throw new Error(`missing built-in ${name}`);
    return def.build(def.defaults, def.schedule, periodsPerYear);
  });
}

/**
 * Horizon return (from the last lead-in close) and maximum drawdown of each strategy on one
 * path, with execution lag 1 and 5 + 5 bp costs: one `[return, drawdown]` pair per strategy.
 */
export function runStrategiesOnPath(market: MarketData, strategies: readonly Strategy[]): [number, number][] {
  const lead = market.periodsPerYear === 12 ? LEAD_ROWS.monthly : LEAD_ROWS.daily;
  return strategies.map((strategy) => {
    const run = runBacktest(market, strategy, {
      startRow: 0, endRow: market.days.length - 1, executionLag: 1,
      costs: { costBps: 5, slippageBps: 5 }, limits: { allowLeverage: false, allowShort: false }, initialCapital: 1,
    });
    const e = run.equity;
    const drawdown = new DrawdownTracker(e[lead]);
    for (let i = lead; i < e.length; i += 1) drawdown.push(e[i]);
    return [e[e.length - 1] / e[lead] - 1, drawdown.depth];
  });
}
