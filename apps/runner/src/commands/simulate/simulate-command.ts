import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { SCENARIO_LIMITS } from '@ratecut/contracts';
import type { Issue } from '@ratecut/sim-core';
import { mergePartials, runStudy, runStudyShard } from '@ratecut/studies';
import { checkOutputs, refuseFolderOut } from '@ratecut/studies/output';
import { defaultWorkers, isUncoveredAnalogsIssue, loadScenario, planSimulateStudy, workerStartupSeconds } from '@ratecut/studies/simulate';
import { UsageError, type CommandIo } from '../../cli/command';
import { printIssues, reportWritten } from '../../cli/messages';
import { styleOf } from '../../cli/output-style';
import { toJsonText } from '../../cli/json-text';
import { commandLine } from '../../cli/command-line';
import { openCatalog, whileLoading } from '../../cli/open-catalog';
import { numberOption, parseOptionsAndArguments } from '../../cli/parse-options';
import { withoutWorkers } from '../../cli/without-workers';
import { followStudy } from '../../cli/follow-study';
import { workspaceRoot } from '../../cli/workspace-root';
import { VERSION } from '../../cli/version';
import { catalogInputs, outputOptions } from '../../cli/output-options';
import { reportOutput } from '../report/write-report';
import { simulationPaths, writeSimulationFiles } from './simulate-files';
import { formatSimulateSummary } from './format-simulate-summary';
import { parseTarget } from './parse-target';
import { checkShardFlags, parseShard, recordedShardArgs, runShardCommand, type MergeInput } from '../../cli/shard-option';
import { parseQueueOption, runOnQueueWithProgress } from '../../cli/queue-option';



/** Options of {@link simulateCommand} for commands that run it as a step. */
export interface SimulateCommandOptions {
  /** Report a scenario whose analog cycles the data do not cover as `skipped: ...` on stdout, write nothing, exit 0. */
  readonly skipUncovered?: boolean;
  /** Merge these partial results (`ratecut merge`) instead of running the blocks. */
  readonly merge?: MergeInput;
}

/** `ratecut simulate`: see simulate-usage.ts. */
export async function simulateCommand(args: readonly string[], io: CommandIo, options: SimulateCommandOptions = {}): Promise<number> {
  const { values: o, positionals } = parseOptionsAndArguments(args, {
    paths: { type: 'string' }, seed: { type: 'string' }, method: { type: 'string' }, block: { type: 'string' },
    target: { type: 'string', multiple: true }, workers: { type: 'string' }, 'strategy-paths': { type: 'string' },
    out: { type: 'string' }, force: { type: 'boolean' }, data: { type: 'string' }, 'allow-outside-data': { type: 'boolean' }, report: { type: 'string' }, shard: { type: 'string' },
    queue: { type: 'string' }, prefix: { type: 'string' },
  });
  const shard = parseShard(o.shard);
  const queue = parseQueueOption(o);
  checkShardFlags(shard, o);
  if (positionals.length === 0) throw new UsageError('name a scenario (built-in name or JSON file)');
  if (positionals.length > 1) throw new UsageError(`one scenario at a time, got ${positionals.map((p) => JSON.stringify(p)).join(', ')}`);
  const scenarioArg = positionals[0];
  const dataDir = join(workspaceRoot(), 'data');
  const loaded = loadScenario(scenarioArg, dataDir, io.cwd);
  if (!loaded.ok) { printIssues(io, loaded.issues); return 1; }
  let { scenario } = loaded.value;
  const { file } = loaded.value;
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
  const strategyPaths = numberOption('strategy-paths', o['strategy-paths'], (n) => Number.isInteger(n) && n >= 0 && n <= 100_000, 'a whole number 0 to 100,000');
  const targets = ((o.target as unknown as string[] | undefined) ?? []).map(parseTarget);

  if (o.out === '-') throw new UsageError('--out -: a simulation writes a result file and its CSV side files; name a file, or read the summary on stdout');
  const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  const where = (field: string): string => `${field} in ${file}`;
  const planned = whileLoading(io, opened.catalog, () => planSimulateStudy({
    scenario, scenarioFile: file, catalog: opened.catalog, origin: opened.origin, notice: opened.syntheticNotice, factsDir: dataDir,
    commandLine: commandLine('simulate', withoutWorkers(args)), ratecutVersion: VERSION, targets, ...(strategyPaths === undefined ? {} : { strategyPaths }),
    sizeSources: {
      paths: o.paths !== undefined ? '--paths' : where('paths'),
      horizon: where('horizon.months'),
      strategyPaths: o['strategy-paths'] !== undefined ? '--strategy-paths' : '--strategy-paths (default: every path up to 100,000)',
    },
  }));
  if (!planned.ok) {
    if (options.skipUncovered === true && planned.issues.every(isUncoveredAnalogsIssue)) { io.stdout(`skipped: ${planned.issues[0].message}\n`); return 0; }
    printIssues(io, planned.issues);
    // A run made too large by a size given on the command line is a command-line mistake.
    const sizeFlag = o.paths !== undefined || o['strategy-paths'] !== undefined;
    return planned.issues.some((i) => i.code === 'too-large') && sizeFlag ? 2 : 1;
  }
  const study = planned.value;
  const identity = { command: { name: 'simulate', args: recordedShardArgs(args) }, ratecutVersion: VERSION };
  const choice = workersFlag === undefined ? defaultWorkers(study.plan.estimate, availableParallelism(), workerStartupSeconds(study.execute.module)) : { workers: workersFlag, reason: '--workers' };
  const out = o.out ?? `results/${scenario.name}.json`;
  const outputs = outputOptions(io, o.force === true, [file, ...catalogInputs(opened.catalog)]);
  if (shard !== undefined) {
    checkOutputs([out], outputs);
    return runShardCommand(runStudyShard(study, shard, identity, { workers: choice.workers }), out, outputs, io, `simulate ${scenario.name} shard ${shard.k}/${shard.n}`);
  }
  refuseFolderOut(out, outputs, 'simulation.json');
  checkOutputs([...Object.values(simulationPaths(out)), ...(o.report === undefined ? [] : [o.report])], outputs);
  const warnings: Issue[] = [];
  let result;
  if (options.merge !== undefined) {
    // The blocks ran elsewhere: their outputs, from the partials, merged in block order.
    const merged = mergePartials(study, options.merge.partials, identity);
    if (!merged.ok) { printIssues(io, merged.issues); return 1; }
    result = merged.value;
    warnings.push(...(study.warnings ?? []));
  } else if (queue !== undefined) {
    result = await runOnQueueWithProgress(study, identity, queue, io, `simulate ${scenario.name}`);
    if (result === undefined) return 1;
  } else {
    result = await followStudy(runStudy(study, { workers: choice.workers }), io, `simulate ${scenario.name}`);
  }
  printIssues(io, warnings);
  const report = o.report === undefined ? [] : [reportOutput([{ file: out, doc: result }], o.report)];
  const written = writeSimulationFiles(result, out, outputs, report);
  const threads = options.merge !== undefined ? `merged from ${options.merge.partials.length} shards`
    : queue !== undefined ? `ratecut worker processes on the queue at ${queue.text}` : `${choice.workers} (${choice.reason})`;
  io.stdout(styleOf(io).json ? toJsonText(result) : formatSimulateSummary(result, threads));
  reportWritten(io, written);
  return 0;
}
