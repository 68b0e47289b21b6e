import { runStudy, studyResult } from '@ratecut/studies';
import { writeResultSet } from '@ratecut/studies/output';
import { planReportStudy } from '@ratecut/studies/report';
import { UsageError, type CommandIo } from '../../cli/command';
import { printError, printIssues, reportWritten } from '../../cli/messages';
import { styleOf } from '../../cli/output-style';
import { toJsonText } from '../../cli/json-text';
import { parseOptionsAndArguments } from '../../cli/parse-options';
import { outputOptions } from '../../cli/output-options';
import { progressBar } from '../../cli/progress-bar';
import { VERSION } from '../../cli/version';

/** `ratecut report`: see report-usage.ts. Exit 0 written, 1 a file is not a ratecut result (nothing written), 2 bad command line. */
export async function reportCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOptionsAndArguments(args, { out: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('name one or more result files (JSON from cycles, backtest, simulate, compare, now, validate event, spa, loco, walk-forward or calibration, or a sweep CSV from backtest --sweep)');
  if (values.out === undefined) throw new UsageError('--out <file.html> is required');
  if (values.out === '-' && styleOf(io).json) throw new UsageError('--out - writes the HTML on stdout, where --json puts its JSON; give one of them');
  const planned = planReportStudy(positionals.map((file) => ({ file })), { ratecutVersion: VERSION, cwd: io.cwd });
  if (!planned.ok) {
    printIssues(io, planned.issues);
    printError(io, 'ratecut report: nothing written');
    return 1;
  }
  const bar = progressBar(io, 'report');
  let html: string;
  try {
    html = await studyResult(runStudy(planned.value), (e) => {
      if (e.type === 'progress') bar.update(e.done, e.total);
      else if (e.type === 'warning') printIssues(io, [e.issue]);
    });
  } finally {
    bar.done();
  }
  if (values.out === '-') {
    io.stdout(html);
    return 0;
  }
  const [written] = writeResultSet([{ path: values.out, text: html }], outputOptions(io, values.force === true, positionals));
  if (styleOf(io).json) io.stdout(toJsonText({ command: 'report', inputs: positionals, wrote: written }));
  reportWritten(io, [written]);
  return 0;
}
