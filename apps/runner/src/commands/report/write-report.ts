import { writeResultSet, type OutputFile, type WriteOptions } from '../../cli/result-set-writer';
import { buildReportHtml } from './report-html';
import { checkReportInput, type ReportInput } from './report-input';

/** Thrown by {@link writeReport} when a document is not a ratecut result; `issues` has one `file: error code: message` line per problem. */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';

  constructor(readonly issues: readonly string[]) {
    super(issues.join('\n'));
  }
}

/**
 * Checks every document (all problems are collected) and builds the self-contained HTML
 * report as a file to write to `out`, so a command can write it in the same set as its result
 * files (checked before any of them is written). An in-memory result document gives the same
 * bytes as its written file.
 *
 * @throws ReportInputError when a document is not a backtest or simulate result file.
 */
export function reportOutput(docs: readonly { file: string; doc: unknown }[], out: string): OutputFile {
  const inputs: ReportInput[] = [];
  const issues: string[] = [];
  for (const { file, doc } of docs) {
    // Through JSON first, so an in-memory result (NaN, undefined) reads exactly like its file.
    const checked = checkReportInput(file, doc === undefined ? undefined : (JSON.parse(JSON.stringify(doc)) as unknown));
    if (checked.ok) inputs.push(checked.value);
    else issues.push(...checked.issues);
  }
  if (issues.length > 0) throw new ReportInputError(issues);
  if (inputs.length === 0) throw new ReportInputError(['no result files to report']);
  return { path: out, text: buildReportHtml(inputs) };
}

/**
 * {@link reportOutput}, then writes the report through the result-set writer (an existing
 * file is replaced only with `options.force`; an input named in `options.inputs` never).
 * Used by `ratecut report` and `ratecut demo`. Returns the absolute path written.
 *
 * @throws ReportInputError when a document is not a backtest or simulate result file.
 * @throws FileError when `out` is refused or cannot be written (nothing is changed then).
 */
export function writeReport(docs: readonly { file: string; doc: unknown }[], out: string, options: WriteOptions): string {
  return writeResultSet([reportOutput(docs, out)], options)[0];
}
