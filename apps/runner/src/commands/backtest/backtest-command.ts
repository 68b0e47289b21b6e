import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BacktestResultJson } from '@ratecut/contracts';
import { describeFileType, readScannedJson } from '@ratecut/data-loader';
import { checkOutputs, refuseFolderOut } from '@ratecut/studies/output';
import { planBacktestStudy, type ConfigSource } from '@ratecut/studies/backtest';
import { UsageError, type CommandIo } from '../../cli/command';
import { printIssues, printWarning, reportWritten } from '../../cli/messages';
import { styleOf } from '../../cli/output-style';
import { toJsonText } from '../../cli/json-text';
import { commandLine } from '../../cli/command-line';
import { openCatalog, whileLoading } from '../../cli/open-catalog';
import { numberOption, parseOptions } from '../../cli/parse-options';
import { withoutWorkers } from '../../cli/without-workers';
import { workspaceRoot } from '../../cli/workspace-root';
import { VERSION } from '../../cli/version';
import { catalogInputs, outputOptions } from '../../cli/output-options';
import { resultPaths, writeBacktestFiles } from './backtest-files';
import { formatBacktestSummary } from './format-backtest-summary';
import { runSweepCommand } from './sweep-command';
import { applyBacktestFlags, BACKTEST_FLAG_OPTIONS } from './backtest-flags';
import { planFailure, runWithProgress } from './study-runner';
import { reportOutput } from '../report/write-report';
import { checkShardFlags, parseShard, type MergeInput } from '../../cli/shard-option';
import { parseQueueOption } from '../../cli/queue-option';

/**
 * `ratecut backtest`: see backtest-usage.ts. argv → configuration → the backtest (or sweep) study → files and summary.
 * With `options.merge` (from `ratecut merge`), a sweep merges those partial results instead of running its blocks.
 */
export async function backtestCommand(args: readonly string[], io: CommandIo, options: { readonly merge?: MergeInput } = {}): Promise<number> {
  const o = parseOptions(args, {
    ...BACKTEST_FLAG_OPTIONS,
    sweep: { type: 'string', multiple: true },
    config: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    data: { type: 'string' },
    'allow-outside-data': { type: 'boolean' },
    report: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    queue: { type: 'string' },
    prefix: { type: 'string' },
  });
  const shard = parseShard(o.shard);
  const queue = parseQueueOption(o);
  const sweepOpt = (o.sweep as unknown as string[] | undefined) ?? [];
  const workers = numberOption('workers', o.workers, (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'a whole number of threads, 1 to 64');
  if ((shard !== undefined || options.merge !== undefined) && sweepOpt.length === 0) throw new UsageError('--shard splits the combinations of a --sweep; a single backtest runs in one process');
  if (queue !== undefined && sweepOpt.length === 0) throw new UsageError('--queue runs the combinations of a --sweep on ratecut worker processes; a single backtest runs in one process');
  checkShardFlags(shard, o);
  if (workers !== undefined && sweepOpt.length === 0) throw new UsageError('--workers runs the combinations of a --sweep on worker threads; give it with --sweep');

  // The configuration: the file's object, then the flags on top (each remembered, to place problems).
  let raw: Record<string, unknown> = {};
  let at: ConfigSource['at'];
  if (o.config !== undefined) {
    const path = resolve(io.cwd, o.config);
    let st; // a folder, FIFO or device named as the config; the reader words a missing or unreadable path
    try { st = statSync(path); } catch { st = undefined; }
    if (st !== undefined && !st.isFile()) { printIssues(io, [{ code: 'not-a-file', severity: 'error', file: o.config, message: `is ${describeFileType(st)}; name a file` }]); return 1; }
    const read = readScannedJson(path, 'bad-config');
    if (!read.ok) { printIssues(io, read.issues); return 1; }
    const value = read.value.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      printIssues(io, [{ code: 'bad-config', severity: 'error', file: o.config, line: 1, column: 1, message: 'expected a JSON object of backtest settings' }]);
      return 1;
    }
    raw = { ...(value as Record<string, unknown>) };
    at = read.value.at;
  }
  const fromFlags = applyBacktestFlags(raw, o);
  const source: ConfigSource = { file: o.config ?? null, ...(at === undefined ? {} : { at }), fromFlags };

  if (o.out === '-') throw new UsageError('--out -: a backtest writes a result file and its CSV side files (a sweep a CSV beside its summary); name a file, or read the summary on stdout');
  const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  const recorded = commandLine('backtest', withoutWorkers(args));
  const out = o.out ?? (sweepOpt.length > 0 ? 'results/sweep.csv' : 'results/backtest.json');
  const outputs = outputOptions(io, o.force === true, [o.config, ...catalogInputs(opened.catalog)]);
  if (sweepOpt.length === 0) refuseFolderOut(out, outputs, 'backtest.json');
  checkOutputs([...(sweepOpt.length > 0 ? [out] : Object.values(resultPaths(out))), ...(o.report === undefined ? [] : [o.report])], outputs);
  const sharding = {
    ...(shard === undefined ? {} : { shard }), ...(options.merge === undefined ? {} : { merge: options.merge }),
    ...(queue === undefined ? {} : { queue }), args,
  };
  const factsDir = join(workspaceRoot(), 'data');
  if (sweepOpt.length > 0) {
    return runSweepCommand({ config: raw, source, sweeps: sweepOpt, catalog: opened.catalog, notice: opened.syntheticNotice, factsDir, commandLine: recorded }, out, outputs, io, workers, o.report, sharding);
  }

  const planned = whileLoading(io, opened.catalog, () => planBacktestStudy({
    config: raw, source, catalog: opened.catalog, origin: opened.origin, notice: opened.syntheticNotice, factsDir,
    commandLine: recorded, ratecutVersion: VERSION,
  }));
  if (!planned.ok) return planFailure(io, planned.issues);
  const study = planned.value;
  const result: BacktestResultJson = await runWithProgress(study, io, 'backtest');
  // The result's warnings: the planning warnings (printed as the study started), then the replay's own.
  for (const w of result.warnings.slice(study.plan.warnings.length)) printWarning(io, `warning: ${w}`);
  const report = o.report === undefined ? [] : [reportOutput([{ file: out, doc: result }], o.report)];
  const written = writeBacktestFiles(result, out, outputs, report);
  io.stdout(styleOf(io).json ? toJsonText(result) : formatBacktestSummary(result));
  reportWritten(io, written);
  return 0;
}
