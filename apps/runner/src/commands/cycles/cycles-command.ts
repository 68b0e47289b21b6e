import { join } from 'node:path';
import { DEFAULT_CYCLE_COUNTING, DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS, parseIsoDay } from '@ratecut/sim-core';
import { runStudy, studyResult } from '@ratecut/studies';
import { checkOutputs, writeResultSet } from '@ratecut/studies/output';
import { planCyclesStudy } from '@ratecut/studies/cycles';
import { UsageError, type CommandIo } from '../../cli/command';
import { printIssues, printWarning, reportWritten } from '../../cli/messages';
import { styleOf } from '../../cli/output-style';
import { openCatalog, whileLoading } from '../../cli/open-catalog';
import { choiceOption, jsonFormat, numberOption, parseOptions } from '../../cli/parse-options';
import { workspaceRoot } from '../../cli/workspace-root';
import { catalogInputs, outputOptions } from '../../cli/output-options';
import { VERSION } from '../../cli/version';
import { formatCyclesCsv } from './format-cycles-csv';
import { formatCyclesJson } from './format-cycles-json';
import { formatCyclesTable } from './format-cycles-table';
import { outputTargets, resultAndReport } from '../validate/result-and-report';

/** `ratecut cycles`: see cycles-usage.ts. */
export async function cyclesCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const o = parseOptions(args, {
    data: { type: 'string' },
    'allow-outside-data': { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    'min-move-bp': { type: 'string' },
    'pause-months': { type: 'string' },
    'recession-months': { type: 'string' },
    since: { type: 'string' },
    count: { type: 'string' },
    report: { type: 'string' },
  });
  const format = jsonFormat(io, o.format);
  const minMoveBp = numberOption('min-move-bp', o['min-move-bp'], (n) => n >= 0, 'a number of basis points >= 0') ?? DEFAULT_EASING_CYCLE_RULE.minMoveBp;
  const pauseMonths = numberOption('pause-months', o['pause-months'], (n) => Number.isInteger(n) && n >= 1, 'a whole number of months >= 1') ?? DEFAULT_EASING_CYCLE_RULE.pauseMonths;
  const recessionWindowMonths = numberOption('recession-months', o['recession-months'], (n) => Number.isInteger(n) && n >= 0, 'a whole number of months >= 0') ?? DEFAULT_RECESSION_WINDOW_MONTHS;
  const counting = choiceOption('count', o.count, ['episodes', 'first-cuts'] as const, DEFAULT_CYCLE_COUNTING);
  let since: number | undefined;
  if (o.since !== undefined) {
    since = parseIsoDay(o.since);
    if (Number.isNaN(since)) throw new UsageError(`--since ${JSON.stringify(o.since)}: expected a date as YYYY-MM-DD`);
  }

  const out = o.out === '-' ? undefined : o.out;
  const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  const outputs = outputOptions(io, o.force === true, catalogInputs(opened.catalog));
  checkOutputs(outputTargets(out, o.report), outputs);
  const planned = whileLoading(io, opened.catalog, () => planCyclesStudy({
    catalog: opened.catalog, origin: opened.origin, settings: { rule: { minMoveBp, pauseMonths }, recessionWindowMonths, since, counting },
    dataDir: join(workspaceRoot(), 'data'), notice: opened.syntheticNotice, ratecutVersion: VERSION,
  }));
  if (!planned.ok) {
    const badOption = planned.issues.find((i) => i.code === 'bad-option');
    if (badOption) throw new UsageError(badOption.message);
    printIssues(io, planned.issues);
    return 1;
  }
  const result = await studyResult(runStudy(planned.value), (e) => { if (e.type === 'warning') printIssues(io, [e.issue]); });
  if (result.cycles.length === 0) {
    printWarning(io, `warning: no easing cycle has its first cut on or after ${o.since} (${result.filter.detected} detected before --since); the tables are empty`);
  }
  const text = format === 'json' ? formatCyclesJson(result) : format === 'csv' ? formatCyclesCsv(result) : formatCyclesTable(result);
  // The result (in the format asked for) and the report of the document, written as one set.
  const toWrite = resultAndReport(result, text, out, o.report, 'cycles (not written: no --out)');
  if (toWrite.length > 0) {
    const written = writeResultSet(toWrite, outputs);
    if (out === undefined || styleOf(io).json) io.stdout(text);
    reportWritten(io, written);
  } else {
    io.stdout(text);
  }
  return 0;
}
