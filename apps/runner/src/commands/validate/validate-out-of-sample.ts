import { join } from 'node:path';
import { SELECTION_OBJECTIVES, type OutOfSampleResultJson } from '@ratecut/contracts';
import { checkOutputs, writeResultSet } from '@ratecut/studies/output';
import { DEFAULT_SELECTION_GRIDS, OUT_OF_SAMPLE_DEFAULTS, planOutOfSampleStudy, type OutOfSampleMethod } from '@ratecut/studies/out-of-sample';
import { UsageError, type CommandIo } from '../../cli/command';
import { commandLine } from '../../cli/command-line';
import { toJsonText } from '../../cli/json-text';
import { reportWritten } from '../../cli/messages';
import { openCatalog, whileLoading } from '../../cli/open-catalog';
import { catalogInputs, outputOptions } from '../../cli/output-options';
import { styleOf } from '../../cli/output-style';
import { choiceOption, numberOption } from '../../cli/parse-options';
import { VERSION } from '../../cli/version';
import { withoutWorkers } from '../../cli/without-workers';
import { workspaceRoot } from '../../cli/workspace-root';
import { applyBacktestFlags, type BacktestFlagValues } from '../backtest/backtest-flags';
import { parseSweep } from '../backtest/parse-sweep';
import { planFailure, runWithProgress } from '../backtest/study-runner';
import { formatOutOfSample, formatOutOfSampleSummary } from './format-out-of-sample';
import { outputTargets, resultAndReport } from './result-and-report';

/** The options `validate loco` and `validate walk-forward` read (besides the backtest flags). */
export interface OutOfSampleValues extends BacktestFlagValues {
  readonly sweep?: string | string[] | undefined;
  readonly objective?: string | undefined;
  readonly 'min-train'?: string | undefined;
  readonly workers?: string | undefined;
  readonly out?: string | undefined;
  readonly report?: string | undefined;
  readonly force?: boolean | undefined;
  readonly data?: string | undefined;
  readonly 'allow-outside-data'?: boolean | undefined;
}

/**
 * `ratecut validate loco|walk-forward [--strategy <built-in>] [--sweep ...]`: the strategy's
 * parameters chosen on some cycles and tested on another, over the `--sweep` grid (else the
 * built-in's default grid); without `--strategy`, every built-in with a default grid, one study
 * each, and a summary line per built-in.
 */
export async function validateOutOfSample(method: OutOfSampleMethod, args: readonly string[], files: readonly string[], o: OutOfSampleValues, io: CommandIo): Promise<number> {
  const test = method === 'leave-one-cycle-out' ? 'loco' : 'walk-forward';
  if (files.length > 0) throw new UsageError(`validate ${test} takes no file; unexpected ${files.map((f) => JSON.stringify(f)).join(', ')}`);
  const named = o.strategy === undefined ? [] : ([] as string[]).concat(o.strategy);
  const sweeps = o.sweep === undefined ? [] : ([] as string[]).concat(o.sweep).map(parseSweep);
  if (named.length > 1) throw new UsageError(`validate ${test} takes one --strategy (or none: every built-in with a default grid)`);
  if (named.length === 0 && sweeps.length > 0) throw new UsageError('--sweep needs --strategy <built-in>');
  if (named.length === 0 && o.param !== undefined) throw new UsageError('--param needs --strategy <built-in>');
  if (named.length === 0 && o.out !== undefined) throw new UsageError('--out writes one study: name its --strategy (--json prints every study)');
  if (named.length === 0 && o.report !== undefined) throw new UsageError('--report draws one study: name its --strategy');
  if (named.length === 1 && sweeps.length === 0 && DEFAULT_SELECTION_GRIDS[named[0]] === undefined) {
    throw new UsageError(`${named[0]} has no default grid: give --sweep name=a..b[:step] (built-ins with one: ${Object.keys(DEFAULT_SELECTION_GRIDS).join(', ')})`);
  }
  const objective = choiceOption('objective', o.objective, SELECTION_OBJECTIVES, OUT_OF_SAMPLE_DEFAULTS.objective);
  const minTrain = numberOption('min-train', o['min-train'], (n) => Number.isInteger(n) && n >= 1 && n <= 100, 'a whole number of cycles 1 to 100') ?? OUT_OF_SAMPLE_DEFAULTS.minTrain;
  const workers = numberOption('workers', o.workers, (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'a whole number of threads, 1 to 64') ?? 1;
  if (o.out === '-') throw new UsageError('--out -: the document goes to stdout with --json; --out names a file');

  const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  const outputs = outputOptions(io, o.force === true, catalogInputs(opened.catalog));
  checkOutputs(outputTargets(o.out, o.report), outputs);
  const line = commandLine('validate', withoutWorkers(args));
  const runs = named.length === 1 ? [{ strategy: named[0], grid: sweeps.length > 0 ? sweeps : DEFAULT_SELECTION_GRIDS[named[0]] }]
    : Object.entries(DEFAULT_SELECTION_GRIDS).map(([strategy, grid]) => ({ strategy, grid }));
  const docs: OutOfSampleResultJson[] = [];
  for (const run of runs) {
    const raw: Record<string, unknown> = {};
    const fromFlags = applyBacktestFlags(raw, { ...o, strategy: run.strategy });
    const sweep = {
      config: raw, source: { file: null, fromFlags }, grid: run.grid, catalog: opened.catalog,
      notice: opened.syntheticNotice, factsDir: join(workspaceRoot(), 'data'), commandLine: line,
    };
    const planned = whileLoading(io, opened.catalog, () => planOutOfSampleStudy({ sweep, method, objective, minTrain, commandLine: line, ratecutVersion: VERSION }));
    if (!planned.ok) return planFailure(io, planned.issues);
    docs.push(await runWithProgress<OutOfSampleResultJson>(planned.value, io, `validate ${test} ${run.strategy}`, workers));
  }
  const json = styleOf(io).json;
  if (docs.length === 1) {
    const text = toJsonText(docs[0]);
    const toWrite = resultAndReport(docs[0], text, o.out, o.report, `validate ${test} (no --out)`);
    const written = toWrite.length === 0 ? [] : writeResultSet(toWrite, outputs);
    io.stdout(json ? text : formatOutOfSample(docs[0]));
    reportWritten(io, written);
  } else {
    io.stdout(json ? toJsonText({ command: `validate ${test}`, studies: docs }) : formatOutOfSampleSummary(docs));
  }
  return 0;
}
