import { writeFileAtomic } from '../../cli/write-output';
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
 * Checks every document (all problems are collected before anything is written), builds the
 * self-contained HTML report and writes it atomically to `out` (resolved against `cwd`; an
 * existing file is replaced only with `force`). Returns the absolute path written.
 * Used by `ratecut report` and by the `--report` option of `backtest` and `simulate`; an
 * in-memory result document gives the same bytes as its written file.
 *
 * @throws ReportInputError when a document is not a backtest or simulate result file.
 * @throws UsageError when `out` exists and `force` is false.
 */
export function writeReport(docs: readonly { file: string; doc: unknown }[], out: string, force: boolean, cwd: string): string {
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
  return writeFileAtomic(out, buildReportHtml(inputs), force, cwd);
}
