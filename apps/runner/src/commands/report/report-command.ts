import { parseArgs } from 'node:util';
import { UsageError, type CommandIo } from '../../cli/command';
import { outputOptions } from '../../cli/output-options';
import { readInputJson } from '../../cli/read-input-file';
import { checkReportInput } from './report-input';
import { ReportInputError, writeReport } from './write-report';

/**
 * Reads the result files named on the command line: the parsed documents, and the problems
 * (missing file, a folder, not JSON with `line:column`), all of them, one line each. A leading
 * byte-order mark is ignored, as in `compare` (both read through cli/read-input-file.ts).
 */
export function readResultFiles(files: readonly string[], cwd: string): { docs: { file: string; doc: unknown }[]; issues: string[] } {
  const docs: { file: string; doc: unknown }[] = [];
  const issues: string[] = [];
  for (const file of files) {
    const read = readInputJson(file, cwd);
    if (read.ok) docs.push({ file, doc: read.value });
    else issues.push(read.issue);
  }
  return { docs, issues };
}

/** `ratecut report`: see report-usage.ts. Exit 0 written, 1 a file is not a ratecut result (nothing written), 2 bad command line. */
export async function reportCommand(args: readonly string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { out: { type: 'string' }, force: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('name one or more result files (backtest or simulate JSON)');
  if (values.out === undefined) throw new UsageError('--out <file.html> is required');
  const { docs, issues } = readResultFiles(positionals, io.cwd);
  for (const { file, doc } of docs) {
    const checked = checkReportInput(file, doc);
    if (!checked.ok) issues.push(...checked.issues);
  }
  if (issues.length === 0) {
    try {
      const written = writeReport(docs, values.out, outputOptions(io, values.force === true, positionals));
      io.stderr(`wrote ${written}\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof ReportInputError)) throw e;
      issues.push(...e.issues);
    }
  }
  for (const issue of issues) io.stderr(`${issue}\n`);
  io.stderr('ratecut report: nothing written\n');
  return 1;
}
