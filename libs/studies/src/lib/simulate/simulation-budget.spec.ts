import { scenarioSchema, type Scenario } from '@ratecut/contracts';
import {
  budgetProblems, defaultStrategyPaths, DEFAULT_STRATEGY_PATHS, defaultWorkers as defaultWorkersOf, estimateSimulation, formatDuration, horizonSteps, MAX_STRATEGY_PATHS,
  REFERENCE_COSTS, RUN_LIMITS, STARTUPS_PER_WORKER, workerStartupSeconds, type SimulationEstimate,
} from './simulation-budget';

const base = {
  name: 'x', title: 'X', cutPath: { kind: 'meetings', cutsBp: [25, 25] }, horizon: { months: 12 }, history: { kind: 'all-cycles' },
};
const scenario = (over: Record<string, unknown> = {}): Scenario => scenarioSchema.parse({ ...base, ...over });
const sources = { paths: 'paths in s.json', horizon: 'horizon.months in s.json', strategyPaths: '--strategy-paths' };

describe('simulation budget', () => {
  it('counts steps in trading days for the daily bootstrap and in months otherwise', () => {
    expect(horizonSteps(scenario(), 'daily')).toEqual({ steps: 252, unit: 'trading days' });
    expect(horizonSteps(scenario({ horizon: { months: 12, tradingDays: 250 } }), 'daily')).toEqual({ steps: 250, unit: 'trading days' });
    expect(horizonSteps(scenario(), 'monthly')).toEqual({ steps: 12, unit: 'months' });
    expect(horizonSteps(scenario({ method: { kind: 'student-t' } }), 'daily')).toEqual({ steps: 12, unit: 'months' });
  });

  it('estimates time from the reference costs (independent arithmetic)', () => {
    const e = estimateSimulation(scenario({ paths: 100_000 }), 'daily', 200);
    expect(e.pathSteps).toBe(25_200_000);
    // 200 strategy paths, each drawn again and run over 202 warm-up rows + 252 path rows (in the blocks); the fan: 2,000 paths regenerated.
    const strategies = 200 * (252 * 12e-9 + 0.01e-3 + 454 * 0.075e-6);
    expect(e.strategySeconds).toBeCloseTo(strategies, 9);
    expect(e.pathSeconds).toBeCloseTo(25_200_000 * 12e-9 + strategies, 9);
    expect(e.totalSeconds).toBeCloseTo(25_200_000 * 12e-9 + strategies + 2000 * 252 * 12e-9, 9);
    // Monthly paths: 12 warm-up month-ends.
    const m = estimateSimulation(scenario({ paths: 1000, method: { kind: 'student-t' } }), 'daily', 1000);
    expect(m.strategySeconds).toBeCloseTo(1000 * (12 * 75e-9 + 0.01e-3 + 24 * 0.075e-6), 9);
  });

  it('replays the strategies on every path up to 100,000 by default (the most it takes), fewer when the run would exceed its limits', () => {
    expect(MAX_STRATEGY_PATHS).toBe(100_000);
    expect(DEFAULT_STRATEGY_PATHS).toBe(100_000);
    expect(defaultStrategyPaths(scenario({ paths: 1500 }), 'daily')).toBe(1500);
    expect(defaultStrategyPaths(scenario({ paths: 100_000 }), 'daily')).toBe(100_000);
    expect(defaultStrategyPaths(scenario({ paths: 1_000_000 }), 'daily')).toBe(100_000);
    // A run whose paths alone fit but whose 100,000 default strategy paths would not.
    const sizes = Array.from({ length: 400 }, (_, i) => (i + 1) * 100_000);
    const paths = sizes.find((p) => {
      const s = scenario({ paths: p, horizon: { months: 120 } });
      return estimateSimulation(s, 'daily', 0).totalSeconds <= RUN_LIMITS.maxSeconds && estimateSimulation(s, 'daily', 100_000).totalSeconds > RUN_LIMITS.maxSeconds;
    });
    if (paths === undefined) throw new Error('no run size between the limits');
    const long = scenario({ paths, horizon: { months: 120 } });
    const n = defaultStrategyPaths(long, 'daily');
    expect(n).toBeGreaterThanOrEqual(0);
    expect(n).toBeLessThan(100_000);
    expect(n % 1000).toBe(0);
    expect(estimateSimulation(long, 'daily', n).totalSeconds).toBeLessThanOrEqual(RUN_LIMITS.maxSeconds);
    expect(estimateSimulation(long, 'daily', n + 1000).totalSeconds).toBeGreaterThan(RUN_LIMITS.maxSeconds);
  });

  it('lets the default run and the largest horizon with default paths through', () => {
    expect(budgetProblems(estimateSimulation(scenario({ paths: 100_000 }), 'daily', 100_000), 100_000, sources)).toEqual([]);
    expect(budgetProblems(estimateSimulation(scenario({ paths: 100_000, horizon: { months: 120 } }), 'daily', 200), 200, sources)).toEqual([]);
    expect(budgetProblems(estimateSimulation(scenario({ paths: 10_000_000, method: { kind: 'student-t' } }), 'daily', 200), 200, sources)).toEqual([]);
  });

  it('refuses a run estimated over the time limit, naming sizes, estimate, limit and sources', () => {
    const e = estimateSimulation(scenario({ paths: 10_000_000, horizon: { months: 120 } }), 'daily', 200);
    expect(e.totalSeconds).toBeGreaterThan(RUN_LIMITS.maxSeconds);
    const [m] = budgetProblems(e, 200, sources);
    expect(m).toMatch(/^10,000,000 paths × 2,520 trading days \(and 200 strategy paths\) would take about 30\d s on one thread/);
    expect(m).toMatch(/the limit is 300 s: lower paths in s\.json, horizon\.months in s\.json or --strategy-paths$/);
    // The strategy paths count: 100,000 of them over a 10-year daily horizon (202 + 2,520 rows) add about 21 s.
    const withStrategies = estimateSimulation(scenario({ paths: 100_000, horizon: { months: 120 } }), 'daily', 100_000);
    expect(withStrategies.strategySeconds).toBeCloseTo(100_000 * (2520 * 12e-9 + 0.01e-3 + 2722 * 0.075e-6), 6);
  });

  it('formats durations', () => {
    expect(formatDuration(0.31)).toBe('0.3 s');
    expect(formatDuration(301.2)).toBe('301 s');
    expect(formatDuration(750)).toBe('12.5 min');
    expect(formatDuration(3 * 3600)).toBe('3.0 h');
  });
});

describe('default worker count', () => {
  // Through ts-node (0.7 s a start-up), where the rule's cases are far apart.
  const startup = REFERENCE_COSTS.workerStartupTsNode;
  const perThread = STARTUPS_PER_WORKER * startup;
  const defaultWorkers = (e: SimulationEstimate, cores: number) => defaultWorkersOf(e, cores, startup);
  it('stays on one thread unless each thread gets several worker start-ups of work', () => {
    expect(defaultWorkers(estimateSimulation(scenario({ paths: 100_000 }), 'daily', 200), 2).workers).toBe(1);
    // The strategies on every path are block work too: over two years they take a run to both cores.
    expect(defaultWorkers(estimateSimulation(scenario({ paths: 100_000, horizon: { months: 24 } }), 'daily', 200), 2).workers).toBe(1);
    expect(defaultWorkers(estimateSimulation(scenario({ paths: 100_000, horizon: { months: 24 } }), 'daily', 100_000), 2).workers).toBe(2);
    expect(defaultWorkers(estimateSimulation(scenario({ paths: 1_000_000 }), 'daily', 0), 2).workers).toBe(1);
    // 2 threads as soon as the path work reaches two threads' worth.
    const paths = Math.ceil((2 * perThread) / (252 * REFERENCE_COSTS.bootstrapStep));
    expect(defaultWorkers(estimateSimulation(scenario({ paths }), 'daily', 0), 2).workers).toBe(2);
    expect(defaultWorkers(estimateSimulation(scenario({ paths: paths - 1000 }), 'daily', 0), 2).workers).toBe(1);
  });

  it('counts the compiled code\'s start-up by default, and tells the two apart by the executor\'s file', () => {
    const run = estimateSimulation(scenario({ paths: 100_000 }), 'daily', 100_000);
    expect(defaultWorkersOf(run, 2).workers).toBe(2);
    expect(defaultWorkersOf(run, 2, REFERENCE_COSTS.workerStartupTsNode).workers).toBe(1);
    expect(defaultWorkersOf(run, 2).reason).toMatch(/a thread is used per 0\.24 s of it \(4 worker start-ups of 0\.06 s\)/);
    expect(workerStartupSeconds('/x/libs/studies/src/lib/simulate/path-job.ts')).toBe(REFERENCE_COSTS.workerStartupTsNode);
    expect(workerStartupSeconds('/x/dist/cli/executors/path-job.js')).toBe(REFERENCE_COSTS.workerStartup);
  });

  it('never uses more threads than cores, and one on one core', () => {
    const big = estimateSimulation(scenario({ paths: 10_000_000 }), 'daily', 200);
    expect(defaultWorkers(big, 2).workers).toBe(2);
    expect(defaultWorkers(big, 1).workers).toBe(1);
    expect(defaultWorkers(big, 64).workers).toBe(Math.floor(big.pathSeconds / perThread));
    expect(defaultWorkers(big, 2).reason).toMatch(/about 30 s of path work.*at most one per core \(2\)/);
  });
});
