import { PAIR_IDS } from './pair-ids';
import { z } from 'zod';

/**
 * Plausible ranges of a scenario's numbers. Anything outside is a mistake (a unit slip, a typo,
 * a hostile file), refused with a message that names the range, never simulated for hours.
 */
export const SCENARIO_LIMITS = {
  /** Longest horizon: 10 years (the analog windows are 2 years; beyond 10 years the draws say nothing). */
  maxHorizonMonths: 120,
  /** Trading days per month accepted for an explicit `tradingDays` (calendar months hold 19 to 23). */
  minTradingDaysPerMonth: 18,
  maxTradingDaysPerMonth: 23,
  /** Largest single cut: 500 bp (the largest FOMC target cut since 1982 is 100 bp). */
  maxCutBp: 500,
  /** Largest total easing: 2,000 bp (the policy rate has not been above 20% since 1981). */
  maxTotalEasingBp: 2000,
  /** At most 48 meetings in a cut path (six years of eight meetings). */
  maxCuts: 48,
  /** Meeting spacing and easing spread: at most 24 months. */
  maxMonthsBetween: 24,
  /** Analog windows: at most 120 months after each first cut. */
  maxWindowMonths: 120,
  /** Pace of an analog cycle: at most 31 cuts per month (one a day). */
  maxCutsPerMonth: 31,
  /** Mean block length: at most 2,520 rows (10 years of trading days; longer blocks are one block). */
  maxMeanBlock: 2520,
  /** Paths: at most 10,000,000 (80 MB per outcome array; the run's time is budgeted by the simulate study). */
  maxPaths: 10_000_000,
} as const;

const L = SCENARIO_LIMITS;
const bp = (what: string, max: number) => z.number()
  .positive(`${what} must be a positive number of basis points (25 = a quarter point)`)
  .max(max, `${what} must be at most ${max} bp; is it in basis points (25 = a quarter point)?`);
const easingBound = z.number().min(0, 'expected basis points >= 0').max(L.maxTotalEasingBp, `expected at most ${L.maxTotalEasingBp} bp of easing`);
const pace = z.number().min(0, 'expected cuts per month >= 0').max(L.maxCutsPerMonth, `expected at most ${L.maxCutsPerMonth} cuts per month`);

const cutPath = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('meetings'),
    cutsBp: z.array(bp('a cut', L.maxCutBp)).min(1).max(L.maxCuts, `at most ${L.maxCuts} cuts`)
      .refine((cuts) => cuts.reduce((s, x) => s + x, 0) <= L.maxTotalEasingBp, `the cuts add up to more than ${L.maxTotalEasingBp} bp`),
    monthsBetween: z.number().positive().max(L.maxMonthsBetween, `expected at most ${L.maxMonthsBetween} months between meetings`).default(1.5),
  }).strict(),
  z.object({
    kind: z.literal('total'),
    totalBp: bp('totalBp', L.maxTotalEasingBp),
    overMonths: z.number().int().positive().max(L.maxHorizonMonths, `expected at most ${L.maxHorizonMonths} months`),
  }).strict(),
]);

const history = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('analogs'),
    recession: z.boolean().optional(),
    inRecessionAtFirstCut: z.boolean().optional(),
    /** True: only cycles whose easing began with an emergency (intermeeting) action; false: only the others. */
    emergency: z.boolean().optional(),
    minTotalEasingBp: easingBound.optional(),
    maxTotalEasingBp: easingBound.optional(),
    minCutsPerMonth: pace.optional(),
    maxCutsPerMonth: pace.optional(),
    resumption: z.boolean().optional(),
  }).strict(),
  z.object({ kind: z.literal('cycles'), ids: z.array(z.string().regex(/^\d{4}-\d{2}(-[a-z])?$/, 'expected a cycle id YYYY-MM (YYYY-MM-b for a second cycle in a month)')).min(1).max(200) }).strict(),
  z.object({ kind: z.literal('all-cycles') }).strict(),
  z.object({ kind: z.literal('full-history') }).strict(),
]);

const meanBlock = z.number().min(1).max(L.maxMeanBlock, `expected a mean block of at most ${L.maxMeanBlock} rows`);
const method = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['stationary', 'circular']), meanBlock: z.union([z.literal('auto'), meanBlock]).default('auto') }).strict(),
  z.object({ kind: z.literal('iid') }).strict(),
  z.object({ kind: z.literal('student-t') }).strict(),
  z.object({ kind: z.literal('rate-sensitivity') }).strict(),
]);

const horizon = z.object({
  months: z.number().int().positive().max(L.maxHorizonMonths, `expected at most ${L.maxHorizonMonths} months (10 years)`),
  tradingDays: z.number().int().positive().optional(),
}).strict().superRefine((h, ctx) => {
  if (h.tradingDays === undefined || !(h.months <= L.maxHorizonMonths)) return;
  const lo = h.months * L.minTradingDaysPerMonth, hi = h.months * L.maxTradingDaysPerMonth;
  if (h.tradingDays < lo || h.tradingDays > hi) {
    ctx.addIssue({ code: 'custom', path: ['tradingDays'], message: `${h.tradingDays} trading days do not fit ${h.months} months: expected ${lo} to ${hi} (${L.minTradingDaysPerMonth} to ${L.maxTradingDaysPerMonth} a month; 21 when omitted)` });
  }
});

/**
 * A Monte Carlo scenario (JSON). Built-ins ship in data/scenarios/. The horizon is in months
 * (monthly methods: student-t, rate-sensitivity) and becomes months × 21 trading days for the
 * daily bootstrap methods unless `tradingDays` is given. Every number has a plausible range
 * ({@link SCENARIO_LIMITS}); the run's size (paths × steps) is checked against a time budget
 * before anything runs (the simulate study's budget).
 */
export const scenarioSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/, 'expected a lowercase name with dashes').max(100),
  title: z.string().min(1).max(200),
  description: z.string().max(2000).default(''),
  cutPath: cutPath,
  regime: z.enum(['recession', 'no-recession', 'any']).default('any'),
  horizon,
  history: history,
  /** Months after each analog cycle's first cut that its window covers (the draws come from these windows). */
  windowMonths: z.number().int().positive().max(L.maxWindowMonths, `expected at most ${L.maxWindowMonths} months`).default(24),
  pair: z.enum(PAIR_IDS).default('rut-gspc'),
  method: method.default({ kind: 'stationary', meanBlock: 'auto' }),
  paths: z.number().int().positive().max(L.maxPaths, `expected at most ${L.maxPaths.toLocaleString('en-US')} paths`).default(100_000),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(20250917),
}).strict();

/** A scenario as written in a file (defaults may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario, defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
