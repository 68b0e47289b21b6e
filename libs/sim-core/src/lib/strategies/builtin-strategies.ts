import { DEFAULT_EASING_CYCLE_RULE } from '../fed/easing-cycle-rule';
import { monthsToRows } from '../time/months-to-rows';
import { pipeline, type Strategy, type StrategyParams } from './strategy';
import { cutWindow, holdAssets, LARGE, rateRegime, relativeMomentum, SMALL, trendFilter, type TrendIndicator } from './select-steps';
import { equalWeight, fixedWeights } from './weigh-steps';
import { formatPeriod, parsePeriod, periodRows } from './period-param';
import { whenStep, type RebalanceSchedule } from './when-steps';
import { ParameterError } from '../errors/parameter-error';

/** A built-in strategy: its parameters with defaults, its default schedule, and a builder. */
export interface BuiltinStrategy {
  readonly name: string;
  readonly description: string;
  readonly defaults: StrategyParams;
  readonly schedule: RebalanceSchedule;
  /** Builds the strategy; `periodsPerYear` converts months to rows. Throws RangeError on a bad parameter. */
  build(params: StrategyParams, schedule: RebalanceSchedule, periodsPerYear: number): Strategy;
}

const num = (params: StrategyParams, key: string, check: (n: number) => boolean, expected: string): number => {
  const v = Object.hasOwn(params, key) ? params[key] : undefined; // own keys only, never `constructor` & co.
  if (typeof v !== 'number' || !check(v)) throw new ParameterError(`parameter ${key}=${String(v)}: expected ${expected}`);
  return v;
};

/** A period parameter (`200d`, `10m`, `2y`; plain numbers are trading days) in rows of the data; see `parsePeriod`. */
const periodParam = (params: StrategyParams, key: string, periodsPerYear: number): { rows: number; text: string } => {
  const v = Object.hasOwn(params, key) ? params[key] : undefined;
  const p = parsePeriod(v);
  if (p === null) throw new ParameterError(`parameter ${key}=${String(v)}: expected a period such as 200d (trading days), 10m (months) or 2y; a plain number means trading days`);
  return { rows: periodRows(p, periodsPerYear), text: formatPeriod(p) };
};

const buyAndHold = (leg: number, name: string, title: string): BuiltinStrategy => ({
  name,
  description: `buy and hold ${title}: 100% in the leg from the first decision, never rebalanced`,
  defaults: {},
  schedule: { kind: 'on-signal' },
  build: (params, schedule) =>
    pipeline({ name, description: `buy and hold ${title}`, params, select: holdAssets([leg]), weigh: equalWeight(2), when: whenStep(schedule) }),
});

/** Every strategy `ratecut backtest --strategy` knows, by name. */
export const BUILTIN_STRATEGIES: readonly BuiltinStrategy[] = [
  buyAndHold(SMALL, 'buy-hold-small', 'small caps'),
  buyAndHold(LARGE, 'buy-hold-large', 'large caps'),
  {
    name: 'static-mix',
    description: 'fixed mix of small and large (default 50/50), rebalanced at month-end',
    defaults: { small: 0.5 },
    schedule: { kind: 'month-end' },
    build(params, schedule) {
      const w = num(params, 'small', (n) => n >= 0 && n <= 1, 'a weight between 0 and 1');
      return pipeline({
        name: 'static-mix', description: `static mix ${w * 100}% small / ${(1 - w) * 100}% large`, params,
        select: holdAssets([SMALL, LARGE]), weigh: fixedWeights([w, 1 - w]), when: whenStep(schedule),
      });
    },
  },
  {
    name: 'cut-trigger',
    description: 'small caps for H months from the first cut of each easing cycle, large caps otherwise',
    defaults: { holdMonths: 12, minMoveBp: DEFAULT_EASING_CYCLE_RULE.minMoveBp, pauseMonths: DEFAULT_EASING_CYCLE_RULE.pauseMonths },
    schedule: { kind: 'on-signal' },
    build(params, schedule) {
      const h = num(params, 'holdMonths', (n) => Number.isInteger(n) && n >= 1, 'a whole number of months >= 1');
      const mm = num(params, 'minMoveBp', (n) => n >= 0, 'basis points >= 0');
      const pm = num(params, 'pauseMonths', (n) => Number.isInteger(n) && n >= 1, 'a whole number of months >= 1');
      return pipeline({
        name: 'cut-trigger', description: `small caps for ${h} months after each first cut`, params,
        select: cutWindow(h, mm, pm), weigh: equalWeight(2), when: whenStep(schedule),
      });
    },
  },
  {
    name: 'relative-momentum',
    description: 'hold the leg with the higher trailing k-month return; switch only past a threshold',
    defaults: { k: 6, threshold: 0.01 },
    schedule: { kind: 'on-signal' },
    build(params, schedule, periodsPerYear) {
      const k = num(params, 'k', (n) => Number.isInteger(n) && n >= 1, 'a whole number of months >= 1');
      const th = num(params, 'threshold', (n) => n >= 0, 'a decimal return >= 0');
      return pipeline({
        name: 'relative-momentum', description: `relative momentum, ${k}-month lookback, switch threshold ${th}`, params,
        select: relativeMomentum(monthsToRows(k, periodsPerYear), th), weigh: equalWeight(2), when: whenStep(schedule),
      });
    },
  },
  {
    name: 'trend-filter',
    description: 'trend of the small/large ratio: SMA or EMA crossover, RSI above 50, or MACD histogram above 0; periods in trading days (50d), months (10m) or years, converted to rows of the pair',
    defaults: { indicator: 'sma', fast: 50, slow: 200, signal: 9 },
    schedule: { kind: 'on-signal' },
    build(params, schedule, periodsPerYear) {
      const ind = params['indicator'];
      if (ind !== 'sma' && ind !== 'ema' && ind !== 'rsi' && ind !== 'macd') throw new ParameterError(`parameter indicator=${String(ind)}: expected sma, ema, rsi or macd`);
      // Periods have a time meaning: converted to rows of this pair (plain numbers = trading days).
      const fast = periodParam(params, 'fast', periodsPerYear), slow = periodParam(params, 'slow', periodsPerYear);
      const signal = periodParam(params, 'signal', periodsPerYear);
      const rows = (p: { rows: number; text: string }) => `${p.text} = ${p.rows} row${p.rows === 1 ? '' : 's'} at ${periodsPerYear} a year`;
      if (fast.rows < 2) throw new ParameterError(`parameter fast=${fast.text}: ${rows(fast)}; expected at least 2 rows`);
      if (slow.rows <= fast.rows) throw new ParameterError(`parameter slow=${slow.text}: ${rows(slow)}; expected more rows than fast (${rows(fast)})`);
      return pipeline({
        name: 'trend-filter', description: `trend filter (${ind} ${fast.text}/${slow.text}, ${fast.rows}/${slow.rows} rows) on the small/large ratio`, params,
        select: trendFilter(ind as TrendIndicator, fast.rows, slow.rows, signal.rows), weigh: equalWeight(2), when: whenStep(schedule),
      });
    },
  },
  {
    name: 'rate-regime',
    description: 'small caps while the policy rate fell by at least X bp over N months, else large caps (or cash)',
    defaults: { dropBp: 50, months: 6, otherwise: 'large' },
    schedule: { kind: 'on-signal' },
    build(params, schedule, periodsPerYear) {
      const bp = num(params, 'dropBp', (n) => n > 0, 'basis points > 0');
      const months = num(params, 'months', (n) => Number.isInteger(n) && n >= 1, 'a whole number of months >= 1');
      const otherwise = params['otherwise'];
      if (otherwise !== 'large' && otherwise !== 'cash') throw new ParameterError(`parameter otherwise=${String(otherwise)}: expected large or cash`);
      return pipeline({
        name: 'rate-regime', description: `small caps while the policy rate fell ${bp} bp over ${months} months, else ${otherwise}`, params,
        select: rateRegime(bp, months, otherwise, periodsPerYear), weigh: equalWeight(2), when: whenStep(schedule),
      });
    },
  },
];

/** Looks up a built-in by name. */
export function findBuiltinStrategy(name: string): BuiltinStrategy | undefined {
  return BUILTIN_STRATEGIES.find((s) => s.name === name);
}
