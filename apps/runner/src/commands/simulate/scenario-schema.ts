import { z } from 'zod';

const cutPath = z.union([
  z.object({ kind: z.literal('meetings'), cutsBp: z.array(z.number().positive()).min(1), monthsBetween: z.number().positive().default(1.5) }).strict(),
  z.object({ kind: z.literal('total'), totalBp: z.number().positive(), overMonths: z.number().int().positive() }).strict(),
]);

const history = z.union([
  z.object({
    kind: z.literal('analogs'),
    recession: z.boolean().optional(),
    inRecessionAtFirstCut: z.boolean().optional(),
    minTotalEasingBp: z.number().min(0).optional(),
    maxTotalEasingBp: z.number().min(0).optional(),
    minCutsPerMonth: z.number().min(0).optional(),
    maxCutsPerMonth: z.number().min(0).optional(),
    resumption: z.boolean().optional(),
  }).strict(),
  z.object({ kind: z.literal('cycles'), ids: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ kind: z.literal('all-cycles') }).strict(),
  z.object({ kind: z.literal('full-history') }).strict(),
]);

const method = z.union([
  z.object({ kind: z.enum(['stationary', 'circular']), meanBlock: z.union([z.literal('auto'), z.number().min(1)]).default('auto') }).strict(),
  z.object({ kind: z.literal('iid') }).strict(),
  z.object({ kind: z.literal('student-t') }).strict(),
  z.object({ kind: z.literal('rate-sensitivity') }).strict(),
]);

/**
 * A Monte Carlo scenario (JSON). Built-ins ship in data/scenarios/. The horizon is in months
 * (monthly methods: student-t, rate-sensitivity) and becomes months × 21 trading days for the
 * daily bootstrap methods unless `tradingDays` is given.
 */
export const scenarioSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/, 'expected a lowercase name with dashes'),
  title: z.string().min(1),
  description: z.string().default(''),
  cutPath: cutPath,
  regime: z.enum(['recession', 'no-recession', 'any']).default('any'),
  horizon: z.object({ months: z.number().int().positive(), tradingDays: z.number().int().positive().optional() }).strict(),
  history: history,
  /** Months after each analog cycle's first cut that its window covers (the draws come from these windows). */
  windowMonths: z.number().int().positive().default(24),
  pair: z.enum(['rut-gspc', 'iwm-spy', 'ff-size']).default('rut-gspc'),
  method: method.default({ kind: 'stationary', meanBlock: 'auto' }),
  paths: z.number().int().positive().max(10_000_000).default(100_000),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(20250917),
}).strict();

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
