import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAX_COST_BPS, type BacktestResultJson } from '@ratecut/contracts';
import { describeFileType, readScannedJson } from '@ratecut/data-loader';
import { BUILTIN_STRATEGIES } from '@ratecut/sim-core';
import { checkOutputs, refuseFolderOut } from '@ratecut/studies/output';
import { planBacktestStudy, type ConfigSource } from '@ratecut/studies/backtest';
import { parseWindow } from '../../cli/parse-window';
import { UsageError, type CommandIo } from '../../cli/command';
import { printWarning, reportWritten } from '../../cli/messages';
import { styleOf } from '../../cli/output-style';
import { toJsonText } from '../../cli/json-text';
import { commandLine } from '../../cli/command-line';
import { openCatalog, whileLoading } from '../../cli/open-catalog';
import { printIssues } from '../../cli/messages';
import { choiceOption, numberOption, parseOptions } from '../../cli/parse-options';
import { withoutWorkers } from '../../cli/without-workers';
import { workspaceRoot } from '../../cli/workspace-root';
import { VERSION } from '../../cli/version';
import { catalogInputs, outputOptions } from '../../cli/output-options';
import { resultPaths, writeBacktestFiles } from './backtest-files';
import { formatBacktestSummary } from './format-backtest-summary';
import { runSweepCommand } from './sweep-command';
import { planFailure, runWithProgress } from './study-runner';
import { reportOutput } from '../report/write-report';

/** Parses `k=v`: numbers and booleans become typed values. */
function parseParam(text: string): [string, number | string | boolean] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param ${JSON.stringify(text)}: expected key=value`);
  const key = text.slice(0, eq), raw = text.slice(eq + 1);
  const num = Number(raw);
  return [key, raw === 'true' ? true : raw === 'false' ? false : raw.trim() !== '' && Number.isFinite(num) ? num : raw];
}

/** `ratecut backtest`: see backtest-usage.ts. argv → configuration → the backtest (or sweep) study → files and summary. */
export async function backtestCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const o = parseOptions(args, {
    strategy: { type: 'string', multiple: true },
    param: { type: 'string', multiple: true },
    sweep: { type: 'string', multiple: true },
    config: { type: 'string' },
    pair: { type: 'string' },
    cash: { type: 'string' },
    cycles: { type: 'string' },
    count: { type: 'string' },
    window: { type: 'string' },
    anchor: { type: 'string' },
    lag: { type: 'string' },
    'cost-bps': { type: 'string' },
    'slippage-bps': { type: 'string' },
    benchmark: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    data: { type: 'string' },
    'allow-outside-data': { type: 'boolean' },
    report: { type: 'string' },
    workers: { type: 'string' },
  });
  const strategiesOpt = o.strategy as unknown as string[] | undefined;
  const paramsOpt = (o.param as unknown as string[] | undefined) ?? [];
  const sweepOpt = (o.sweep as unknown as string[] | undefined) ?? [];
  const workers = numberOption('workers', o.workers, (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'a whole number of threads, 1 to 64');
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
  const fromFlags: PropertyKey[][] = [];
  const set = (key: string, value: unknown): void => { raw[key] = value; fromFlags.push([key]); };
  if (o.pair !== undefined) set('pair', o.pair);
  if (o.cash !== undefined) set('cash', o.cash);
  const lag = numberOption('lag', o.lag, (n) => Number.isInteger(n) && n >= 0, 'a whole number of rows >= 0');
  if (lag !== undefined) set('executionLag', lag);
  const costRange = `basis points from 0 to ${MAX_COST_BPS} (10 % of traded value); 5 means 0.05 %`;
  const cost = numberOption('cost-bps', o['cost-bps'], (n) => n >= 0 && n <= MAX_COST_BPS, costRange);
  if (cost !== undefined) set('costBps', cost);
  const slip = numberOption('slippage-bps', o['slippage-bps'], (n) => n >= 0 && n <= MAX_COST_BPS, costRange);
  if (slip !== undefined) set('slippageBps', slip);
  if (o.window !== undefined || o.anchor !== undefined) {
    const anchor = choiceOption('anchor', o.anchor, ['first', 'last'] as const, 'first');
    const w = parseWindow(o.window ?? '-3m..24m', anchor === 'first' ? 'first-cut' : 'last-cut');
    if (!w) throw new UsageError(`--window ${JSON.stringify(o.window)}: expected months before and after the cut as -Bm..Am, e.g. -3m..24m`);
    set('window', w);
  }
  if (o.cycles !== undefined) set('cycles', o.cycles === 'all' ? 'all' : o.cycles.split(',').map((s) => s.trim()).filter(Boolean));
  if (o.count !== undefined) set('count', o.count);
  if (o.benchmark !== undefined) set('benchmark', { name: o.benchmark });
  if (strategiesOpt !== undefined || raw['strategies'] === undefined) {
    const names = (strategiesOpt ?? ['all']).flatMap((s) => (s === 'all' ? BUILTIN_STRATEGIES.map((b) => b.name) : [s]));
    set('strategies', names.map((name) => ({ name })));
  }
  if (paramsOpt.length > 0) {
    const params = Object.fromEntries(paramsOpt.map(parseParam));
    const list = Array.isArray(raw['strategies']) ? (raw['strategies'] as { name?: unknown; params?: Record<string, unknown> }[]) : [];
    for (const key of Object.keys(params)) {
      // Own properties only: `__proto__` or `constructor` are in every object, not parameters.
      const takers = list.filter((s) => BUILTIN_STRATEGIES.find((b) => b.name === s?.name && Object.hasOwn(b.defaults, key)));
      if (takers.length === 0) throw new UsageError(`--param ${key}: no selected strategy has a parameter '${key}'`);
      for (const s of takers) {
        s.params = { ...(s.params ?? {}), [key]: params[key] };
        fromFlags.push(['strategies', list.indexOf(s), 'params', key]);
      }
    }
  }
  const source: ConfigSource = { file: o.config ?? null, ...(at === undefined ? {} : { at }), fromFlags };

  if (o.out === '-') throw new UsageError('--out -: a backtest writes a result file and its CSV side files (a sweep a CSV beside its summary); name a file, or read the summary on stdout');
  const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  const recorded = commandLine('backtest', withoutWorkers(args));
  const out = o.out ?? (sweepOpt.length > 0 ? 'results/sweep.csv' : 'results/backtest.json');
  const outputs = outputOptions(io, o.force === true, [o.config, ...catalogInputs(opened.catalog)]);
  if (sweepOpt.length === 0) refuseFolderOut(out, outputs, 'backtest.json');
  checkOutputs(sweepOpt.length > 0 ? [out] : [...Object.values(resultPaths(out)), ...(o.report === undefined ? [] : [o.report])], outputs);
  const factsDir = join(workspaceRoot(), 'data');
  if (sweepOpt.length > 0) {
    return runSweepCommand({ config: raw, source, sweeps: sweepOpt, catalog: opened.catalog, notice: opened.syntheticNotice, factsDir, commandLine: recorded }, out, outputs, io, workers);
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
