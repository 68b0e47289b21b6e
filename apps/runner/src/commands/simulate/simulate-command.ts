import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UsageError, type CommandIo } from '../../cli/command';
import { commandLine } from '../../cli/command-line';
import { openCatalog, printIssues } from '../../cli/open-catalog';
import { numberOption, parseOptions } from '../../cli/parse-options';
import { progressBar } from '../../cli/progress-bar';
import { workspaceRoot } from '../../cli/workspace-root';
import { simulationPaths, writeSimulationFiles } from './simulate-files';
import { catalogInputs, outputOptions } from '../../cli/output-options';
import { checkOutputs, refuseFolderOut } from '../../cli/result-set-writer';
import { formatSimulateSummary } from './format-simulate-summary';
import { loadScenario } from './load-scenario';
import { SCENARIO_LIMITS } from './scenario-schema';
import { budgetProblems, defaultWorkers, estimateSimulation } from './simulation-budget';
import { PAIRS } from '@ratecut/data-loader';
import { parseTarget } from './parse-target';
import { runSimulation } from './run-simulation';
import { reportOutput } from '../report/write-report';
import { ParameterError } from '@ratecut/sim-core';

/** The command line without --workers, which never changes results (so files match across worker counts). */
function withoutWorkers(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--workers') { i += 1; continue; }
    if (args[i].startsWith('--workers=')) continue;
    out.push(args[i]);
  }
  return out;
}

/** `ratecut simulate`: see simulate-usage.ts. */
export async function simulateCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const scenarioArg = args.find((a, i) => !a.startsWith('-') && (i === 0 || !['--paths', '--seed', '--method', '--block', '--target', '--workers', '--strategy-paths', '--out', '--data', '--report'].includes(args[i - 1])));
  if (scenarioArg === undefined) throw new UsageError('name a scenario (built-in name or JSON file)');
  const rest = args.filter((a) => a !== scenarioArg);
  const o = parseOptions(rest, {
    paths: { type: 'string' }, seed: { type: 'string' }, method: { type: 'string' }, block: { type: 'string' },
    target: { type: 'string', multiple: true }, workers: { type: 'string' }, 'strategy-paths': { type: 'string' },
    out: { type: 'string' }, force: { type: 'boolean' }, data: { type: 'string' }, 'allow-outside-data': { type: 'boolean' }, report: { type: 'string' },
  });
  const dataDir = join(workspaceRoot(), 'data');
  const loaded = loadScenario(scenarioArg, dataDir, io.cwd);
  if (!loaded.ok) { for (const e of loaded.errors) io.stderr(`${e}\n`); return 2; }
  let scenario = loaded.value;
  const paths = numberOption('paths', o.paths, (n) => Number.isInteger(n) && n >= 1 && n <= SCENARIO_LIMITS.maxPaths, `a whole number of paths, 1 to ${SCENARIO_LIMITS.maxPaths.toLocaleString('en-US')}`);
  const seed = numberOption('seed', o.seed, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, 'a whole number 0 to 2^32-1');
  if (paths !== undefined) scenario = { ...scenario, paths };
  if (seed !== undefined) scenario = { ...scenario, seed };
  if (o.method !== undefined || o.block !== undefined) {
    const kind = o.method ?? scenario.method.kind;
    if (!['stationary', 'circular', 'iid', 'student-t', 'rate-sensitivity'].includes(kind)) throw new UsageError(`--method ${JSON.stringify(kind)}: expected stationary, circular, iid, student-t or rate-sensitivity`);
    const block = o.block === undefined || o.block === 'auto' ? 'auto' : numberOption('block', o.block, (n) => n >= 1 && n <= SCENARIO_LIMITS.maxMeanBlock, `a mean block length from 1 to ${SCENARIO_LIMITS.maxMeanBlock} rows, or auto`);
    scenario = { ...scenario, method: kind === 'stationary' || kind === 'circular' ? { kind, meanBlock: block ?? 'auto' } : ({ kind } as typeof scenario.method) };
  }
  const workersFlag = numberOption('workers', o.workers, (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'a whole number of threads, 1 to 64');
  const strategyPaths = numberOption('strategy-paths', o['strategy-paths'], (n) => Number.isInteger(n) && n >= 0 && n <= 100_000, 'a whole number 0 to 100,000') ?? 200;
  const targets = ((o.target as unknown as string[] | undefined) ?? []).map(parseTarget);

  const pair = PAIRS.find((p) => p.id === scenario.pair);
  if (!pair) throw new UsageError(`unknown pair ${scenario.pair}`);
  const estimate = estimateSimulation(scenario, pair.frequency, strategyPaths);
  const where = (field: string) => `${field} in ${loaded.file}`;
  const tooLarge = budgetProblems(estimate, strategyPaths, {
    paths: o.paths !== undefined ? '--paths' : where('paths'),
    horizon: where('horizon.months'),
    strategyPaths: o['strategy-paths'] !== undefined ? '--strategy-paths' : '--strategy-paths (default 200)',
  });
  if (tooLarge.length > 0) { for (const m of tooLarge) io.stderr(`${loaded.file}: error too-large: ${m}\n`); return 2; }
  const choice = workersFlag === undefined ? defaultWorkers(estimate, availableParallelism()) : { workers: workersFlag, reason: '--workers' };
  const workers = choice.workers;

  const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  const out = o.out ?? `results/${scenario.name}.json`;
  const outputs = outputOptions(io, o.force === true, [loaded.file, ...catalogInputs(opened.catalog)]);
  refuseFolderOut(out, outputs, 'simulation.json');
  checkOutputs([...Object.values(simulationPaths(out)), ...(o.report === undefined ? [] : [o.report])], outputs);
  const bar = progressBar(`simulate ${scenario.name}`);
  let run;
  try {
    run = await runSimulation(scenario, {
      catalog: opened.catalog, origin: opened.origin, notice: opened.syntheticNotice, dataDir,
      commandLine: commandLine('simulate', withoutWorkers(args)), workers, targets, strategyPaths,
      onProgress: (d, t) => bar.update(d, t),
    });
  } catch (e) {
    if (e instanceof ParameterError) throw new UsageError(e.message);
    throw e;
  } finally {
    bar.done();
  }
  if (!run.ok) { printIssues(io, run.issues); return 1; }
  printIssues(io, run.warnings);
  const report = o.report === undefined ? [] : [reportOutput([{ file: out, doc: run.result }], o.report)];
  const written = writeSimulationFiles(run.result, out, outputs, report);
  io.stdout(formatSimulateSummary(run.result, written, `${workers} (${choice.reason})`));
  return 0;
}
