import { z } from 'zod';

/**
 * zod schemas of the parts of ratecut result files that `ratecut compare` reads (other keys are
 * ignored, so newer minor versions with extra keys still load). The types derive from them.
 */

const num = z.number().nullable();

const metricsSchema = z.object({
  periods: z.number(),
  periodsPerYear: z.number(),
  totalReturn: num,
  cagr: num,
  annualizedVolatility: num,
  sharpeRatio: num,
  maxDrawdown: z.object({ depth: num }).nullable(),
  calmarRatio: num,
});

const strategySchema = z.object({
  label: z.string(),
  name: z.string(),
  full: z.object({ first: z.string(), last: z.string(), metrics: metricsSchema }),
  cycles: z.array(z.object({ cycleId: z.string(), recession: z.boolean(), complete: z.boolean(), totalReturn: num, excessTotalReturn: num })),
  aggregates: z.array(z.object({ group: z.string(), hitRate: num }).loose()),
});

const inputsSchema = z.array(z.object({ file: z.string(), sha256: z.string() }));

/** The read parts of a `ratecut.backtest/1` file. */
export const backtestFileSchema = z.object({
  schema: z.string(),
  notice: z.string().optional(),
  data: z.object({
    synthetic: z.boolean(),
    inputs: inputsSchema,
    pair: z.object({ id: z.string() }),
    first: z.string(),
    last: z.string(),
    rows: z.number(),
    periodsPerYear: z.number(),
  }),
  conventions: z.record(z.string(), z.string()),
  cycles: z.array(z.object({ id: z.string(), recession: z.boolean().optional() }).loose()),
  benchmark: strategySchema,
  strategies: z.array(strategySchema).min(1),
  equity: z.object({ dates: z.array(z.string()), series: z.record(z.string(), z.array(z.number())) }),
});
export type BacktestFile = z.infer<typeof backtestFileSchema>;
export type BacktestStrategy = z.infer<typeof strategySchema>;

const summarySchema = z.object({
  percentiles: z.record(z.string(), num),
  mean: num,
  sd: num,
});

/** The read parts of a `ratecut.simulate/1` file. */
export const simulateFileSchema = z.object({
  schema: z.string(),
  notice: z.string().optional(),
  scenario: z.object({ name: z.string() }).loose(),
  data: z.object({
    synthetic: z.boolean(),
    inputs: inputsSchema,
    pair: z.object({ id: z.string() }),
    first: z.string(),
    last: z.string(),
  }),
  seed: z.number(),
  paths: z.number(),
  method: z.object({ kind: z.string() }).loose(),
  horizon: z.object({ months: z.number(), steps: z.number(), unit: z.string() }),
  analogs: z.object({ cycleIds: z.array(z.string()) }).loose(),
  conventions: z.record(z.string(), z.string()),
  legs: z.object({ small: summarySchema, large: summarySchema, spread: summarySchema }),
  probabilities: z.object({ smallBeatsLarge: num, targets: z.array(z.object({ target: z.string(), probability: num })) }),
});
export type SimulateFile = z.infer<typeof simulateFileSchema>;
