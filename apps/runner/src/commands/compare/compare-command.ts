import type { Issue } from '@ratecut/sim-core';
import { runStudy, studyResult } from '@ratecut/studies';
import { checkOutputs, writeResultSet } from '@ratecut/studies/output';
import { planCompareStudy, readCompareInput, type CompareInput } from '@ratecut/studies/compare';
import { UsageError, type CommandIo } from '../../cli/command';
import { printError, printIssues, printWarning, reportWritten } from '../../cli/messages';
import { jsonFormat, numberOption, parseOptionsAndArguments } from '../../cli/parse-options';
import { outputOptions } from '../../cli/output-options';
import { styleOf } from '../../cli/output-style';
import { VERSION } from '../../cli/version';
import { formatComparisonCsv, formatComparisonJson, formatComparisonTable } from './format-comparison';
import { outputTargets, resultAndReport } from '../validate/result-and-report';

/** `ratecut compare`: see compare-usage.ts. Exit 0 ok, 1 invalid or incomparable files, 2 bad command line. */
export async function compareCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values: o, positionals: files } = parseOptionsAndArguments(args, {
    force: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' }, report: { type: 'string' }, seed: { type: 'string' }, resamples: { type: 'string' },
  });
  const format = jsonFormat(io, o.format);
  const seed = numberOption('seed', o.seed, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, 'a whole number 0 to 2^32-1') ?? 1;
  const resamples = numberOption('resamples', o.resamples, (n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000, 'a whole number 1 to 1,000,000') ?? 2000;
  if (files.length === 0) throw new UsageError('name the result files to compare');
  const force = o.force === true;
  const out = o.out === '-' ? undefined : o.out;
  const outputs = outputOptions(io, force, files);
  checkOutputs(outputTargets(out, o.report), outputs);

  const loaded: CompareInput[] = [];
  const issues: Issue[] = [];
  for (const f of files) {
    const r = readCompareInput(f, io.cwd);
    if (r.ok) loaded.push(r.value);
    else issues.push(...r.issues);
  }
  if (issues.length > 0) { printIssues(io, issues); return 1; }
  const planned = planCompareStudy({ inputs: loaded, seed, resamples, force, ratecutVersion: VERSION });
  if (!planned.ok) {
    const badOption = planned.issues.find((i) => i.code === 'bad-option');
    if (badOption) throw new UsageError(badOption.message);
    const incomparable = planned.issues.filter((i) => i.code === 'not-comparable');
    if (incomparable.length > 0 && incomparable.length === planned.issues.length) {
      printError(io, `error not-comparable: the files are not comparable (${incomparable.length} difference${incomparable.length === 1 ? '' : 's'}); pass --force to compare them anyway:`);
      for (const i of incomparable) printError(io, `  - ${i.message}`);
    } else {
      printIssues(io, planned.issues);
    }
    return 1;
  }
  const comparison = await studyResult(runStudy(planned.value));
  const text = format === 'json' ? formatComparisonJson(comparison) : format === 'csv' ? formatComparisonCsv(comparison) : formatComparisonTable(comparison);
  // The comparison (in the format asked for) and its report, written as one set.
  const toWrite = resultAndReport(comparison, text, out, o.report, 'compare (not written: no --out)');
  if (toWrite.length === 0) {
    io.stdout(text);
  } else {
    const written = writeResultSet(toWrite, outputs);
    if (out === undefined || styleOf(io).json) io.stdout(text);
    if (out !== undefined && format !== 'table') for (const d of comparison.differences) printWarning(io, `warning not-comparable: ${d.message}`);
    reportWritten(io, written);
  }
  return 0;
}
