import { join } from 'node:path';
import { DEFAULT_CYCLE_COUNTING, DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS } from '@ratecut/sim-core';
import { checkOutputs, writeResultSet } from '@ratecut/studies/output';
import { readResultFile } from '@ratecut/studies';
import { planSpaStudy, planSpaSweepStudy, type SpaStudy, type SpaSweepStudy } from '@ratecut/studies/spa';
import type { SpaResultJson } from '@ratecut/contracts';
import type { LoadResult } from '@ratecut/sim-core';
import { applyBacktestFlags, BACKTEST_FLAG_OPTIONS } from '../backtest/backtest-flags';
import { parseSweep } from '../backtest/parse-sweep';
import { EVENT_ANCHORS, EVENT_STUDY_DEFAULTS, planEventStudy } from '@ratecut/studies/event-study';
import { UsageError, type CommandIo } from '../../cli/command';
import { commandLine } from '../../cli/command-line';
import { didYouMean } from '../../cli/did-you-mean';
import { toJsonText } from '../../cli/json-text';
import { printIssues, reportWritten } from '../../cli/messages';
import { openCatalog, whileLoading } from '../../cli/open-catalog';
import { catalogInputs, outputOptions } from '../../cli/output-options';
import { styleOf } from '../../cli/output-style';
import { choiceOption, numberOption, parseOptionsAndArguments, type OptionValues } from '../../cli/parse-options';
import { VERSION } from '../../cli/version';
import { withoutWorkers } from '../../cli/without-workers';
import { workspaceRoot } from '../../cli/workspace-root';
import { planFailure, runWithProgress } from '../backtest/study-runner';
import { formatEventStudy } from './format-event-study';
import { formatSpa } from './format-spa';
import { validateOutOfSample } from './validate-out-of-sample';
import { validateCalibration } from './validate-calibration';
import { outputTargets, resultAndReport } from './result-and-report';

/** A whole number from `lo` to `hi`. */
const whole = (lo: number, hi: number) => (n: number): boolean => Number.isInteger(n) && n >= lo && n <= hi;

/**
 * `ratecut validate spa <backtest.json>` or `ratecut validate spa --strategy <built-in> --sweep
 * ...`: the Reality Check and the SPA test over the file's strategies, or over the combinations
 * of the sweep, against the benchmark.
 */
async function validateSpa(args: readonly string[], files: readonly string[], o: ValidateValues, io: CommandIo): Promise<number> {
  const sweeps = o.sweep === undefined ? [] : ([] as string[]).concat(o.sweep);
  const sweepOnly = Object.keys(BACKTEST_FLAG_OPTIONS).concat(['workers', 'data', 'allow-outside-data']).filter((k) => o[k as keyof ValidateValues] !== undefined);
  if (files.length > 1) throw new UsageError(`one backtest result file at a time, got ${files.map((f) => JSON.stringify(f)).join(', ')}`);
  if (files.length === 1 && sweeps.length > 0) throw new UsageError('give a backtest result file or a --sweep, not both');
  if (files.length === 1 && sweepOnly.length > 0) throw new UsageError(`--${sweepOnly[0]} describes a sweep; a result file holds its own settings`);
  if (files.length === 0 && sweeps.length === 0) throw new UsageError('name a backtest result file (from ratecut backtest --out), or a sweep: --strategy <built-in> --sweep name=a..b[:step]');
  const resamples = numberOption('resamples', o.resamples, whole(100, 1_000_000), 'a whole number 100 to 1,000,000') ?? SPA_DEFAULTS.resamples;
  const seed = numberOption('seed', o.seed, whole(0, 2 ** 32 - 1), 'a whole number 0 to 2^32-1') ?? SPA_DEFAULTS.seed;
  const meanBlock = o.block === undefined || o.block === 'auto' ? undefined : numberOption('block', o.block, (n) => n >= 1 && n <= 10_000, 'a mean block length from 1 to 10,000 periods, or auto');
  const workers = numberOption('workers', o.workers, whole(1, 64), 'a whole number of threads, 1 to 64') ?? 1;
  if (o.out === '-') throw new UsageError('--out -: the document goes to stdout with --json; --out names a file');
  const settings = { seed, resamples, meanBlock, commandLine: commandLine('validate', withoutWorkers(args)), ratecutVersion: VERSION };
  let planned: LoadResult<SpaStudy | SpaSweepStudy>;
  let outputs;
  if (files.length === 1) {
    const read = readResultFile(files[0], io.cwd, ['backtest']);
    if (!read.ok) { printIssues(io, read.issues); return 1; }
    outputs = outputOptions(io, o.force === true, [files[0]]);
    checkOutputs(outputTargets(o.out, o.report), outputs);
    planned = planSpaStudy({ ...settings, result: read.value });
  } else {
    const raw: Record<string, unknown> = {};
    const fromFlags = applyBacktestFlags(raw, o);
    const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
    if (!opened) return 1;
    outputs = outputOptions(io, o.force === true, catalogInputs(opened.catalog));
    checkOutputs(outputTargets(o.out, o.report), outputs);
    const sweep = {
      config: raw, source: { file: null, fromFlags }, grid: sweeps.map(parseSweep), catalog: opened.catalog,
      notice: opened.syntheticNotice, factsDir: join(workspaceRoot(), 'data'), commandLine: settings.commandLine,
    };
    planned = whileLoading(io, opened.catalog, () => planSpaSweepStudy({ ...settings, sweep }));
  }
  if (!planned.ok) return planFailure(io, planned.issues);
  const doc: SpaResultJson = await runWithProgress<SpaResultJson>(planned.value, io, 'validate spa', workers);
  const text = toJsonText(doc);
  const toWrite = resultAndReport(doc, text, o.out, o.report, 'validate spa (no --out)');
  const written = toWrite.length === 0 ? [] : writeResultSet(toWrite, outputs);
  io.stdout(styleOf(io).json ? text : formatSpa(doc));
  reportWritten(io, written);
  return 0;
}

/** The defaults of `ratecut validate spa`. */
const SPA_DEFAULTS = { resamples: 2000, seed: 1 } as const;

/** Every option of `ratecut validate`; each test takes some of them ({@link TEST_OPTIONS}). */
const VALIDATE_OPTIONS = {
  ...BACKTEST_FLAG_OPTIONS,
  resamples: { type: 'string' }, placebos: { type: 'string' }, seed: { type: 'string' }, confidence: { type: 'string' },
  'exclude-months': { type: 'string' }, 'min-move-bp': { type: 'string' }, 'pause-months': { type: 'string' },
  'recession-months': { type: 'string' }, workers: { type: 'string' }, out: { type: 'string' }, report: { type: 'string' }, force: { type: 'boolean' },
  data: { type: 'string' }, 'allow-outside-data': { type: 'boolean' }, block: { type: 'string' }, sweep: { type: 'string', multiple: true },
  objective: { type: 'string' }, 'min-train': { type: 'string' }, paths: { type: 'string' }, method: { type: 'string' },
} as const;

/** The parsed options of `ratecut validate`. */
type ValidateValues = OptionValues<typeof VALIDATE_OPTIONS>;

/** The tests `ratecut validate` runs, and the options each takes (besides the global ones). */
const TESTS = ['event', 'spa', 'loco', 'walk-forward', 'calibration'] as const;
/** The backtest settings a sweep takes (`validate spa --sweep`, `loco`, `walk-forward`). */
const SWEEP_SETTINGS = ['strategy', 'param', 'sweep', 'pair', 'cash', 'lag', 'cost-bps', 'slippage-bps', 'benchmark'];
const TEST_OPTIONS: Readonly<Record<(typeof TESTS)[number], readonly string[]>> = {
  event: ['resamples', 'placebos', 'seed', 'confidence', 'exclude-months', 'count', 'min-move-bp', 'pause-months', 'recession-months', 'workers', 'out', 'report', 'force', 'data', 'allow-outside-data', 'anchor'],
  spa: ['resamples', 'seed', 'block', 'out', 'report', 'force', 'workers', 'data', 'allow-outside-data', ...SWEEP_SETTINGS],
  loco: ['objective', 'out', 'report', 'force', 'workers', 'data', 'allow-outside-data', 'cycles', 'count', 'window', 'anchor', ...SWEEP_SETTINGS],
  calibration: ['paths', 'method', 'workers', 'out', 'report', 'force', 'data', 'allow-outside-data'],
  'walk-forward': ['objective', 'min-train', 'out', 'report', 'force', 'workers', 'data', 'allow-outside-data', 'cycles', 'count', 'window', 'anchor', ...SWEEP_SETTINGS],
};

/** `ratecut validate`: see validate-usage.ts. argv → the event study → its table or JSON, and the file. */
export async function validateCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values: o, positionals } = parseOptionsAndArguments(args, VALIDATE_OPTIONS);
  const [test, ...rest] = positionals;
  if (test === undefined) throw new UsageError(`name a test: event (the event study of first cuts), spa (Reality Check and SPA over a backtest's strategies), loco or walk-forward (parameters chosen on some cycles, tested on another), calibration (the simulator against held-out cycles)`);
  if (!(TESTS as readonly string[]).includes(test)) {
    const hint = didYouMean(test, TESTS);
    throw new UsageError(`unknown test '${test}'${hint === undefined ? '' : `; did you mean '${hint}'?`} Tests: ${TESTS.join(', ')}`);
  }
  const name = test as (typeof TESTS)[number];
  const stray = Object.keys(o).filter((k) => o[k as keyof typeof o] !== undefined && !TEST_OPTIONS[name].includes(k));
  if (stray.length > 0) throw new UsageError(`--${stray[0]} is not an option of validate ${name}`);
  if (name === 'spa') return validateSpa(args, rest, o, io);
  if (name === 'loco') return validateOutOfSample('leave-one-cycle-out', args, rest, o, io);
  if (name === 'walk-forward') return validateOutOfSample('walk-forward', args, rest, o, io);
  if (name === 'calibration') return validateCalibration(args, rest, o, io);
  if (rest.length > 0) throw new UsageError(`validate event takes no file; unexpected ${rest.map((e) => JSON.stringify(e)).join(', ')}`);
  const resamples = numberOption('resamples', o.resamples, whole(100, 1_000_000), 'a whole number 100 to 1,000,000') ?? EVENT_STUDY_DEFAULTS.resamples;
  const placebos = numberOption('placebos', o.placebos, whole(100, 1_000_000), 'a whole number 100 to 1,000,000') ?? EVENT_STUDY_DEFAULTS.placebos;
  const seed = numberOption('seed', o.seed, whole(0, 2 ** 32 - 1), 'a whole number 0 to 2^32-1') ?? EVENT_STUDY_DEFAULTS.seed;
  const confidence = numberOption('confidence', o.confidence, (n) => n >= 0.5 && n <= 0.999, 'a level from 0.5 to 0.999, e.g. 0.9') ?? EVENT_STUDY_DEFAULTS.confidence;
  const excludeMonths = numberOption('exclude-months', o['exclude-months'], whole(0, 24), 'a whole number of months 0 to 24') ?? EVENT_STUDY_DEFAULTS.excludeMonths;
  const anchor = choiceOption('anchor', o.anchor, EVENT_ANCHORS, EVENT_STUDY_DEFAULTS.anchor);
  const counting = choiceOption('count', o.count, ['episodes', 'first-cuts'] as const, DEFAULT_CYCLE_COUNTING);
  const minMoveBp = numberOption('min-move-bp', o['min-move-bp'], (n) => n >= 0, 'a number of basis points >= 0') ?? DEFAULT_EASING_CYCLE_RULE.minMoveBp;
  const pauseMonths = numberOption('pause-months', o['pause-months'], whole(1, 1200), 'a whole number of months >= 1') ?? DEFAULT_EASING_CYCLE_RULE.pauseMonths;
  const recessionWindowMonths = numberOption('recession-months', o['recession-months'], whole(0, 1200), 'a whole number of months >= 0') ?? DEFAULT_RECESSION_WINDOW_MONTHS;
  const workers = numberOption('workers', o.workers, whole(1, 64), 'a whole number of threads, 1 to 64') ?? 1;
  if (o.out === '-') throw new UsageError('--out -: the document goes to stdout with --json; --out names a file');

  const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  const outputs = outputOptions(io, o.force === true, catalogInputs(opened.catalog));
  checkOutputs(outputTargets(o.out, o.report), outputs);
  const planned = whileLoading(io, opened.catalog, () => planEventStudy({
    catalog: opened.catalog, origin: opened.origin, dataDir: join(workspaceRoot(), 'data'), notice: opened.syntheticNotice,
    commandLine: commandLine('validate', withoutWorkers(args)), ratecutVersion: VERSION,
    settings: { cycles: { rule: { minMoveBp, pauseMonths }, recessionWindowMonths, counting }, seed, resamples, placebos, confidence, excludeMonths, anchor },
  }));
  if (!planned.ok) return planFailure(io, planned.issues);
  const doc = await runWithProgress(planned.value, io, 'validate event', workers);
  const text = toJsonText(doc);
  const toWrite = resultAndReport(doc, text, o.out, o.report, 'validate event (no --out)');
  const written = toWrite.length === 0 ? [] : writeResultSet(toWrite, outputs);
  io.stdout(styleOf(io).json ? text : formatEventStudy(doc));
  reportWritten(io, written);
  return 0;
}
