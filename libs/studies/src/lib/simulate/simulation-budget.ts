import { monthsToRows } from '@ratecut/sim-core';
import type { Scenario } from '@ratecut/contracts';
import { warmUpRowsNeeded } from './path-warm-up';

/**
 * Reference costs of a simulation, measured on the 2-core development machine (Node 20, shared
 * and loaded, so on the slow side) with `process.hrtime` over several runs: the time one path
 * step takes in `simulatePathBlock` for each method, the start-up of one worker thread (Node worker +
 * loading the simulation modules, compiled or through ts-node, until it answers its first job), and
 * the time of one strategy path (the seven built-ins through the portfolio kernel over the
 * warm-up rows and the path, their targets included). Start-up and
 * per-step costs are both CPU-bound, so their ratio, which is what the worker rule uses, moves
 * much less between machines than either number.
 */
export const REFERENCE_COSTS = {
  /** Seconds per path and step: stationary/circular/iid bootstrap (11.6 to 11.9 ns measured). */
  bootstrapStep: 12e-9,
  /** Student-t (68 to 86 ns measured). */
  studentTStep: 75e-9,
  /** Rate-sensitivity regression paths (93 to 125 ns measured). */
  rateSensitivityStep: 110e-9,
  /**
   * One worker thread's start-up from the compiled code (dist/cli), seconds: the block worker and
   * the path executor loaded and the job received, until it answers (`npm run bench -- --only
   * worker-start`: 60 to 63 ms for two threads started together, a bare Node thread 38 to 45 ms,
   * 3 December 2026).
   */
  workerStartup: 0.06,
  /** The same through ts-node, which registers itself and transpiles the sources in each thread (the tests, `npm run ratecut-dev`): 0.60 to 1.07 s measured, 5 starts. */
  workerStartupTsNode: 0.7,
  /**
   * One strategy path, seven built-ins through the portfolio kernel: fixed part (seconds) plus
   * this much per row of warm-up and path (`StrategyPathRunner.runInto`: 42 to 46 µs for 454
   * daily rows, 202 of warm-up and 252 of path, measured on 2 December 2026 in one thread, blocks
   * of 10,000 paths, after the kernel took the rows without trades in a tight loop, the paths'
   * runs dropped their per-row record and stopped allocating per path).
   */
  strategyPathFixed: 0.01e-3,
  strategyPathRow: 0.075e-6,
} as const;

/**
 * The default `--strategy-paths`: every path of the run up to {@link DEFAULT_STRATEGY_PATHS}, fewer
 * when that many would take the run over {@link RUN_LIMITS} (then the most that keep it within
 * them, rounded down to a thousand, or 0 when the paths alone exceed them: the run is refused for
 * its paths, not for the default).
 */
export function defaultStrategyPaths(scenario: Scenario, frequency: 'daily' | 'monthly'): number {
  const all = Math.min(scenario.paths, DEFAULT_STRATEGY_PATHS);
  const fits = (n: number): boolean => {
    const e = estimateSimulation(scenario, frequency, n);
    return e.totalSeconds <= RUN_LIMITS.maxSeconds && e.bytes <= RUN_LIMITS.maxBytes;
  };
  if (fits(all)) return all;
  const one = estimateSimulation(scenario, frequency, 1).strategySeconds;
  const base = estimateSimulation(scenario, frequency, 0).totalSeconds;
  let n = Math.max(0, Math.min(all, Math.floor((RUN_LIMITS.maxSeconds - base) / one / 1000) * 1000));
  while (n > 0 && !fits(n)) n -= 1000;
  return n;
}

/** Limits of one run: refused up front when the estimate exceeds either. */
export const RUN_LIMITS = {
  /** Estimated single-thread time of the whole run (paths, fan and strategy paths): 5 minutes. */
  maxSeconds: 300,
  /** Estimated peak memory: 2 GiB. */
  maxBytes: 2 * 1024 ** 3,
} as const;

/** A worker thread is worth starting only for at least this many start-ups' worth of path work. */
export const STARTUPS_PER_WORKER = 4;

/** Paths regenerated for the fan chart (at most). */
export const MAX_FAN_PATHS = 2000;

/** Paths the strategies can be replayed on (`--strategy-paths` at most). */
export const MAX_STRATEGY_PATHS = 100_000;

/**
 * Paths the strategies are replayed on by default (every path of the run, up to this many, the
 * most `--strategy-paths` takes): about 0.045 ms of work a daily path at today's cost
 * (`REFERENCE_COSTS`), so the strategies add about 4.5 s of single-thread work to a default run
 * of 100,000 paths (shared by the worker threads it then starts).
 */
export const DEFAULT_STRATEGY_PATHS = MAX_STRATEGY_PATHS;

/** Steps of a scenario's horizon: trading days for the bootstrap on a daily pair, months otherwise. */
export function horizonSteps(scenario: Scenario, frequency: 'daily' | 'monthly'): { steps: number; unit: 'trading days' | 'months' } {
  const bootstrap = ['stationary', 'circular', 'iid'].includes(scenario.method.kind);
  if (bootstrap && frequency === 'daily') return { steps: scenario.horizon.tradingDays ?? monthsToRows(scenario.horizon.months, 252), unit: 'trading days' };
  return { steps: scenario.horizon.months, unit: 'months' };
}

/** What a run will cost, before it runs. */
export interface SimulationEstimate {
  readonly paths: number;
  readonly steps: number;
  readonly unit: 'trading days' | 'months';
  /** paths × steps. */
  readonly pathSteps: number;
  /** Seconds per path step for the scenario's method. */
  readonly stepCost: number;
  /** Single-thread seconds of the blocks (paths and the strategies on them: what worker threads share). */
  readonly pathSeconds: number;
  /** Single-thread seconds of the strategy paths alone (part of {@link pathSeconds}). */
  readonly strategySeconds: number;
  /** Single-thread seconds of the whole run: the blocks, then the fan in the main thread. */
  readonly totalSeconds: number;
  /** Estimated peak bytes: per-path outcomes and their sorted copies, fan buffers, strategy outcomes. */
  readonly bytes: number;
}

/** Estimates time and memory of a run from the reference costs (see {@link REFERENCE_COSTS}). */
export function estimateSimulation(scenario: Scenario, frequency: 'daily' | 'monthly', strategyPaths: number): SimulationEstimate {
  const { steps, unit } = horizonSteps(scenario, frequency);
  const paths = scenario.paths;
  const kind = scenario.method.kind;
  const stepCost = kind === 'student-t' ? REFERENCE_COSTS.studentTStep : kind === 'rate-sensitivity' ? REFERENCE_COSTS.rateSensitivityStep : REFERENCE_COSTS.bootstrapStep;
  const fan = Math.min(paths, MAX_FAN_PATHS), strat = Math.min(paths, strategyPaths);
  const warmUp = warmUpRowsNeeded(frequency === 'daily' && unit === 'trading days' ? 252 : 12);
  // Each strategy path is drawn again (steps × stepCost), then run.
  const strategySeconds = strat * (steps * stepCost + REFERENCE_COSTS.strategyPathFixed + (warmUp + steps) * REFERENCE_COSTS.strategyPathRow);
  const pathSeconds = paths * steps * stepCost + strategySeconds;
  const totalSeconds = pathSeconds + fan * steps * stepCost;
  // 4 outcome arrays and the spread (40 bytes a path), a block's copy in transit (32) and a sorted copy (16);
  // per strategy path, 7 strategies × 2 outcomes in the block and merged (2 × 112 bytes) and a sorted copy (16).
  const bytes = paths * 88 + fan * (steps + 1) * 2 * 4 + strat * 240 + (steps + 1) * 8 * 64;
  return { paths, steps, unit, pathSteps: paths * steps, stepCost, pathSeconds, strategySeconds, totalSeconds, bytes };
}

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
/** Seconds as "0.3 s", "301 s", "12.5 min", "3.1 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 600) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * Problems that make a run too large: each names the sizes, the estimate, the limit and where
 * the sizes come from (`sources`: e.g. `--paths` or `scenario.json: paths`). Empty when it fits.
 */
export function budgetProblems(e: SimulationEstimate, strategyPaths: number, sources: { paths: string; horizon: string; strategyPaths: string }): string[] {
  const out: string[] = [];
  if (e.totalSeconds > RUN_LIMITS.maxSeconds) {
    out.push(
      `${fmtInt(e.paths)} paths × ${fmtInt(e.steps)} ${e.unit}${strategyPaths > 0 ? ` (and ${fmtInt(Math.min(strategyPaths, e.paths))} strategy paths)` : ''} ` +
      `would take about ${formatDuration(e.totalSeconds)} on one thread at the reference cost of ${(e.stepCost * 1e9).toFixed(0)} ns per path step; ` +
      `the limit is ${formatDuration(RUN_LIMITS.maxSeconds)}: lower ${sources.paths}, ${sources.horizon}${strategyPaths > 0 ? ` or ${sources.strategyPaths}` : ''}`,
    );
  }
  if (e.bytes > RUN_LIMITS.maxBytes) {
    out.push(`${fmtInt(e.paths)} paths × ${fmtInt(e.steps)} ${e.unit} would need about ${(e.bytes / 1024 ** 3).toFixed(1)} GiB; the limit is ${RUN_LIMITS.maxBytes / 1024 ** 3} GiB: lower ${sources.paths} or ${sources.horizon}`);
  }
  return out;
}

/** The default number of worker threads and why. */
export interface WorkerChoice {
  readonly workers: number;
  readonly reason: string;
}

/**
 * The start-up of a worker thread that loads the executor `module`: through ts-node for a
 * TypeScript source (`.ts`), else compiled (see {@link REFERENCE_COSTS}).
 */
export function workerStartupSeconds(module: string): number {
  return module.endsWith('.ts') ? REFERENCE_COSTS.workerStartupTsNode : REFERENCE_COSTS.workerStartup;
}

/**
 * Default `--workers`: one thread (no worker) unless the path work is worth the start-up of
 * workers. A worker costs `startup` seconds to start (default {@link REFERENCE_COSTS.workerStartup},
 * the compiled code's; {@link workerStartupSeconds} tells which applies) and is only worth it when it takes over at least
 * {@link STARTUPS_PER_WORKER} start-ups' worth of work, so the count is
 * `clamp(floor(pathSeconds / (STARTUPS_PER_WORKER × startup)), 1, cores)` with
 * `cores = os.availableParallelism()`: every thread then gets at least that much work. Compiled,
 * a thread is used per 0.24 s of work: the default run (100,000 × 252 with the strategies on
 * every path, about 4.7 s of block work, most of it the strategies) uses two threads on two
 * cores, and a daily bootstrap without strategies from about 160,000 paths. Through ts-node
 * (0.7 s a start-up) the default run stays on one thread and a bootstrap needs 1.9 million paths.
 */
export function defaultWorkers(e: SimulationEstimate, cores: number, startup: number = REFERENCE_COSTS.workerStartup): WorkerChoice {
  const perWorker = STARTUPS_PER_WORKER * startup;
  const workers = Math.max(1, Math.min(Math.max(1, cores), Math.floor(e.pathSeconds / perWorker)));
  return {
    workers,
    reason: `default for about ${formatDuration(e.pathSeconds)} of path work (strategy paths included): a thread is used per ${perWorker.toFixed(2)} s of it ` +
      `(${STARTUPS_PER_WORKER} worker start-ups of ${startup} s), at most one per core (${cores})`,
  };
}
