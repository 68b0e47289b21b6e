import { formatIssue } from '@ratecut/sim-core';
import { type OutputFile } from '@ratecut/studies/output';
import { planReportStudy, reportHtmlOf } from '@ratecut/studies/report';
import { VERSION } from '../../cli/version';

/** Thrown by {@link reportOutput} when a document is not a ratecut result; `issues` has one formatted issue line per problem. */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';

  constructor(readonly issues: readonly string[]) {
    super(issues.join('\n'));
  }
}

/**
 * The report study (`@ratecut/studies`) of in-memory result documents, run in this thread, as
 * a file to write to `out`, so a command can write it in the same set as its result files
 * (checked before any of them is written). An in-memory result document gives the same bytes
 * as its written file.
 *
 * @throws ReportInputError when a document is not a result a report draws (every problem listed).
 */
export function reportOutput(docs: readonly { file: string; doc: unknown }[], out: string): OutputFile {
  const planned = planReportStudy(docs.map(({ file, doc }) => ({ file, doc })), { ratecutVersion: VERSION });
  if (!planned.ok) throw new ReportInputError(planned.issues.map(formatIssue));
  return { path: out, text: reportHtmlOf(planned.value) };
}
