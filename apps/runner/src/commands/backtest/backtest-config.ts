import { z } from 'zod';
import { DEFAULT_CYCLE_COUNTING, DEFAULT_EASING_CYCLE_RULE } from '@ratecut/sim-core';

const paramValue = z.union([z.number(), z.string(), z.boolean()]);

/**
 * Upper bound of each of `costBps` and `slippageBps`: 1,000 bp (10 % of the traded value).
 * Above it a figure is not a trading cost but an input error (e.g. a percent or a fraction
 * typed as basis points), and the engine's cost solution assumes costs well below the trade.
 */
export const MAX_COST_BPS = 1000;
const costBps = (what: string) =>
  z.number().min(0, `${what} must be >= 0 bp`).max(MAX_COST_BPS, `${what} must be at most ${MAX_COST_BPS} bp (10 % of traded value); 5 means 0.05 %`);

const scheduleSchema = z.union([
  z.object({ kind: z.enum(['daily', 'weekly', 'month-end', 'on-signal']) }).strict(),
  z.object({ kind: z.literal('bands'), band: z.number().positive().max(1) }).strict(),
]);

/** One strategy to run: a built-in by name, its parameters, an optional schedule and label. */
export const strategyConfigSchema = z
  .object({
    name: z.string().min(1),
    label: z.string().min(1).optional(),
    // JSON.parse keeps "__proto__" as an own key that z.record would drop silently: refuse it.
    params: z.preprocess((v, ctx) => {
      if (v !== null && typeof v === 'object' && Object.hasOwn(v, '__proto__')) ctx.addIssue({ code: 'custom', message: "'__proto__' is not a parameter name" });
      return v;
    }, z.record(z.string(), paramValue)).default({}),
    schedule: scheduleSchema.optional(),
  })
  .strict();

/**
 * A backtest configuration file (JSON). Every field has a default except `strategies`.
 * Costs are basis points of traded value; the window is in calendar months around the anchor cut.
 */
export const backtestConfigSchema = z
  .object({
    pair: z.enum(['rut-gspc', 'iwm-spy', 'ff-size']).default('rut-gspc'),
    cash: z.enum(['fedfunds', 'tbill']).default('fedfunds'),
    executionLag: z.number().int().min(0).default(1),
    costBps: costBps('costBps').default(5),
    slippageBps: costBps('slippageBps').default(5),
    allowLeverage: z.boolean().default(false),
    initialCapital: z.number().positive().default(1),
    window: z
      .object({
        beforeMonths: z.number().int().min(0).default(3),
        afterMonths: z.number().int().min(1).default(24),
        anchor: z.enum(['first-cut', 'last-cut']).default('first-cut'),
      })
      .strict()
      .default({ beforeMonths: 3, afterMonths: 24, anchor: 'first-cut' }),
    cycles: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]).default('all'),
    /** How cycles enter the aggregates: by episode (default) or every cycle by its first cut. */
    count: z.enum(['episodes', 'first-cuts']).default(DEFAULT_CYCLE_COUNTING),
    cycleRule: z
      .object({ minMoveBp: z.number().min(0), pauseMonths: z.number().int().min(1) })
      .strict()
      .default({ ...DEFAULT_EASING_CYCLE_RULE }),
    recessionWindowMonths: z.number().int().min(0).default(12),
    benchmark: strategyConfigSchema.default({ name: 'buy-hold-large', params: {} }),
    strategies: z.array(strategyConfigSchema).min(1),
  })
  .strict();

export type BacktestConfigFile = z.input<typeof backtestConfigSchema>;
export type ResolvedBacktestConfig = z.output<typeof backtestConfigSchema>;
export type StrategyConfig = z.output<typeof strategyConfigSchema>;
