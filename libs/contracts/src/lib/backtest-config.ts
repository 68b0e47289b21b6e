import { PAIR_IDS } from './pair-ids';
import { z } from 'zod';

/**
 * The `ratecut backtest` configuration (a JSON file, with command-line flags applied on top):
 * which pair, cash series, costs, cycle window and strategies to run. Every field has a default
 * except `strategies`. Costs are basis points of traded value; the window is in calendar months
 * around the anchor cut. The resolved configuration (defaults filled in) is written into every
 * backtest result as `config`.
 */

/** A strategy parameter value: a number, a word (`sma`, `10m`) or a switch. */
export const strategyParamValueSchema = z.union([z.number(), z.string(), z.boolean()]);

/**
 * Upper bound of each of `costBps` and `slippageBps`: 1,000 bp (10 % of the traded value).
 * Above it a figure is not a trading cost but an input error (e.g. a percent or a fraction
 * typed as basis points), and the engine's cost solution assumes costs well below the trade.
 */
export const MAX_COST_BPS = 1000;
const costBps = (what: string) =>
  z.number().min(0, `${what} must be >= 0 bp`).max(MAX_COST_BPS, `${what} must be at most ${MAX_COST_BPS} bp (10 % of traded value); 5 means 0.05 %`);


/**
 * Defaults of the easing-cycle rule (sim-core's `DEFAULT_EASING_CYCLE_RULE`: moves under 25 bp
 * ignored, a 4-month pause ends a cycle); a test keeps the two equal.
 */
export const BACKTEST_DEFAULT_CYCLE_RULE = { minMoveBp: 25, pauseMonths: 4 } as const;

/**
 * The schemas of the configuration, built twice from one definition: `strict` for files a
 * person writes (an unknown key is a typo, refused), `loose` for the resolved configuration read
 * back from a result file (keys of a newer minor version are ignored, as everywhere in results).
 */
function configSchemas(strict: boolean) {
  const object = <T extends z.ZodRawShape>(shape: T): z.ZodObject<T> => (strict ? z.object(shape).strict() : z.object(shape)) as unknown as z.ZodObject<T>;
  const schedule = z.union([
    object({ kind: z.enum(['daily', 'weekly', 'month-end', 'on-signal']) }),
    object({ kind: z.literal('bands'), band: z.number().positive().max(1) }),
  ]);
  const strategy = object({
    name: z.string().min(1),
    label: z.string().min(1).optional(),
    // JSON.parse keeps "__proto__" as an own key that z.record would drop silently: refuse it.
    params: z.preprocess((v, ctx) => {
      if (v !== null && typeof v === 'object' && Object.hasOwn(v, '__proto__')) ctx.addIssue({ code: 'custom', message: "'__proto__' is not a parameter name" });
      return v;
    }, z.record(z.string(), strategyParamValueSchema)).default({}),
    schedule: schedule.optional(),
  });
  const config = object({
    pair: z.enum(PAIR_IDS).default('rut-gspc'),
    cash: z.enum(['fedfunds', 'tbill']).default('fedfunds'),
    executionLag: z.number().int().min(0).default(1),
    costBps: costBps('costBps').default(5),
    slippageBps: costBps('slippageBps').default(5),
    allowLeverage: z.boolean().default(false),
    initialCapital: z.number().positive().default(1),
    window: object({
      beforeMonths: z.number().int().min(0).default(3),
      afterMonths: z.number().int().min(1).default(24),
      anchor: z.enum(['first-cut', 'last-cut']).default('first-cut'),
    }).default({ beforeMonths: 3, afterMonths: 24, anchor: 'first-cut' }),
    cycles: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]).default('all'),
    /** How cycles enter the aggregates: by episode (default, sim-core's `DEFAULT_CYCLE_COUNTING`) or every cycle by its first cut. */
    count: z.enum(['episodes', 'first-cuts']).default('episodes'),
    cycleRule: object({ minMoveBp: z.number().min(0), pauseMonths: z.number().int().min(1) }).default({ ...BACKTEST_DEFAULT_CYCLE_RULE }),
    recessionWindowMonths: z.number().int().min(0).default(12),
    benchmark: strategy.default({ name: 'buy-hold-large', params: {} }),
    strategies: z.array(strategy).min(1),
  });
  return { schedule, strategy, config };
}

const strictSchemas = configSchemas(true);
const looseSchemas = configSchemas(false);

/** When a strategy's target is submitted: every day, week-end, month-end, on a changed signal, or outside a band around the target weights. */
export const rebalanceScheduleSchema = strictSchemas.schedule;

/** A rebalancing schedule as read back from a result file. */
export const rebalanceScheduleJsonSchema = looseSchemas.schedule;

/** A rebalancing schedule as configured and as written in results. */
export type RebalanceScheduleJson = z.infer<typeof rebalanceScheduleSchema>;

/** One strategy to run: a built-in by name, its parameters, an optional schedule and label. */
export const strategyConfigSchema = strictSchemas.strategy;

/** A backtest configuration file (with the flags applied): see the module comment. Unknown keys are refused. */
export const backtestConfigSchema = strictSchemas.config;

/** The resolved configuration as written in a backtest result, read back (unknown keys ignored). */
export const resolvedBacktestConfigSchema = looseSchemas.config;

/** A backtest configuration as written in a file (defaults may be left out). */
export type BacktestConfigFile = z.input<typeof backtestConfigSchema>;
/** A backtest configuration with every default filled in. */
export type ResolvedBacktestConfig = z.output<typeof backtestConfigSchema>;
/** One strategy of a resolved configuration. */
export type StrategyConfig = z.output<typeof strategyConfigSchema>;
