/**
 * Workspace benchmarks, run by `npm run bench` (tools/bench/run.js). See README.md beside this
 * file for what each one measures and its target.
 *
 * Usage: node tools/bench/run.js [--json] [--data <folder>] [--only <name,...>] [--peers [--peers-dir <folder>]]
 *   --json   one JSON object per benchmark and line on stdout, nothing else there
 *   --data   data folder holding catalog.json (else $RATECUT_DATA, else ../shared/data next to
 *            the workspace, else the bundled SYNTHETIC sample in data/sample, said so in the output)
 *   --only   run only the named benchmarks (comma-separated; see BENCHMARKS)
 *   --peers  run each benchmark in its own process (so its peak memory is its own), then the peer
 *            reference programs, and print same-run ratios against them (peers.ts)
 *   --peers-dir  the peers folder (else $RATECUT_PEERS, else ../shared/peers next to the workspace)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { alignOnCommonDays, asOfJoin, DATA_ENV_VAR, loadCatalog, loadSeries } from '@ratecut/data-loader';
import { BUILTIN_STRATEGIES, findBuiltinStrategy, formatDay, median, monthEndMomentumSweep, type MarketData, type MomentumSweepResult, formatIssue, type Issue } from '@ratecut/sim-core';
import { fitStudentT, monthEnd, monthIndex, simulateStudentTPaths, type PathOutcomes, type StudentTFit } from '@ratecut/sim-core';
import {
  GENERATOR_NAME, makeJointSource, optimalBlockLength, prepareSource, probabilityGreater, simulateBootstrapPaths,
  type BootstrapOptions, type DistributionSummary,
} from '@ratecut/sim-core';
import { BlockPool, runStudy, splitRange, studyResult, type ItemRange, type RunStudyOptions, type Study } from '@ratecut/studies';
import {
  gridCombination, gridSize, KERNEL_SWEEP_BLOCK_COMBINATIONS, planBacktestStudy, runKernelSweepBlock, SWEEP_BLOCK_EXECUTOR, sweepMerger,
  type KernelSweepContext, type SweepContext, type SweptParameter,
} from '@ratecut/studies/backtest';
import { PathOutcomesMemory, pathOutcomesStudy, pathWarmUp, PATH_STRATEGIES, type PathBlockOutput, type PathJob } from '@ratecut/studies/simulate';
import { runPeersSession } from './peers';
import { nodeCommandCost } from './cli-cpu';
import { measureReportRender } from './report-render';
import { measureQueueSimulate } from './queue-simulate';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'ratecut.js');

/** What one benchmark reports; `--json` prints it as one line. */
export interface Measurement {
  readonly name: string;
  /** Median wall time of the timed runs, seconds. */
  readonly seconds: number;
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** Timed runs, and untimed warm-up runs before them. */
  readonly runs: number;
  readonly warmup: number;
  /** Independent paths evaluated per run (parameter combinations for a sweep, 1 for a CLI call). */
  readonly paths: number;
  /** Data rows per path (0 when the benchmark reads no data). */
  readonly rows: number;
  readonly targetSeconds: number;
  readonly withinTarget: boolean;
  /**
   * Peak resident set size of this process when the benchmark finished, MiB
   * (`process.resourceUsage().maxRSS`; worker threads count, child processes do not). Earlier
   * benchmarks of the same process count too: alone with `--only`, or under `--peers`, it is the
   * benchmark's own.
   */
  readonly peakRssMiB: number;
  /** Anything else worth recording (data source, result checks). */
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

interface Options {
  readonly json: boolean;
  readonly data: string | undefined;
  readonly only: readonly string[] | undefined;
  readonly peers: boolean;
  readonly peersDir: string | undefined;
}

/** Where the benchmark data came from. */
interface DataSource {
  readonly dir: string;
  readonly origin: '--data' | typeof DATA_ENV_VAR | '../shared/data' | 'sample';
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const steps = (from: number, count: number, step: number): number[] => Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)));

/**
 * The 1,200-combination sweeps of every built-in with a numeric parameter, through the portfolio
 * kernel (`runKernelSweepBlock`, full history only, one thread): the sweep workload of the peers
 * for each strategy. Every combination of these grids is valid.
 */
const KERNEL_SWEEP_BENCHMARKS: readonly { readonly name: string; readonly strategy: string; readonly params: Record<string, string | number>; readonly grid: SweptParameter[] }[] = [
  { name: 'sweep-static-mix', strategy: 'static-mix', params: {}, grid: [{ name: 'small', values: steps(0, 1200, 1 / 1200) }] },
  {
    name: 'sweep-cut-trigger', strategy: 'cut-trigger', params: {},
    grid: [{ name: 'holdMonths', values: steps(1, 24, 1) }, { name: 'minMoveBp', values: [0, 10, 25, 50, 100] }, { name: 'pauseMonths', values: steps(1, 10, 1) }],
  },
  { name: 'sweep-relative-momentum', strategy: 'relative-momentum', params: {}, grid: [{ name: 'k', values: steps(1, 24, 1) }, { name: 'threshold', values: steps(0, 50, 0.001) }] },
  { name: 'sweep-trend-filter', strategy: 'trend-filter', params: { indicator: 'sma' }, grid: [{ name: 'fast', values: steps(2, 30, 1) }, { name: 'slow', values: steps(40, 40, 10) }] },
  { name: 'sweep-rate-regime', strategy: 'rate-regime', params: {}, grid: [{ name: 'dropBp', values: steps(5, 50, 5) }, { name: 'months', values: steps(1, 24, 1) }] },
];

const BENCHMARKS = [
  'momentum-sweep-monthly', 'cli-help', 'cli-cycles', 'cli-demo', 'worker-start', 'student-t-1m-single-thread', 'bootstrap-1m-single-thread', 'bootstrap-1m-workers',
  'strategies-100k-paths', 'backtest-all-builtins', 'report-render', 'queue-simulate-1m',
  ...KERNEL_SWEEP_BENCHMARKS.map((b) => b.name),
  ...KERNEL_SWEEP_BENCHMARKS.map((b) => `${b.name}-workers`),
] as const;

function parseArgs(argv: readonly string[]): Outcome<Options> {
  let json = false, data: string | undefined, only: string[] | undefined, peers = false, peersDir: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--peers') peers = true;
    else if (a === '--data' || a === '--only' || a === '--peers-dir') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return { ok: false, message: `${a} needs a value` };
      i += 1;
      if (a === '--data') data = v;
      else if (a === '--peers-dir') peersDir = v;
      else only = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
    } else return { ok: false, message: `unknown argument '${a}'; expected --json, --data <folder>, --only <name,...>, --peers, --peers-dir <folder>` };
  }
  if (peersDir !== undefined && !peers) return { ok: false, message: '--peers-dir needs --peers' };
  const unknown = (only ?? []).filter((n) => !(BENCHMARKS as readonly string[]).includes(n));
  if (unknown.length > 0) return { ok: false, message: `unknown benchmark ${unknown.join(', ')}; expected ${BENCHMARKS.join(', ')}` };
  return { ok: true, value: { json, data, only, peers, peersDir } };
}

const hasCatalog = (dir: string): boolean => fs.existsSync(path.join(dir, 'catalog.json'));

/**
 * The data folder: `--data`, else $RATECUT_DATA, else ../shared/data next to the workspace,
 * else the synthetic sample. A path given by flag or environment that holds no catalog is an
 * error, never a silent fall-back.
 */
function resolveData(flag: string | undefined): Outcome<DataSource> {
  const given: [string | undefined, DataSource['origin']][] = [[flag, '--data'], [process.env[DATA_ENV_VAR], DATA_ENV_VAR]];
  for (const [value, origin] of given) {
    if (value === undefined || value === '') continue;
    const dir = path.resolve(value);
    return hasCatalog(dir) ? { ok: true, value: { dir, origin } } : { ok: false, message: `${origin} points at ${dir}, which holds no catalog.json` };
  }
  const shared = path.resolve(ROOT, '..', 'shared', 'data');
  if (hasCatalog(shared)) return { ok: true, value: { dir: shared, origin: '../shared/data' } };
  return { ok: true, value: { dir: path.join(ROOT, 'data', 'sample'), origin: 'sample' } };
}

interface LoadedMarket {
  readonly data: MarketData;
  readonly synthetic: boolean;
  readonly warnings: number;
}

/**
 * Small = ^RUT close, large = ^GSPC close on their common days; cash (and policy rate) = the
 * effective fed funds rate DFF, as-of joined, with the leading days before DFF starts dropped.
 */
function loadMarket(source: DataSource): Outcome<LoadedMarket> {
  const catalog = loadCatalog(source.dir);
  if (!catalog.ok) return { ok: false, message: catalog.issues.map(formatIssue).join('\n') };
  const loaded = ['rut', 'gspc', 'dff'].map((id) => loadSeries(catalog.value, id));
  const issues: Issue[] = [];
  let warnings = 0;
  for (const l of loaded) {
    if (l.ok) warnings += l.warnings.length;
    else issues.push(...l.issues);
  }
  if (issues.length > 0) return { ok: false, message: issues.map(formatIssue).join('\n') };
  const [rut, gspc, dff] = loaded.map((l) => (l.ok ? l.value : undefined));
  if (rut === undefined || gspc === undefined || dff === undefined) return { ok: false, message: 'series failed to load' };
  const aligned = alignOnCommonDays([rut, gspc]);
  const cash = asOfJoin(dff, aligned.days);
  const first = cash.findIndex((r) => Number.isFinite(r));
  if (first < 0) return { ok: false, message: 'DFF has no observation on or before the common days of ^RUT and ^GSPC' };
  const cashRate = cash.slice(first);
  return {
    ok: true,
    value: {
      data: {
        days: aligned.days.slice(first),
        assets: ['small', 'large'],
        closes: [aligned.values[0].slice(first), aligned.values[1].slice(first)],
        cashRate,
        policyRate: cashRate,
        periodsPerYear: 252,
      },
      synthetic: catalog.value.synthetic || source.origin === 'sample',
      warnings,
    },
  };
}

/** Wall times in seconds of `runs` calls of `fn`, after `warmup` untimed calls. */
function timeRuns<T>(fn: () => T, warmup: number, runs: number, check: (value: T) => void): number[] {
  for (let i = 0; i < warmup; i += 1) check(fn());
  const seconds: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    const value = fn();
    seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    check(value);
  }
  return seconds;
}

function summarise(
  name: string,
  seconds: readonly number[],
  warmup: number,
  paths: number,
  rows: number,
  targetSeconds: number,
  details: Measurement['details'],
): Measurement {
  const sorted = [...seconds].sort((a, b) => a - b);
  const middle = median(seconds);
  return {
    name, seconds: middle, minSeconds: sorted[0], maxSeconds: sorted[sorted.length - 1], runs: seconds.length, warmup,
    paths, rows, targetSeconds, withinTarget: middle < targetSeconds, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10, details,
  };
}

/** k = 1..24 months × threshold = 0, 0.001, ..., 0.049: 1,200 combinations. */
const SWEEP_KS = Array.from({ length: 24 }, (_, i) => i + 1);
const SWEEP_THRESHOLDS = Array.from({ length: 50 }, (_, i) => i / 1000);

/**
 * Relative momentum for k 1..24 months × threshold 0..0.049 (1,200 combinations) over every row
 * of the data on the `month-end` schedule, costs 5 + 5 bp, lag 1: `monthEndMomentumSweep`
 * (per-period tables shared by the combinations, O(periods) each).
 */
function benchMomentumSweepMonthly(market: LoadedMarket, source: DataSource, loadSeconds: number): Measurement {
  const { data } = market;
  const rows = data.days.length;
  const config = { startRow: 0, endRow: rows - 1, executionLag: 1, costs: { costBps: 5, slippageBps: 5 }, initialCapital: 1 };
  const sweep = (): MomentumSweepResult => {
    const r = monthEndMomentumSweep(data, SWEEP_KS, SWEEP_THRESHOLDS, config);
    if (r === null) throw new Error('momentum-sweep-monthly: a growth factor of the data is not positive and finite (no fast path)');
    return r;
  };
  const combinations = SWEEP_KS.length * SWEEP_THRESHOLDS.length;
  let last: MomentumSweepResult | undefined;
  // A call takes about 2 ms: enough warm-up calls for V8 to have optimised every function of the
  // fast path before timing (as the peers time numba after its compilation), and enough runs for a steady median.
  const seconds = timeRuns(sweep, 30, 51, (r) => {
    if (r.combinations !== combinations) throw new Error('momentum-sweep-monthly: wrong number of combinations');
    last = r;
  });
  let best = 0;
  const sharpe = last?.sharpe ?? new Float64Array(0);
  for (let c = 1; c < sharpe.length; c += 1) if (sharpe[c] > sharpe[best]) best = c;
  return summarise('momentum-sweep-monthly', seconds, 30, combinations, rows, 0.0025, {
    data: source.dir, dataOrigin: source.origin, synthetic: market.synthetic, schedule: 'month-end', loadSeconds,
    firstDay: formatDay(data.days[0]), lastDay: formatDay(data.days[rows - 1]),
    bestSharpe: sharpe[best], bestK: SWEEP_KS[Math.floor(best / SWEEP_THRESHOLDS.length)], bestThreshold: SWEEP_THRESHOLDS[best % SWEEP_THRESHOLDS.length],
  });
}

/**
 * One 1,200-combination sweep of {@link KERNEL_SWEEP_BENCHMARKS} on the `momentum-sweep-monthly` data:
 * every combination's targets through the portfolio kernel over the full history (lag 1, costs
 * 5 + 5 bp, the built-in's own schedule), in one block on this thread; `SWEEP_WARMUP` untimed and
 * `SWEEP_RUNS` timed runs.
 */
/**
 * Untimed and timed runs of a kernel sweep. V8 needs a few whole sweeps before every function
 * of the kernel runs optimised (measured: a 2-worker sweep took 2.8, 2.0 and 1.2 times its
 * steady time in its first three runs), as the peers time numba after its compilation.
 */
const SWEEP_WARMUP = 3, SWEEP_RUNS = 5;

function kernelSweepContext(spec: (typeof KERNEL_SWEEP_BENCHMARKS)[number], data: MarketData): KernelSweepContext {
  const builtin = findBuiltinStrategy(spec.strategy);
  if (builtin === undefined) throw new Error(`${spec.name}: no built-in ${spec.strategy}`);
  const settings = { executionLag: 1, costs: { costBps: 5, slippageBps: 5 }, limits: { allowLeverage: false, allowShort: false }, initialCapital: 1 };
  return {
    kind: 'kernel', data, strategy: spec.strategy, params: { ...builtin.defaults, ...spec.params }, grid: spec.grid, schedule: builtin.schedule,
    config: { startRow: 0, endRow: data.days.length - 1, ...settings }, replay: { cycles: [], settings },
  };
}

function benchKernelSweep(spec: (typeof KERNEL_SWEEP_BENCHMARKS)[number], market: LoadedMarket, source: DataSource): Measurement {
  const context = kernelSweepContext(spec, market.data);
  const combinations = gridSize(spec.grid);
  let last: Float64Array = new Float64Array(0);
  const seconds = timeRuns(() => runKernelSweepBlock(context, { first: 0, count: combinations }), SWEEP_WARMUP, SWEEP_RUNS, (out) => {
    if (out.length !== combinations * 8) throw new Error(`${spec.name}: ${out.length / 8} combinations computed, ${combinations} expected`);
    last = out;
  });
  return sweepMeasurement(spec.name, spec, context, seconds, SWEEP_WARMUP, last, source, market, {});
}

/**
 * The same sweep as `ratecut backtest --sweep ... --workers 2` runs it: the sweep's blocks
 * (`KERNEL_SWEEP_BLOCK_COMBINATIONS` combinations each) on a `BlockPool` of 2 worker threads
 * started once before the runs (start-up reported apart), the outputs merged in block order on
 * this thread; `SWEEP_WARMUP` untimed and `SWEEP_RUNS` timed runs. Checks that the merged output is byte-identical to one
 * block on this thread (the sweep's numbers do not depend on the worker count).
 */
async function benchKernelSweepWorkers(spec: (typeof KERNEL_SWEEP_BENCHMARKS)[number], market: LoadedMarket, source: DataSource): Promise<Measurement> {
  const name = `${spec.name}-workers`;
  const context = kernelSweepContext(spec, market.data);
  const combinations = gridSize(spec.grid);
  const alone = runKernelSweepBlock(context, { first: 0, count: combinations });
  const merge = (outputs: readonly Float64Array[]): Float64Array => {
    const all = new Float64Array(outputs.reduce((n, o) => n + o.length, 0));
    let at = 0;
    for (const o of outputs) {
      all.set(o, at);
      at += o.length;
    }
    return all;
  };
  // As the sweep study: each run's blocks share, per thread, the series their combinations compute once (sweepMerger).
  const study: Study<null, SweepContext, ItemRange, Float64Array, Float64Array> = {
    kind: 'sweep', plan: null, context, blocks: splitRange(combinations, KERNEL_SWEEP_BLOCK_COMBINATIONS), execute: SWEEP_BLOCK_EXECUTOR,
    merge, merger: sweepMerger(merge),
  };
  const pool = await BlockPool.open(study.execute, study.context, 2);
  const seconds: number[] = [];
  let last: Float64Array = new Float64Array(0);
  try {
    for (let r = 0; r < SWEEP_WARMUP + SWEEP_RUNS; r += 1) {
      const t0 = process.hrtime.bigint();
      last = await studyResult(runStudy(study, { pool }));
      if (r >= SWEEP_WARMUP) seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
      if (Buffer.compare(Buffer.from(last.buffer, last.byteOffset, last.byteLength), Buffer.from(alone.buffer, alone.byteOffset, alone.byteLength)) !== 0) {
        throw new Error(`${name}: the 2-worker output differs from one block on this thread`);
      }
    }
  } finally {
    await pool.close();
  }
  return sweepMeasurement(name, spec, context, seconds, SWEEP_WARMUP, last, source, market, { workers: 2, blocks: study.blocks.length, poolStartSeconds: pool.stats().startSeconds });
}

/** A kernel sweep's measurement: the target (issue 11), the best-Sharpe combination as a sanity check, ns per row and combination (wall time). */
function sweepMeasurement(
  name: string, spec: (typeof KERNEL_SWEEP_BENCHMARKS)[number], context: KernelSweepContext, seconds: number[], warmup: number, last: Float64Array,
  source: DataSource, market: LoadedMarket, extra: Measurement['details'],
): Measurement {
  const rows = context.data.days.length, combinations = gridSize(spec.grid);
  let best = 0, valid = 0;
  for (let c = 0; c < combinations; c += 1) {
    if (Number.isFinite(last[c * 8 + 3])) valid += 1;
    if (!(last[best * 8 + 3] >= last[c * 8 + 3])) best = c;
  }
  // Target: 5× faster than the numpy peer (416 ms on the 2-core development machine, 2 December 2026); --peers judges it in the same run.
  return summarise(name, seconds, warmup, combinations, rows, 0.0832, {
    ...extra,
    data: source.dir, dataOrigin: source.origin, synthetic: market.synthetic, strategy: spec.strategy, schedule: context.schedule.kind,
    grid: spec.grid.map((g) => `${g.name} ${g.values[0]}..${g.values[g.values.length - 1]} (${g.values.length})`).join(' × '),
    valid, bestSharpe: last[best * 8 + 3], best: gridCombination(spec.grid, best).join(','),
    nsPerRowAndCombination: (median(seconds) * 1e9) / (rows * combinations),
  });
}

/**
 * `ratecut backtest` of every built-in in one run, in this process: the backtest study (planned
 * once, not timed: catalog, series and cycles loaded) replays the benchmark and the seven
 * built-ins over the full history and every covered cycle window with the event engine; 1
 * warm-up + 3 timed runs. Target: under 0.3 s (issue 11).
 */
async function benchBacktestAllBuiltins(source: DataSource): Promise<Outcome<Measurement>> {
  const catalog = loadCatalog(source.dir);
  if (!catalog.ok) return { ok: false, message: catalog.issues.map(formatIssue).join('\n') };
  const planned = planBacktestStudy({
    config: { strategies: BUILTIN_STRATEGIES.map((s) => ({ name: s.name })) }, source: { file: null, fromFlags: [] }, catalog: catalog.value,
    origin: source.origin, notice: null, factsDir: path.join(ROOT, 'data'), commandLine: 'bench', ratecutVersion: 'bench',
  });
  if (!planned.ok) return { ok: false, message: planned.issues.map(formatIssue).join('\n') };
  const study = planned.value;
  const seconds: number[] = [];
  let cycles = 0;
  for (let r = 0; r < 4; r += 1) {
    const t0 = process.hrtime.bigint();
    const result = await studyResult(runStudy(study));
    if (r > 0) seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    cycles = result.strategies[0]?.cycles.length ?? 0;
  }
  return {
    ok: true,
    value: summarise('backtest-all-builtins', seconds, 1, BUILTIN_STRATEGIES.length, study.context.data.days.length, 0.3, {
      data: source.dir, dataOrigin: source.origin, strategies: BUILTIN_STRATEGIES.length, cycles,
    }),
  };
}

/**
 * `ratecut --help` from the compiled CLI (dist/cli, as installed), spawned and waited for, against
 * `node -e 0` spawned in the same way, the two alternating: issue 12's target is at most 1.5 times
 * Node's own start-up.
 */
function benchCliHelp(): Outcome<Measurement> {
  let failure: string | undefined;
  const help = (): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [CLI, '--help'], { cwd: ROOT, encoding: 'utf8' });
  const bare = (): ReturnType<typeof spawnSync> => spawnSync(process.execPath, ['-e', '0'], { cwd: ROOT, encoding: 'utf8' });
  const seconds: number[] = [], nodeSeconds: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    nodeSeconds.push(...timeRuns(bare, i === 0 ? 1 : 0, 1, () => undefined));
    seconds.push(...timeRuns(help, i === 0 ? 1 : 0, 1, (r) => {
      if (r.status !== 0 || !String(r.stdout).includes('Usage')) failure ??= `ratecut --help exited ${r.status ?? r.signal}: ${String(r.stderr).trim().slice(0, 400)}`;
    }));
  }
  if (failure !== undefined) return { ok: false, message: failure };
  const nodeStart = median(nodeSeconds);
  return {
    ok: true,
    value: summarise('cli-help', seconds, 1, 1, 0, 1.5 * nodeStart, {
      command: 'node dist/cli/ratecut.js --help', nodeStartSeconds: nodeStart, ratioToNodeStart: median(seconds) / nodeStart,
    }),
  };
}

/**
 * `ratecut cycles --data <data>` from the compiled CLI: CPU seconds of the whole process (user +
 * system, from /proc), median of 5 after one warm-up; issue 12's target is under 1.0 s.
 */
function benchCliCycles(source: DataSource): Outcome<Measurement> {
  const cpu: number[] = [], wall: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    const r = nodeCommandCost([CLI, 'cycles', '--data', source.dir], ROOT);
    if (r.status !== 0 || !r.stdout.includes('Easing cycles')) return { ok: false, message: `ratecut cycles exited ${r.status}: ${r.stderr.trim().slice(0, 400)}` };
    if (r.cpuSeconds === null) return { ok: false, message: 'no /proc/self/stat here: the CPU time of a child process cannot be read' };
    if (i > 0) { cpu.push(r.cpuSeconds); wall.push(r.wallSeconds); }
  }
  return { ok: true, value: summarise('cli-cycles', cpu, 1, 1, 0, 1.0, { command: 'node dist/cli/ratecut.js cycles', data: source.dir, dataOrigin: source.origin, unit: 'CPU seconds', wallSeconds: median(wall) }) };
}

/**
 * `ratecut demo` from the compiled CLI against the same demo from the TypeScript sources through
 * ts-node (`npm run ratecut-dev`, how the bin ran before issue 12), one run each into a
 * temporary folder: CPU seconds of each whole process; the target is at most half.
 */
function benchCliDemo(source: DataSource): Outcome<Measurement> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratecut-bench-demo-'));
  try {
    const compiled = nodeCommandCost([CLI, 'demo', '--data', source.dir, '--out', path.join(dir, 'compiled')], ROOT);
    const sources = nodeCommandCost([path.join(ROOT, 'apps', 'runner', 'bin', 'ratecut.js'), 'demo', '--data', source.dir, '--out', path.join(dir, 'sources')], ROOT);
    for (const [what, r] of [['compiled', compiled], ['ts-node', sources]] as const) {
      if (r.status !== 0) return { ok: false, message: `the ${what} demo exited ${r.status}: ${r.stderr.trim().slice(0, 400)}` };
      if (r.cpuSeconds === null) return { ok: false, message: 'no /proc/self/stat here: the CPU time of a child process cannot be read' };
    }
    const tsNode = sources.cpuSeconds as number;
    return {
      ok: true,
      value: summarise('cli-demo', [compiled.cpuSeconds as number], 0, 1, 0, 0.5 * tsNode, {
        command: 'node dist/cli/ratecut.js demo', data: source.dir, dataOrigin: source.origin, unit: 'CPU seconds',
        tsNodeCpuSeconds: tsNode, ratioToTsNode: (compiled.cpuSeconds as number) / tsNode, wallSeconds: compiled.wallSeconds, tsNodeWallSeconds: sources.wallSeconds,
      }),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The demo's report (`ratecut demo` from the compiled CLI on the data) in Chromium: its size,
 * and the time from the start of the navigation to the first chart drawn (the median, against
 * the issue-15 target of 1 s) and to the last; 1 warm-up + 7 timed page loads.
 */
async function benchReportRender(source: DataSource): Promise<Outcome<Measurement>> {
  const measured = await measureReportRender(ROOT, CLI, source.dir, 1, 7);
  if (!measured.ok) return measured;
  const r = measured.value;
  const first = r.timed.map((l) => l.firstChartSeconds);
  const all = r.timed.map((l) => l.allChartsSeconds);
  return {
    ok: true,
    value: summarise('report-render', first, r.warmup.length, 1, 0, 1.0, {
      command: 'node dist/cli/ratecut.js demo, then report.html in Chromium at 1200 x 900', data: source.dir, dataOrigin: source.origin,
      bytes: r.bytes, charts: r.charts, scrollWidth: r.scrollWidth, chromium: r.chromiumVersion,
      allChartsSeconds: median(all), allChartsMinSeconds: Math.min(...all), allChartsMaxSeconds: Math.max(...all),
    }),
  };
}

/**
 * A 1e6-path simulation through the job queue on 2 local `ratecut worker` processes against the
 * same run in one process on 2 threads (issue 16: at most 1.3 times), and on 1 worker; 3
 * repetitions of each, alternating (see queue-simulate.ts). The median is the 2-worker run's.
 */
async function benchQueueSimulate(source: DataSource): Promise<Outcome<Measurement>> {
  const measured = await measureQueueSimulate(CLI, source.dir, 3);
  if (!measured.ok) return measured;
  const r = measured.value;
  const local = median(r.inProcess), two = median(r.twoWorkers), one = median(r.oneWorker);
  return {
    ok: true,
    value: summarise('queue-simulate-1m', r.twoWorkers, 0, r.paths, 252, 1.3 * local, {
      command: 'node dist/cli/ratecut.js simulate insurance-cuts --paths 1000000 --queue redis://127.0.0.1:<port> (2 ratecut worker processes) vs --workers 2',
      data: source.dir, dataOrigin: source.origin, redis: r.redisVersion,
      inProcessSeconds: local, twoWorkersSeconds: two, oneWorkerSeconds: one,
      ratioToInProcess: two / local, speedUpOneToTwoWorkers: one / two, redisUsedMiB: Math.round(r.redisUsedBytes / 1024 ** 2),
    }),
  };
}

/**
 * Monthly simple returns of both legs from month-end closes (the last common trading day of each
 * calendar month). The final month is dropped when the data stop more than 4 days before its end
 * (a partial month).
 */
function monthlyReturns(data: MarketData): { small: Float64Array; large: Float64Array; firstDay: number; lastDay: number } {
  const ends: number[] = [];
  for (let i = 0; i < data.days.length; i += 1) {
    if (i + 1 === data.days.length || monthIndex(data.days[i + 1]) !== monthIndex(data.days[i])) ends.push(i);
  }
  const last = ends[ends.length - 1];
  if (last !== undefined && data.days[last] < monthEnd(data.days[last]) - 4) ends.pop();
  const n = Math.max(0, ends.length - 1);
  const small = new Float64Array(n), large = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    small[k] = data.closes[0][ends[k + 1]] / data.closes[0][ends[k]] - 1;
    large[k] = data.closes[1][ends[k + 1]] / data.closes[1][ends[k]] - 1;
  }
  return { small, large, firstDay: data.days[ends[0] ?? 0], lastDay: data.days[ends[ends.length - 1] ?? 0] };
}

const T_PATHS = 1_000_000, T_HORIZON = 12;

/**
 * Fits a bivariate Student-t (ECME) to monthly ^RUT/^GSPC returns, then times one
 * `simulateStudentTPaths` call of 1,000,000 paths × 12 months on this thread.
 */
function benchStudentT(market: LoadedMarket, source: DataSource): Outcome<Measurement> {
  const monthly = monthlyReturns(market.data);
  const t0 = process.hrtime.bigint();
  const fit: StudentTFit = fitStudentT(monthly.small, monthly.large);
  const fitSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!Number.isFinite(fit.df)) return { ok: false, message: `the Student-t fit to ${monthly.small.length} monthly returns is degenerate` };
  const out: PathOutcomes = {
    smallReturn: new Float64Array(T_PATHS), largeReturn: new Float64Array(T_PATHS),
    smallMaxDrawdown: new Float64Array(T_PATHS), largeMaxDrawdown: new Float64Array(T_PATHS),
  };
  const options = { horizon: T_HORIZON, seed: 20240918, firstPath: 0, pathCount: T_PATHS };
  let failure: string | undefined;
  const seconds = timeRuns(() => simulateStudentTPaths(fit, options, out), 1, 3, () => {
    if (!Number.isFinite(out.smallReturn[T_PATHS - 1]) || !(out.largeMaxDrawdown[T_PATHS - 1] <= 0)) failure ??= 'student-t: non-finite path outputs';
  });
  if (failure !== undefined) return { ok: false, message: failure };
  let smallWins = 0, meanSmall = 0, meanLarge = 0;
  for (let p = 0; p < T_PATHS; p += 1) {
    if (out.smallReturn[p] > out.largeReturn[p]) smallWins += 1;
    meanSmall += out.smallReturn[p];
    meanLarge += out.largeReturn[p];
  }
  return {
    ok: true,
    value: summarise('student-t-1m-single-thread', seconds, 1, T_PATHS, T_HORIZON, 1, {
      data: source.dir,
      dataOrigin: source.origin,
      synthetic: market.synthetic,
      months: monthly.small.length,
      firstMonthEnd: formatDay(monthly.firstDay),
      lastMonthEnd: formatDay(monthly.lastDay),
      fitSeconds,
      fitIterations: fit.iterations,
      df: fit.df,
      muSmall: fit.mu[0],
      muLarge: fit.mu[1],
      scaleSmall: fit.scale[0],
      scaleCross: fit.scale[1],
      scaleLarge: fit.scale[2],
      meanReturnSmall: meanSmall / T_PATHS,
      meanReturnLarge: meanLarge / T_PATHS,
      shareSmallBeatsLarge: smallWins / T_PATHS,
    }),
  };
}

const B_PATHS = 1_000_000, B_HORIZON = 252, B_MEAN_BLOCK = 21;

/** Close-to-close simple returns of both legs (column 0 small, 1 large). */
function dailyReturns(data: MarketData): { small: Float64Array; large: Float64Array } {
  const rows = data.days.length;
  const small = new Float64Array(rows - 1), large = new Float64Array(rows - 1);
  for (let i = 1; i < rows; i += 1) {
    small[i - 1] = data.closes[0][i] / data.closes[0][i - 1] - 1;
    large[i - 1] = data.closes[1][i] / data.closes[1][i - 1] - 1;
  }
  return { small, large };
}

/** The bootstrap job both bootstrap benchmarks run: the whole common history as one window. */
function bootstrapJob(data: MarketData) {
  const { small, large } = dailyReturns(data);
  return { kind: 'bootstrap' as const, windows: [{ small, large }], periodsPerYear: 252, method: 'stationary' as const, meanBlock: B_MEAN_BLOCK, horizon: B_HORIZON, seed: 20240918 };
}

/** What one timed bootstrap run reports. */
interface BootstrapRun {
  readonly seconds: number;
  /** Seconds after the last block: the summaries' final passes (order statistics, tails) and `probabilityGreater`. */
  readonly summarySeconds: number;
  readonly small: DistributionSummary;
  readonly large: DistributionSummary;
  readonly smallBeatsLarge: number;
}

/**
 * One run of the path-outcomes study (the paths of `ratecut simulate`, merged block by block
 * with their distributions accumulated as blocks arrive), then the summaries of both terminal
 * returns and the probability that small beats large.
 */
async function runBootstrapStudy(study: ReturnType<typeof pathOutcomesStudy>, options: RunStudyOptions<PathJob, ItemRange, PathOutcomes>): Promise<BootstrapRun> {
  const t0 = process.hrtime.bigint();
  const { outcomes, accumulators } = await studyResult(runStudy(study, options));
  const t1 = process.hrtime.bigint();
  const small = accumulators.smallReturn.summary(outcomes.smallReturn);
  const large = accumulators.largeReturn.summary(outcomes.largeReturn);
  const smallBeatsLarge = probabilityGreater(outcomes.smallReturn, outcomes.largeReturn);
  const t2 = process.hrtime.bigint();
  return { seconds: Number(t2 - t0) / 1e9, summarySeconds: Number(t2 - t1) / 1e9, small, large, smallBeatsLarge };
}

/**
 * The paths of `ratecut simulate --workers 1`: the path-outcomes study of 1,000,000 joint
 * stationary-bootstrap paths × 252 days (mean block 21; terminal return and maximum drawdown of
 * both legs) run in this thread, blocks of 10,000 paths merged as they finish, then both legs'
 * summaries and `probabilityGreater`. The runs merge into one `PathOutcomesMemory`, as NumPy's
 * repeated runs reuse freed memory; one more run into fresh memory (what one `ratecut simulate`
 * pays) is reported apart. The kernel alone (one `simulateBootstrapPaths` call over all paths)
 * is timed once more apart, and so is `prepareSource`.
 */
async function benchBootstrap(market: LoadedMarket, source: DataSource): Promise<Outcome<Measurement>> {
  const { data } = market;
  const rows = data.days.length;
  if (rows < 2) return { ok: false, message: 'bootstrap: fewer than 2 common days of ^RUT and ^GSPC' };
  const job = bootstrapJob(data);
  const small = job.windows[0].small;
  const t0 = process.hrtime.bigint();
  const prepared = prepareSource(makeJointSource(job.windows, 252));
  const prepareSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const memory = new PathOutcomesMemory(B_PATHS);
  const study = pathOutcomesStudy(job, B_PATHS, memory);
  const runs: BootstrapRun[] = [];
  for (let r = 0; r < 4; r += 1) {
    const run = await runBootstrapStudy(study, {});
    if (!Number.isFinite(run.small.mean) || !Number.isFinite(run.large.mean)) return { ok: false, message: 'bootstrap: non-finite path outputs' };
    if (r > 0) runs.push(run);
  }
  const fresh = await runBootstrapStudy(pathOutcomesStudy(job, B_PATHS), {});
  const out = memory.outcomes;
  const options: BootstrapOptions = { method: 'stationary', meanBlock: B_MEAN_BLOCK, horizon: B_HORIZON, seed: job.seed, firstPath: 0, pathCount: B_PATHS };
  const k0 = process.hrtime.bigint();
  simulateBootstrapPaths(prepared, options, out);
  const kernelSeconds = Number(process.hrtime.bigint() - k0) / 1e9;
  const last = runs[runs.length - 1];
  const blocks = optimalBlockLength(small);
  const at = (s: DistributionSummary, q: number): number => s.percentiles[s.percentileLevels.indexOf(q)];
  return {
    ok: true,
    value: summarise('bootstrap-1m-single-thread', runs.map((r) => r.seconds), 1, B_PATHS, B_HORIZON, 2.5, {
      data: source.dir,
      dataOrigin: source.origin,
      synthetic: market.synthetic,
      sourceRows: small.length,
      firstDay: formatDay(data.days[0]),
      lastDay: formatDay(data.days[rows - 1]),
      method: options.method,
      meanBlock: B_MEAN_BLOCK,
      seed: options.seed,
      generator: GENERATOR_NAME,
      prepareSeconds,
      kernelSeconds,
      freshMemorySeconds: fresh.seconds,
      summarySeconds: median(runs.map((r) => r.summarySeconds)),
      optimalMeanBlockSmall: blocks.stationary,
      medianReturnSmall: at(last.small, 50),
      medianReturnLarge: at(last.large, 50),
      p5ReturnSmall: at(last.small, 5),
      p5ReturnLarge: at(last.large, 5),
      cvar95Small: last.small.cvar95,
      cvar95Large: last.large.cvar95,
      shareSmallBeatsLarge: last.smallBeatsLarge,
    }),
  };
}

/**
 * The paths of `ratecut simulate --workers 2`: the same study and summaries as
 * {@link benchBootstrap}, its blocks on a pool of 2 worker threads started once before the runs
 * (the outputs come back as transferred buffers and are merged on this thread as they arrive).
 * The pool's start-up (threads, loading the executor, the context) is measured apart, and so is
 * each run's overhead: its wall time less the busier thread's time inside the kernel. Target:
 * 1.5 s wall, and ≤ 0.55× the single-thread median.
 */
/** Seconds until a worker thread that loads nothing answers its first message: Node's own cost of a thread. */
async function bareWorkerSeconds(): Promise<number> {
  const t0 = process.hrtime.bigint();
  const worker = new Worker("require('node:worker_threads').parentPort.postMessage(1)", { eval: true });
  await new Promise<void>((resolve, reject) => { worker.once('message', () => resolve()); worker.once('error', reject); });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await worker.terminate();
  return seconds;
}

/**
 * Start-up of the worker threads `ratecut simulate --workers 2` starts: a {@link BlockPool} of 2
 * threads from the compiled code, each loading the block worker and the path executor and
 * receiving the job (the market data), until both have answered; median of 5 after one warm-up,
 * against a bare thread (which loads nothing). The two start together on the 2 cores, so the
 * pool's time is each thread's. Issue 12's target is under 50 ms each.
 */
async function benchWorkerStart(market: LoadedMarket, source: DataSource): Promise<Outcome<Measurement>> {
  const study = pathOutcomesStudy(bootstrapJob(market.data), B_PATHS);
  const seconds: number[] = [], bare: number[] = [];
  for (let r = 0; r < 6; r += 1) {
    const b = await bareWorkerSeconds();
    const pool = await BlockPool.open(study.execute, study.context, 2);
    const s = pool.stats().startSeconds;
    await pool.close();
    if (r > 0) { seconds.push(s); bare.push(b); }
  }
  return {
    ok: true,
    value: summarise('worker-start', seconds, 1, 1, 0, 0.05, { data: source.dir, dataOrigin: source.origin, synthetic: market.synthetic, threads: 2, bareWorkerSeconds: median(bare), executor: study.execute.module }),
  };
}

async function benchBootstrapWorkers(market: LoadedMarket, source: DataSource): Promise<Outcome<Measurement>> {
  const { data } = market;
  if (data.days.length < 2) return { ok: false, message: 'bootstrap: fewer than 2 common days of ^RUT and ^GSPC' };
  const job = bootstrapJob(data);
  const study = pathOutcomesStudy(job, B_PATHS, new PathOutcomesMemory(B_PATHS));
  const pool = await BlockPool.open(study.execute, study.context, 2);
  const runs: BootstrapRun[] = [], overheads: number[] = [];
  let fresh: BootstrapRun;
  try {
    for (let r = 0; r < 4; r += 1) {
      const before = pool.stats().busySeconds;
      const run = await runBootstrapStudy(study, { pool });
      if (!Number.isFinite(run.small.mean) || !Number.isFinite(run.large.mean)) return { ok: false, message: 'bootstrap-1m-workers: non-finite outputs' };
      if (r === 0) continue;
      runs.push(run);
      overheads.push(run.seconds - Math.max(...pool.stats().busySeconds.map((b, w) => b - before[w])));
    }
    fresh = await runBootstrapStudy(pathOutcomesStudy(job, B_PATHS), { pool });
  } finally {
    await pool.close();
  }
  return {
    ok: true,
    value: summarise('bootstrap-1m-workers', runs.map((r) => r.seconds), 1, B_PATHS, B_HORIZON, 1.5, {
      data: source.dir, dataOrigin: source.origin, synthetic: market.synthetic, workers: 2, method: 'stationary', meanBlock: B_MEAN_BLOCK,
      generator: GENERATOR_NAME, shareSmallBeatsLarge: runs[runs.length - 1].smallBeatsLarge,
      poolStartSeconds: pool.stats().startSeconds,
      overheadSeconds: median(overheads),
      freshMemorySeconds: fresh.seconds,
      summarySeconds: median(runs.map((r) => r.summarySeconds)),
    }),
  };
}

// ---- strategies-100k-paths: the strategies of `ratecut simulate` on 100,000 paths (its own block) ----

const S_PATHS = 100_000;
/** One untimed run (the workers' code optimised, as the sweeps' warm-up runs do), then three timed. */
const S_WARMUP = 1, S_RUNS = 3;

/**
 * The strategy part of `ratecut simulate` on its default: every built-in (7) through the
 * portfolio kernel on each of 100,000 stationary-bootstrap paths × 252 days (the bootstrap job
 * of {@link benchBootstrap}), after the real 202 trading days before the data's last day, with
 * a cut path of three 25 bp monthly cuts; the path blocks (10,000 paths, each path drawn, its
 * outcomes and then the seven strategies run) on a `BlockPool` of 2 worker threads started once
 * before the runs (start-up reported apart); `S_WARMUP` untimed and `S_RUNS` timed runs. Target: under 2 s.
 */
async function benchStrategies100kPaths(market: LoadedMarket, source: DataSource): Promise<Outcome<Measurement>> {
  const { data } = market;
  if (data.days.length < 2) return { ok: false, message: 'strategies-100k-paths: fewer than 2 common days of ^RUT and ^GSPC' };
  const cutPath = Float64Array.from({ length: 12 }, (_, m) => (m < 3 ? -0.25 : 0));
  const warmUp = pathWarmUp(data, false);
  const job: PathJob = { ...bootstrapJob(data), strategies: { warmUp, cutPath, paths: S_PATHS } };
  const paths = pathOutcomesStudy(job, S_PATHS);
  const study: Study<null, PathJob, ItemRange, PathBlockOutput, readonly PathBlockOutput[]> = {
    kind: 'simulate-strategies', plan: null, context: job, blocks: paths.blocks, execute: paths.execute, merge: (outputs) => outputs,
  };
  const pool = await BlockPool.open(study.execute, study.context, 2);
  const seconds: number[] = [];
  let medianReturns: number[] = [];
  try {
    for (let r = 0; r < S_WARMUP + S_RUNS; r += 1) {
      const t0 = process.hrtime.bigint();
      const outputs = await studyResult(runStudy(study, { pool }));
      if (r >= S_WARMUP) seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
      const k = PATH_STRATEGIES.length;
      const returns = PATH_STRATEGIES.map((_, s) => outputs.flatMap((o) => {
        const all = o.strategyReturns ?? new Float64Array(0), c = all.length / k;
        return Array.from(all.subarray(s * c, (s + 1) * c));
      }));
      if (returns.some((x) => x.length !== S_PATHS || x.some((v) => !Number.isFinite(v)))) return { ok: false, message: 'strategies-100k-paths: missing or non-finite strategy outcomes' };
      medianReturns = returns.map((x) => median(x));
    }
  } finally {
    await pool.close();
  }
  const details: Record<string, string | number | boolean> = {
    data: source.dir, dataOrigin: source.origin, synthetic: market.synthetic, workers: 2, strategies: PATH_STRATEGIES.length,
    warmUpRows: warmUp.days.length, warmUpFirst: formatDay(warmUp.days[0]), warmUpLast: formatDay(warmUp.days[warmUp.days.length - 1]),
    poolStartSeconds: pool.stats().startSeconds,
  };
  PATH_STRATEGIES.forEach((s, i) => { details[`medianReturn:${s.name}`] = medianReturns[i]; });
  return { ok: true, value: summarise('strategies-100k-paths', seconds, S_WARMUP, S_PATHS, B_HORIZON, 2, details) };
}

// ---- end of strategies-100k-paths ----

const ms = (s: number): string => `${(s * 1000).toFixed(1)} ms`;
const plural = (n: number, what: string): string => (n === 0 ? '' : `, ${n} ${what}${n === 1 ? '' : 's'}`);
const wall = (s: number): string => (s < 1 ? ms(s) : `${s.toFixed(2)} s`);

function humanLine(m: Measurement): string {
  const unit = m.name.startsWith('momentum-sweep') || m.name.startsWith('sweep-') ? ['combos', 'rows'] : m.name === 'backtest-all-builtins' ? ['strategies', 'rows'] : ['paths', 'steps'];
  const size = m.rows > 0 ? `  ${m.paths.toLocaleString('en-US')} ${unit[0]} × ${m.rows.toLocaleString('en-US')} ${unit[1]}` : '';
  const verdict = m.withinTarget ? 'ok' : 'OVER TARGET';
  return `${m.name.padEnd(15)} median ${wall(m.seconds)}  min ${wall(m.minSeconds)}${size}  (${m.runs} runs${m.warmup > 0 ? ` after ${m.warmup} warm-up` : ''})  target < ${wall(m.targetSeconds)}: ${verdict}  process peak RSS ${m.peakRssMiB.toFixed(0)} MiB`;
}

/** Runs the selected benchmarks; resolves to the exit code (0 ok, 1 a benchmark failed, 2 usage). */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`bench: ${parsed.message}\n`);
    return 2;
  }
  const { json, data, only } = parsed.value;
  const selected = (name: string): boolean => only === undefined || only.includes(name);
  // --peers: every selected benchmark in its own process, then the peer programs (peers.ts).
  if (parsed.value.peers) return runPeersSession({ benchmarks: BENCHMARKS.filter(selected), json, data, peersDir: parsed.value.peersDir });
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const note = (line: string): void => void (json ? process.stderr : process.stdout).write(`${line}\n`);
  let failed = false;
  let single: Measurement | undefined;

  if (!json) out(`ratecut benchmarks: node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs`);

  if (selected('momentum-sweep-monthly')) {
    const source = resolveData(data);
    const t0 = process.hrtime.bigint();
    const market = source.ok ? loadMarket(source.value) : source;
    const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (!source.ok || !market.ok) {
      process.stderr.write(`bench: momentum-sweep-monthly: ${market.ok ? 'no data' : market.message}\n`);
      failed = true;
    } else {
      const m = benchMomentumSweepMonthly(market.value, source.value, loadSeconds);
      const d = market.value.data;
      if (market.value.synthetic) {
        const why = source.value.origin === 'sample' ? 'no real data found; ' : '';
        note(`momentum-sweep-monthly: ${why}using SYNTHETIC data from ${source.value.dir} (${source.value.origin})`);
      }
      if (json) out(JSON.stringify(m));
      else {
        out(
          `data: ${source.value.dir} (${source.value.origin}, ${market.value.synthetic ? 'SYNTHETIC' : 'real'}): ^RUT and ^GSPC closes on ` +
            `${d.days.length.toLocaleString('en-US')} common days ${formatDay(d.days[0])}..${formatDay(d.days[d.days.length - 1])}, cash DFF; ` +
            `loaded in ${ms(loadSeconds)}${plural(market.value.warnings, 'data warning')}`,
        );
        out(humanLine(m));
        out(`  relative momentum, k 1..24 months × threshold 0..0.049 on the month-end schedule, costs 5+5 bp, lag 1; best Sharpe ${Number(m.details['bestSharpe']).toFixed(3)} at k=${m.details['bestK']}, threshold ${m.details['bestThreshold']}`);
      }
    }
  }

  if (selected('cli-help')) {
    const m = benchCliHelp();
    if (!m.ok) {
      process.stderr.write(`bench: cli-help: ${m.message}\n`);
      failed = true;
    } else if (json) out(JSON.stringify(m.value));
    else {
      out(humanLine(m.value));
      out(`  the compiled CLI (dist/cli); node -e 0 took ${(Number(m.value.details['nodeStartSeconds']) * 1e3).toFixed(1)} ms in the same runs: ${Number(m.value.details['ratioToNodeStart']).toFixed(2)} times Node's start-up (target at most 1.5)`);
    }
  }
  for (const name of ['cli-cycles', 'cli-demo'] as const) {
    if (!selected(name)) continue;
    const source = resolveData(data);
    const m = !source.ok ? source : name === 'cli-cycles' ? benchCliCycles(source.value) : benchCliDemo(source.value);
    if (!m.ok) {
      process.stderr.write(`bench: ${name}: ${m.message}\n`);
      failed = true;
      continue;
    }
    const d = m.value.details;
    if (d['dataOrigin'] === 'sample') note(`${name}: using the SYNTHETIC sample (${String(d['data'])})`);
    if (json) out(JSON.stringify(m.value));
    else {
      out(humanLine(m.value).replace(' median ', ' median CPU '));
      out(name === 'cli-cycles'
        ? `  the compiled CLI on ${String(d['data'])}: CPU time of the whole process (user + system), wall ${wall(Number(d['wallSeconds']))} (target under 1.0 s CPU)`
        : `  the compiled CLI's demo against the same demo through ts-node (the sources): ${Number(d['tsNodeCpuSeconds']).toFixed(1)} s CPU there, ratio ${Number(d['ratioToTsNode']).toFixed(2)} (target at most 0.5); wall ${wall(Number(d['wallSeconds']))} against ${wall(Number(d['tsNodeWallSeconds']))}`);
    }
  }
  if (selected('worker-start')) {
    const source = resolveData(data);
    const market = source.ok ? loadMarket(source.value) : source;
    const m = source.ok && market.ok ? await benchWorkerStart(market.value, source.value) : { ok: false as const, message: market.ok ? 'no data' : market.message };
    if (!m.ok) {
      process.stderr.write(`bench: worker-start: ${m.message}\n`);
      failed = true;
    } else if (json) out(JSON.stringify(m.value));
    else {
      out(humanLine(m.value));
      out(`  2 threads started together from the compiled code, each loading the path executor and the market data, until both answer; a bare thread took ${wall(Number(m.value.details['bareWorkerSeconds']))} (target under 50 ms each)`);
    }
  }
  if (selected('student-t-1m-single-thread')) {
    const source = resolveData(data);
    const market = source.ok ? loadMarket(source.value) : source;
    const m = source.ok && market.ok ? benchStudentT(market.value, source.value) : { ok: false as const, message: market.ok ? 'no data' : market.message };
    if (!m.ok) {
      process.stderr.write(`bench: student-t-1m-single-thread: ${m.message}\n`);
      failed = true;
    } else {
      const d = m.value.details;
      if (d['synthetic'] === true) note(`student-t-1m-single-thread: using SYNTHETIC data from ${String(d['data'])} (${String(d['dataOrigin'])})`);
      if (json) out(JSON.stringify(m.value));
      else {
        out(humanLine(m.value));
        out(
          `  ${T_PATHS.toLocaleString('en-US')} paths × ${T_HORIZON} months; t fitted to ${String(d['months'])} monthly ^RUT/^GSPC returns ` +
            `${String(d['firstMonthEnd'])}..${String(d['lastMonthEnd'])} in ${ms(Number(d['fitSeconds']))}: ν ${Number(d['df']).toFixed(2)}, ` +
            `μ ${(Number(d['muSmall']) * 100).toFixed(2)}% / ${(Number(d['muLarge']) * 100).toFixed(2)}% per month; small beats large in ` +
            `${(Number(d['shareSmallBeatsLarge']) * 100).toFixed(1)}% of paths`,
        );
      }
    }
  }
  if (selected('bootstrap-1m-single-thread')) {
    const source = resolveData(data);
    const market = source.ok ? loadMarket(source.value) : source;
    const m = source.ok && market.ok ? await benchBootstrap(market.value, source.value) : { ok: false as const, message: market.ok ? 'no data' : market.message };
    if (!m.ok) {
      process.stderr.write(`bench: bootstrap-1m-single-thread: ${m.message}\n`);
      failed = true;
    } else {
      const d = m.value.details;
      if (d['synthetic'] === true) note(`bootstrap-1m-single-thread: using SYNTHETIC data from ${String(d['data'])} (${String(d['dataOrigin'])})`);
      single = m.value;
      if (json) out(JSON.stringify(m.value));
      else {
        const pct = (key: string): string => `${(Number(d[key]) * 100).toFixed(1)}%`;
        out(humanLine(m.value));
        out(
          `  ${B_PATHS.toLocaleString('en-US')} paths × ${B_HORIZON} days, stationary bootstrap (mean block ${B_MEAN_BLOCK}) of ${Number(d['sourceRows']).toLocaleString('en-US')} ` +
            `daily ^RUT/^GSPC returns ${String(d['firstDay'])}..${String(d['lastDay'])} in blocks of 10,000 on this thread, merged as they finish; ` +
            `kernel alone ${wall(Number(d['kernelSeconds']))} (one call, not in the median), prepare ${ms(Number(d['prepareSeconds']))}, summaries after the last block ${ms(Number(d['summarySeconds']))}, ` +
            `one more run into fresh memory ${ms(Number(d['freshMemorySeconds']))}; ` +
            `median 1-year return ${pct('medianReturnSmall')} small / ${pct('medianReturnLarge')} large, small beats large in ${pct('shareSmallBeatsLarge')} of paths`,
        );
      }
    }
  }
  if (selected('bootstrap-1m-workers')) {
    const source = resolveData(data);
    const market = source.ok ? loadMarket(source.value) : source;
    const m = source.ok && market.ok ? await benchBootstrapWorkers(market.value, source.value) : { ok: false as const, message: market.ok ? 'no data' : market.message };
    if (!m.ok) {
      process.stderr.write(`bench: bootstrap-1m-workers: ${m.message}\n`);
      failed = true;
    } else {
      if (m.value.details['synthetic'] === true) note(`bootstrap-1m-workers: using SYNTHETIC data from ${String(m.value.details['data'])}`);
      if (json) out(JSON.stringify(m.value));
      else {
        out(humanLine(m.value));
        const d = m.value.details;
        out(
          `  ${B_PATHS.toLocaleString('en-US')} paths × ${B_HORIZON} days in blocks of 10,000 on 2 worker threads, merged here as they finish, + the summaries, as ratecut simulate runs them; ` +
            `pool start-up ${wall(Number(d['poolStartSeconds']))} (once, not timed), per run: overhead beyond the busier thread ${ms(Number(d['overheadSeconds']))} ` +
            `(dispatch, transfer, merge, summaries), of which summaries after the last block ${ms(Number(d['summarySeconds']))}; ` +
            `one more run into fresh memory (as one ratecut simulate runs) ${ms(Number(d['freshMemorySeconds']))}`,
        );
        if (single !== undefined) out(`  2 workers / 1 thread: ${(m.value.seconds / single.seconds).toFixed(2)}× the single-thread median (target ≤ 0.55×)`);
      }
    }
  }
  if (selected('strategies-100k-paths')) {
    const source = resolveData(data);
    const market = source.ok ? loadMarket(source.value) : source;
    const m = source.ok && market.ok ? await benchStrategies100kPaths(market.value, source.value) : { ok: false as const, message: market.ok ? 'no data' : market.message };
    if (!m.ok) {
      process.stderr.write(`bench: strategies-100k-paths: ${m.message}\n`);
      failed = true;
    } else if (json) out(JSON.stringify(m.value));
    else {
      const d = m.value.details;
      if (d['synthetic'] === true) note(`strategies-100k-paths: using SYNTHETIC data from ${String(d['data'])}`);
      out(humanLine(m.value));
      out(`  7 built-ins through the portfolio kernel on each path, after the real ${String(d['warmUpRows'])} trading days ${String(d['warmUpFirst'])}..${String(d['warmUpLast'])}; 2 worker threads, pool start-up ${wall(Number(d['poolStartSeconds']))} (once, not timed)`);
    }
  }
  if (selected('backtest-all-builtins')) {
    const source = resolveData(data);
    const m = source.ok ? await benchBacktestAllBuiltins(source.value) : source;
    if (!m.ok) {
      process.stderr.write(`bench: backtest-all-builtins: ${m.message}\n`);
      failed = true;
    } else if (json) out(JSON.stringify(m.value));
    else {
      out(humanLine(m.value));
      out(`  the benchmark and ${String(m.value.details['strategies'])} built-ins over the full history and ${String(m.value.details['cycles'])} cycle windows, event engine, this thread (data loaded once, not timed)`);
    }
  }
  if (selected('report-render')) {
    const source = resolveData(data);
    const m = source.ok ? await benchReportRender(source.value) : source;
    if (!m.ok) {
      process.stderr.write(`bench: report-render: ${m.message}\n`);
      failed = true;
    } else {
      const d = m.value.details;
      if (d['dataOrigin'] === 'sample') note(`report-render: using the SYNTHETIC sample (${String(d['data'])})`);
      if (json) out(JSON.stringify(m.value));
      else {
        out(humanLine(m.value).replace(' median ', ' median first chart '));
        out(`  the demo's report.html: ${Number(d['bytes']).toLocaleString('en-US')} bytes, ${String(d['charts'])} charts, all drawn after ${wall(Number(d['allChartsSeconds']))} (median; min ${wall(Number(d['allChartsMinSeconds']))}), page ${String(d['scrollWidth'])} px wide at 1,200; Chromium ${String(d['chromium'])} (target: first chart under 1 s)`);
      }
    }
  }
  if (selected('queue-simulate-1m')) {
    const source = resolveData(data);
    const m = source.ok ? await benchQueueSimulate(source.value) : source;
    if (!m.ok) {
      process.stderr.write(`bench: queue-simulate-1m: ${m.message}\n`);
      failed = true;
    } else {
      const d = m.value.details;
      if (d['dataOrigin'] === 'sample') note(`queue-simulate-1m: using the SYNTHETIC sample (${String(d['data'])})`);
      if (json) out(JSON.stringify(m.value));
      else {
        out(humanLine(m.value).replace(' median ', ' median 2 workers '));
        out(`  through the queue on Redis ${String(d['redis'])}: 2 ratecut worker processes ${Number(d['ratioToInProcess']).toFixed(2)} times the in-process run on 2 threads (${wall(Number(d['inProcessSeconds']))}; target at most 1.3), `
          + `1 worker ${wall(Number(d['oneWorkerSeconds']))}, ${Number(d['speedUpOneToTwoWorkers']).toFixed(2)} times the 2 workers' time; files identical to the in-process run's; Redis holds ${String(d['redisUsedMiB'])} MiB after the runs`);
      }
    }
  }
  for (const spec of KERNEL_SWEEP_BENCHMARKS) {
    for (const workers of [1, 2]) {
      const name = workers === 1 ? spec.name : `${spec.name}-workers`;
      if (!selected(name)) continue;
      const source = resolveData(data);
      const market = source.ok ? loadMarket(source.value) : source;
      if (!source.ok || !market.ok) {
        process.stderr.write(`bench: ${name}: ${market.ok ? 'no data' : market.message}\n`);
        failed = true;
        continue;
      }
      const m = workers === 1 ? benchKernelSweep(spec, market.value, source.value) : await benchKernelSweepWorkers(spec, market.value, source.value);
      if (market.value.synthetic) note(`${name}: using SYNTHETIC data from ${source.value.dir}`);
      if (json) out(JSON.stringify(m));
      else {
        const d = m.details;
        const where = workers === 1 ? 'one block on this thread' : `${String(d['blocks'])} blocks on 2 worker threads, pool start-up ${wall(Number(d['poolStartSeconds']))} (once, not timed)`;
        out(humanLine(m));
        out(`  ${String(d['strategy'])} (${String(d['schedule'])}) over ${String(d['grid'])} through the portfolio kernel, ${where}: ${Number(d['nsPerRowAndCombination']).toFixed(1)} ns per row and combination (wall); best Sharpe ${Number(d['bestSharpe']).toFixed(3)} at ${String(d['best'])}`);
      }
    }
  }
  return failed ? 1 : 0;
}
