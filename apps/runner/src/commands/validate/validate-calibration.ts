import { join } from 'node:path';
import type { CalibrationResultJson, Scenario } from '@ratecut/contracts';
import { CALIBRATION_DEFAULTS, planCalibrationStudy } from '@ratecut/studies/calibration';
import { checkOutputs, writeResultSet } from '@ratecut/studies/output';
import { builtinScenarioNames, loadScenario } from '@ratecut/studies/simulate';
import { UsageError, type CommandIo } from '../../cli/command';
import { commandLine } from '../../cli/command-line';
import { toJsonText } from '../../cli/json-text';
import { printIssues, reportWritten } from '../../cli/messages';
import { openCatalog, whileLoading } from '../../cli/open-catalog';
import { catalogInputs, outputOptions } from '../../cli/output-options';
import { styleOf } from '../../cli/output-style';
import { numberOption } from '../../cli/parse-options';
import { VERSION } from '../../cli/version';
import { withoutWorkers } from '../../cli/without-workers';
import { workspaceRoot } from '../../cli/workspace-root';
import { planFailure, runWithProgress } from '../backtest/study-runner';
import { formatCalibration } from './format-calibration';
import { outputTargets, resultAndReport } from './result-and-report';

/** The options `validate calibration` reads. */
export interface CalibrationValues {
  readonly paths?: string | undefined;
  readonly method?: string | undefined;
  readonly workers?: string | undefined;
  readonly out?: string | undefined;
  readonly report?: string | undefined;
  readonly force?: boolean | undefined;
  readonly data?: string | undefined;
  readonly 'allow-outside-data'?: boolean | undefined;
}

/** The simulation methods a scenario may be calibrated with (`--method`). */
const METHODS = ['stationary', 'circular', 'iid', 'student-t', 'rate-sensitivity'] as const;

/**
 * `ratecut validate calibration [scenario ...]`: each scenario's analogs held out in turn (every
 * built-in scenario when none is named), and where the realized outcome fell in the simulation
 * from the others.
 */
export async function validateCalibration(args: readonly string[], names: readonly string[], o: CalibrationValues, io: CommandIo): Promise<number> {
  const paths = numberOption('paths', o.paths, (n) => Number.isInteger(n) && n >= 100 && n <= 1_000_000, 'a whole number of paths, 100 to 1,000,000') ?? CALIBRATION_DEFAULTS.paths;
  const method = o.method;
  if (method !== undefined && !(METHODS as readonly string[]).includes(method)) throw new UsageError(`--method ${JSON.stringify(method)}: expected ${METHODS.join(', ')}`);
  const workers = numberOption('workers', o.workers, (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'a whole number of threads, 1 to 64') ?? 1;
  if (o.out === '-') throw new UsageError('--out -: the document goes to stdout with --json; --out names a file');
  const dataDir = join(workspaceRoot(), 'data');
  const scenarios: { scenario: Scenario; file: string }[] = [];
  for (const name of names.length > 0 ? names : builtinScenarioNames(dataDir)) {
    const loaded = loadScenario(name, dataDir, io.cwd);
    if (!loaded.ok) { printIssues(io, loaded.issues); return 1; }
    const { scenario, file } = loaded.value;
    const kind = (method ?? scenario.method.kind) as (typeof METHODS)[number];
    const withMethod: Scenario = method === undefined ? scenario
      : { ...scenario, method: kind === 'stationary' || kind === 'circular' ? { kind, meanBlock: 'auto' } : ({ kind } as Scenario['method']) };
    scenarios.push({ scenario: withMethod, file });
  }
  const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  const outputs = outputOptions(io, o.force === true, catalogInputs(opened.catalog));
  checkOutputs(outputTargets(o.out, o.report), outputs);
  const planned = whileLoading(io, opened.catalog, () => planCalibrationStudy({
    catalog: opened.catalog, origin: opened.origin, notice: opened.syntheticNotice, factsDir: dataDir,
    scenarios, paths, commandLine: commandLine('validate', withoutWorkers(args)), ratecutVersion: VERSION,
  }));
  if (!planned.ok) return planFailure(io, planned.issues);
  const doc = await runWithProgress<CalibrationResultJson>(planned.value, io, 'validate calibration', workers);
  const text = toJsonText(doc);
  const toWrite = resultAndReport(doc, text, o.out, o.report, 'validate calibration (no --out)');
  const written = toWrite.length === 0 ? [] : writeResultSet(toWrite, outputs);
  io.stdout(styleOf(io).json ? text : formatCalibration(doc));
  reportWritten(io, written);
  return 0;
}
