import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CommandIo } from '../../cli/command';
import { checkReportInput } from './report-input';
import { ReportInputError, writeReport } from './write-report';

/** `file:line:column: error not-json: …` for a JSON syntax error, with the position when the parser gives one. */
function jsonIssue(file: string, text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  let where = '';
  const lc = /line (\d+) column (\d+)/.exec(message);
  const pos = /position (\d+)/.exec(message);
  if (lc) {
    where = `:${lc[1]}:${lc[2]}`;
  } else if (pos) {
    const before = text.slice(0, Number(pos[1])).split('\n');
    where = `:${before.length}:${before[before.length - 1].length + 1}`;
  }
  return `${file}${where}: error not-json: not a JSON file (${message})`;
}

/**
 * Reads the result files named on the command line: the parsed documents, and the problems
 * (missing file, not JSON), all of them, one line each.
 */
export function readResultFiles(files: readonly string[], cwd: string): { docs: { file: string; doc: unknown }[]; issues: string[] } {
  const docs: { file: string; doc: unknown }[] = [];
  const issues: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      issues.push(`${file}: error ${code === 'ENOENT' ? 'missing-file' : 'unreadable'}: ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    try {
      docs.push({ file, doc: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown });
    } catch (e) {
      issues.push(jsonIssue(file, text, e));
    }
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
      const written = writeReport(docs, values.out, values.force === true, io.cwd);
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
