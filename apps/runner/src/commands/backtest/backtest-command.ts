import { join } from 'node:path';
import { BUILTIN_STRATEGIES } from '@ratecut/sim-core';
import { parseWindow } from '../../cli/parse-window';
import { MAX_COST_BPS } from './backtest-config';
import { UsageError, type CommandIo } from '../../cli/command';
import { commandLine } from '../../cli/command-line';
import { openCatalog, printIssues } from '../../cli/open-catalog';
import { choiceOption, numberOption, parseOptions } from '../../cli/parse-options';
import { progressBar } from '../../cli/progress-bar';
import { workspaceRoot } from '../../cli/workspace-root';
import { catalogInputs, outputOptions } from '../../cli/output-options';
import { checkOutputs, refuseFolderOut } from '../../cli/result-set-writer';
import { buildBacktestResult } from './build-backtest-result';
import { resultPaths, writeBacktestFiles } from './backtest-files';
import { formatBacktestSummary } from './format-backtest-summary';
import { readConfigFile, validateConfig } from './read-backtest-config';
import { runSweepCommand } from './sweep-command';
import { reportOutput } from '../report/write-report';
import { ParameterError } from '@ratecut/sim-core';

/** Parses `k=v`: numbers and booleans become typed values. */
function parseParam(text: string): [string, number | string | boolean] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param ${JSON.stringify(text)}: expected key=value`);
  const key = text.slice(0, eq), raw = text.slice(eq + 1);
  const num = Number(raw);
  return [key, raw === 'true' ? true : raw === 'false' ? false : raw.trim() !== '' && Number.isFinite(num) ? num : raw];
}

/** `ratecut backtest`: see backtest-usage.ts. */
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
  });
  const strategiesOpt = o.strategy as unknown as string[] | undefined;
  const paramsOpt = (o.param as unknown as string[] | undefined) ?? [];
  const sweepOpt = (o.sweep as unknown as string[] | undefined) ?? [];

  // Configuration: file, then flags on top, then one zod validation of the whole.
  let raw: Record<string, unknown> = {};
  if (o.config !== undefined) {
    const read = readConfigFile(o.config, io.cwd);
    if (!read.ok) { for (const e of read.errors) io.stderr(`${e}\n`); return 1; }
    raw = read.value;
  }
  if (o.pair !== undefined) raw['pair'] = o.pair;
  if (o.cash !== undefined) raw['cash'] = o.cash;
  const lag = numberOption('lag', o.lag, (n) => Number.isInteger(n) && n >= 0, 'a whole number of rows >= 0');
  if (lag !== undefined) raw['executionLag'] = lag;
  const costRange = `basis points from 0 to ${MAX_COST_BPS} (10 % of traded value); 5 means 0.05 %`;
  const cost = numberOption('cost-bps', o['cost-bps'], (n) => n >= 0 && n <= MAX_COST_BPS, costRange);
  if (cost !== undefined) raw['costBps'] = cost;
  const slip = numberOption('slippage-bps', o['slippage-bps'], (n) => n >= 0 && n <= MAX_COST_BPS, costRange);
  if (slip !== undefined) raw['slippageBps'] = slip;
  if (o.window !== undefined || o.anchor !== undefined) {
    const anchor = choiceOption('anchor', o.anchor, ['first', 'last'] as const, 'first');
    const w = parseWindow(o.window ?? '-3m..24m', anchor === 'first' ? 'first-cut' : 'last-cut');
    if (!w) throw new UsageError(`--window ${JSON.stringify(o.window)}: expected months before and after the cut as -Bm..Am, e.g. -3m..24m`);
    raw['window'] = w;
  }
  if (o.cycles !== undefined) raw['cycles'] = o.cycles === 'all' ? 'all' : o.cycles.split(',').map((s) => s.trim()).filter(Boolean);
  if (o.count !== undefined) raw['count'] = o.count;
  if (o.benchmark !== undefined) raw['benchmark'] = { name: o.benchmark };
  if (strategiesOpt !== undefined || raw['strategies'] === undefined) {
    const names = (strategiesOpt ?? ['all']).flatMap((s) => (s === 'all' ? BUILTIN_STRATEGIES.map((b) => b.name) : [s]));
    raw['strategies'] = names.map((name) => ({ name }));
  }
  if (paramsOpt.length > 0) {
    const params = Object.fromEntries(paramsOpt.map(parseParam));
    const list = raw['strategies'] as { name: string; params?: Record<string, unknown> }[];
    for (const key of Object.keys(params)) {
      // Own properties only: `__proto__` or `constructor` are in every object, not parameters.
      const takers = list.filter((s) => BUILTIN_STRATEGIES.find((b) => b.name === s.name && Object.hasOwn(b.defaults, key)));
      if (takers.length === 0) throw new UsageError(`--param ${key}: no selected strategy has a parameter '${key}'`);
      for (const s of takers) s.params = { ...(s.params ?? {}), [key]: params[key] };
    }
  }
  const validated = validateConfig(raw, o.config ?? 'command line');
  if (!validated.ok) { for (const e of validated.errors) io.stderr(`${e}\n`); return 2; }
  const config = validated.value;

  const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  const recorded = commandLine('backtest', args);
  const out = o.out ?? (sweepOpt.length > 0 ? 'results/sweep.csv' : 'results/backtest.json');
  const outputs = outputOptions(io, o.force === true, [o.config, ...catalogInputs(opened.catalog)]);
  if (sweepOpt.length === 0) refuseFolderOut(out, outputs, 'backtest.json');
  checkOutputs(sweepOpt.length > 0 ? [out] : [...Object.values(resultPaths(out)), ...(o.report === undefined ? [] : [o.report])], outputs);
  if (sweepOpt.length > 0) return runSweepCommand(config, sweepOpt, opened, out, outputs, io, recorded);

  const bar = progressBar('backtest');
  let built;
  try {
    built = buildBacktestResult(config, {
      catalog: opened.catalog, origin: opened.origin, notice: opened.syntheticNotice, dataDir: join(workspaceRoot(), 'data'),
      commandLine: recorded, onProgress: (d, t) => bar.update(d, t),
    });
  } catch (e) {
    if (e instanceof ParameterError) throw new UsageError(e.message);
    throw e;
  } finally {
    bar.done();
  }
  if (!built.ok) { printIssues(io, built.issues); return 1; }
  printIssues(io, built.warnings);
  for (const w of built.notes) io.stderr(`warning: ${w}\n`);
  const report = o.report === undefined ? [] : [reportOutput([{ file: out, doc: built.result }], o.report)];
  const written = writeBacktestFiles(built.result, out, outputs, report);
  io.stdout(formatBacktestSummary(built.result, written));
  return 0;
}
