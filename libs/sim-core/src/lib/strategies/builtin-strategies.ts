import { DEFAULT_EASING_CYCLE_RULE } from '../fed/easing-cycle-rule';
import { monthsToRows } from '../time/months-to-rows';
import { pipeline, type Strategy, type StrategyParams } from './strategy';
import { cutWindow, holdAssets, LARGE, rateRegime, relativeMomentum, SMALL, trendFilter, type TrendIndicator } from './select-steps';
import { equalWeight, fixedWeights } from './weigh-steps';
import { formatPeriod, parsePeriod, periodRows } from './period-param';
import { whenStep, type RebalanceSchedule } from './when-steps';
import { ParameterError } from '../errors/parameter-error';
import type { MarketData } from '../market/market-data';
import { constantPlan, type TargetPlan } from '../portfolio/target-plan';
import { cutWindowTargets } from './targets/cut-window-targets';
import { relativeMomentumTargets } from './targets/momentum-targets';
import { rateRegimeTargets } from './targets/rate-regime-targets';
import type { SignalCache } from './targets/signal-cache';
import { trendTargets } from './targets/trend-targets';

/**
 * A problem with one parameter of a built-in strategy: the parameter's name and, in words a
 * person can act on, the value found and what was expected (`parameter k=0: expected a whole
 * number of months >= 1`). A value a user chose, never a programmer error.
 */
export interface StrategyParamProblem {
  readonly param: string;
  readonly message: string;
}

/** A built-in strategy: its parameters with defaults, its default schedule, a check and a builder. */
export interface BuiltinStrategy {
  readonly name: string;
  readonly description: string;
  readonly defaults: StrategyParams;
  readonly schedule: RebalanceSchedule;
  /**
   * Every problem of `params` (the full set, defaults included) on data with `periodsPerYear`
   * rows a year, in the order the builder reads them; empty when {@link build} accepts them.
   */
  check(params: StrategyParams, periodsPerYear: number): readonly StrategyParamProblem[];
  /**
   * Builds the strategy; `periodsPerYear` converts months to rows. Parameters must pass
   * {@link check} first: a problem left is a programmer error (ParameterError, a RangeError,
   * with the first problem's message).
   */
  build(params: StrategyParams, schedule: RebalanceSchedule, periodsPerYear: number): Strategy;
  /**
   * The strategy vectorised: its targets at every row of `data` (periods per year from the
   * data), for the portfolio kernel (`PortfolioKernel`), which runs them as the engine runs
   * {@link build}'s strategy with the same schedule. Intermediate series shared by several
   * parameter values (trailing returns, indicators, the cycle state) are kept in `cache` when
   * given. With `reuse` (a plan from an earlier call that the caller no longer needs), its
   * arrays are overwritten and returned instead of new ones (`planCodes`): a sweep allocates
   * no plan per combination. Parameters must pass {@link check} first (else a ParameterError,
   * as `build`).
   */
  targets(params: StrategyParams, data: MarketData, cache?: SignalCache, reuse?: TargetPlan): TargetPlan;
}

/**
 * Reads a built-in's parameters, collecting every problem instead of stopping at the first; a
 * value with a problem reads as NaN (so later checks on it, which compare, stay silent).
 */
class ParamReader {
  readonly problems: StrategyParamProblem[] = [];
  constructor(readonly params: StrategyParams, readonly periodsPerYear: number) {}

  /** The parameter's own value (never `constructor` & co. from the prototype). */
  value(key: string): number | string | boolean | undefined {
    return Object.hasOwn(this.params, key) ? this.params[key] : undefined;
  }

  fail(param: string, message: string): void {
    this.problems.push({ param, message });
  }

  num(key: string, check: (n: number) => boolean, expected: string): number {
    const v = this.value(key);
    if (typeof v === 'number' && check(v)) return v;
    this.fail(key, `parameter ${key}=${String(v)}: expected ${expected}`);
    return NaN;
  }

  /** A period parameter (`200d`, `10m`, `2y`; plain numbers are trading days) in rows of the data; see `parsePeriod`. */
  period(key: string): { rows: number; text: string } {
    const v = this.value(key);
    const p = parsePeriod(v);
    if (p !== null) return { rows: periodRows(p, this.periodsPerYear), text: formatPeriod(p) };
    this.fail(key, `parameter ${key}=${String(v)}: expected a period such as 200d (trading days), 10m (months) or 2y; a plain number means trading days`);
    return { rows: NaN, text: String(v) };
  }

  choice<T extends string>(key: string, options: readonly T[], expected: string): T {
    const v = this.value(key);
    if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
    this.fail(key, `parameter ${key}=${String(v)}: expected ${expected}`);
    return options[0];
  }
}

/** Whether two parameter sets hold the same own keys with the same values. */
function sameParams(a: StrategyParams, b: StrategyParams): boolean {
  let count = 0;
  for (const key in b) {
    if (!Object.hasOwn(b, key)) continue;
    if (!Object.hasOwn(a, key) || !Object.is(a[key], b[key])) return false;
    count += 1;
  }
  return count === Object.keys(a).length;
}

/** A built-in from its parameter reader and its maker: `check` and `build` share the reader, so they never disagree. */
function builtin<V>(spec: {
  readonly name: string;
  readonly description: string;
  readonly defaults: StrategyParams;
  readonly schedule: RebalanceSchedule;
  readonly read: (r: ParamReader) => V;
  readonly make: (values: V, params: StrategyParams, schedule: RebalanceSchedule, periodsPerYear: number) => Strategy;
  /** The targets of `make`'s strategy at every row of `data`, deciding from row `warmup` (its warm-up). */
  readonly targets: (values: V, data: MarketData, warmup: number, cache?: SignalCache, reuse?: TargetPlan) => TargetPlan;
}): BuiltinStrategy {
  let memo: { readonly params: StrategyParams; readonly periodsPerYear: number; readonly values: V; readonly warmup: number } | null = null;
  const read = (params: StrategyParams, periodsPerYear: number): V => {
    const r = new ParamReader(params, periodsPerYear);
    const values = spec.read(r);
    if (r.problems.length > 0) throw new ParameterError(r.problems[0].message);
    return values;
  };
  return {
    name: spec.name,
    description: spec.description,
    defaults: spec.defaults,
    schedule: spec.schedule,
    check(params, periodsPerYear) {
      const r = new ParamReader(params, periodsPerYear);
      spec.read(r);
      return r.problems;
    },
    build(params, schedule, periodsPerYear) {
      return spec.make(read(params, periodsPerYear), params, schedule, periodsPerYear);
    },
    targets(params, data, cache, reuse) {
      const ppy = data.periodsPerYear;
      // The values and the warm-up of the strategy `build` makes (so the kernel decides from the
      // same row), kept for the last parameters and periods a year (compared by value): a caller
      // that runs one built-in on market after market (simulated paths) builds it once.
      let known = memo;
      if (known === null || known.periodsPerYear !== ppy || !sameParams(known.params, params)) {
        const values = read(params, ppy);
        known = { params: { ...params }, periodsPerYear: ppy, values, warmup: spec.make(values, params, spec.schedule, ppy).warmup };
        memo = known;
      }
      return spec.targets(known.values, data, known.warmup, cache, reuse);
    },
  };
}

const buyAndHold = (leg: number, name: string, title: string): BuiltinStrategy => builtin({
  name,
  description: `buy and hold ${title}: 100% in the leg from the first decision, never rebalanced`,
  defaults: {},
  schedule: { kind: 'on-signal' },
  read: () => null,
  make: (_, params, schedule) =>
    pipeline({ name, description: `buy and hold ${title}`, params, select: holdAssets([leg]), weigh: equalWeight(2), when: whenStep(schedule) }),
  targets: (_, data, warmup, _cache, reuse) => constantPlan(leg === SMALL ? [1, 0] : [0, 1], data.days.length, warmup, reuse),
});

/** Every strategy `ratecut backtest --strategy` knows, by name. */
export const BUILTIN_STRATEGIES: readonly BuiltinStrategy[] = [
  buyAndHold(SMALL, 'buy-hold-small', 'small caps'),
  buyAndHold(LARGE, 'buy-hold-large', 'large caps'),
  builtin({
    name: 'static-mix',
    description: 'fixed mix of small and large (default 50/50), rebalanced at month-end',
    defaults: { small: 0.5 },
    schedule: { kind: 'month-end' },
    read: (r) => r.num('small', (n) => n >= 0 && n <= 1, 'a weight between 0 and 1'),
    make: (w, params, schedule) => pipeline({
      name: 'static-mix', description: `static mix ${w * 100}% small / ${(1 - w) * 100}% large`, params,
      select: holdAssets([SMALL, LARGE]), weigh: fixedWeights([w, 1 - w]), when: whenStep(schedule),
    }),
    targets: (w, data, warmup, _cache, reuse) => constantPlan([w, 1 - w], data.days.length, warmup, reuse),
  }),
  builtin({
    name: 'cut-trigger',
    description: 'small caps for H months from the first cut of each easing cycle, large caps otherwise',
    defaults: { holdMonths: 12, minMoveBp: DEFAULT_EASING_CYCLE_RULE.minMoveBp, pauseMonths: DEFAULT_EASING_CYCLE_RULE.pauseMonths },
    schedule: { kind: 'on-signal' },
    read: (r) => ({
      h: r.num('holdMonths', (n) => Number.isInteger(n) && n >= 1, 'a whole number of months >= 1'),
      mm: r.num('minMoveBp', (n) => n >= 0, 'basis points >= 0'),
      pm: r.num('pauseMonths', (n) => Number.isInteger(n) && n >= 1, 'a whole number of months >= 1'),
    }),
    make: ({ h, mm, pm }, params, schedule) => pipeline({
      name: 'cut-trigger', description: `small caps for ${h} months after each first cut`, params,
      select: cutWindow(h, mm, pm), weigh: equalWeight(2), when: whenStep(schedule),
    }),
    targets: ({ h, mm, pm }, data, warmup, cache, reuse) => cutWindowTargets(data, h, mm, pm, warmup, cache, reuse),
  }),
  builtin({
    name: 'relative-momentum',
    description: 'hold the leg with the higher trailing k-month return; switch only past a threshold',
    defaults: { k: 6, threshold: 0.01 },
    schedule: { kind: 'on-signal' },
    read: (r) => ({
      k: r.num('k', (n) => Number.isInteger(n) && n >= 1, 'a whole number of months >= 1'),
      th: r.num('threshold', (n) => n >= 0, 'a decimal return >= 0'),
    }),
    make: ({ k, th }, params, schedule, periodsPerYear) => pipeline({
      name: 'relative-momentum', description: `relative momentum, ${k}-month lookback, switch threshold ${th}`, params,
      select: relativeMomentum(monthsToRows(k, periodsPerYear), th), weigh: equalWeight(2), when: whenStep(schedule),
    }),
    targets: ({ k, th }, data, warmup, cache, reuse) => relativeMomentumTargets(data, monthsToRows(k, data.periodsPerYear), th, warmup, cache, reuse),
  }),
  builtin({
    name: 'trend-filter',
    description: 'trend of the small/large ratio: SMA or EMA crossover, RSI above 50, or MACD histogram above 0; periods in trading days (50d), months (10m) or years, converted to rows of the pair',
    defaults: { indicator: 'sma', fast: 50, slow: 200, signal: 9 },
    schedule: { kind: 'on-signal' },
    read: (r) => {
      const ind = r.choice<TrendIndicator>('indicator', ['sma', 'ema', 'rsi', 'macd'], 'sma, ema, rsi or macd');
      // Periods have a time meaning: converted to rows of this pair (plain numbers = trading days).
      const fast = r.period('fast'), slow = r.period('slow'), signal = r.period('signal');
      const rows = (p: { rows: number; text: string }) => `${p.text} = ${p.rows} row${p.rows === 1 ? '' : 's'} at ${r.periodsPerYear} a year`;
      if (fast.rows < 2) r.fail('fast', `parameter fast=${fast.text}: ${rows(fast)}; expected at least 2 rows`);
      if (slow.rows <= fast.rows) r.fail('slow', `parameter slow=${slow.text}: ${rows(slow)}; expected more rows than fast (${rows(fast)})`);
      return { ind, fast, slow, signal };
    },
    make: ({ ind, fast, slow, signal }, params, schedule) => pipeline({
      name: 'trend-filter', description: `trend filter (${ind} ${fast.text}/${slow.text}, ${fast.rows}/${slow.rows} rows) on the small/large ratio`, params,
      select: trendFilter(ind, fast.rows, slow.rows, signal.rows), weigh: equalWeight(2), when: whenStep(schedule),
    }),
    targets: ({ ind, fast, slow, signal }, data, warmup, cache, reuse) => trendTargets(data, ind, fast.rows, slow.rows, signal.rows, warmup, cache, reuse),
  }),
  builtin({
    name: 'rate-regime',
    description: 'small caps while the policy rate fell by at least X bp over N months, else large caps (or cash)',
    defaults: { dropBp: 50, months: 6, otherwise: 'large' },
    schedule: { kind: 'on-signal' },
    read: (r) => ({
      bp: r.num('dropBp', (n) => n > 0, 'basis points > 0'),
      months: r.num('months', (n) => Number.isInteger(n) && n >= 1, 'a whole number of months >= 1'),
      otherwise: r.choice('otherwise', ['large', 'cash'] as const, 'large or cash'),
    }),
    make: ({ bp, months, otherwise }, params, schedule, periodsPerYear) => pipeline({
      name: 'rate-regime', description: `small caps while the policy rate fell ${bp} bp over ${months} months, else ${otherwise}`, params,
      select: rateRegime(bp, months, otherwise, periodsPerYear), weigh: equalWeight(2), when: whenStep(schedule),
    }),
    targets: ({ bp, months, otherwise }, data, warmup, cache, reuse) => rateRegimeTargets(data, bp, months, otherwise, warmup, cache, reuse),
  }),
];

/** Looks up a built-in by name. */
export function findBuiltinStrategy(name: string): BuiltinStrategy | undefined {
  return BUILTIN_STRATEGIES.find((s) => s.name === name);
}
