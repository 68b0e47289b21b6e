import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Issue } from '@ratecut/sim-core';
import { checkPartials, type PartialFile } from '@ratecut/studies';
import { errnoInWords, isErrnoError } from '@ratecut/studies/output';
import { UsageError, type CommandIo } from '../../cli/command';
import { printIssues } from '../../cli/messages';
import { parseOptionsAndArguments } from '../../cli/parse-options';

/** Reads a partial result file as JSON, or the issue that stops it (unreadable, not JSON). */
function readPartial(io: CommandIo, file: string): PartialFile | Issue {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    return { code: 'unreadable', severity: 'error', file, message: `cannot read the partial result: ${isErrnoError(e) ? errnoInWords(e.code) : String(e)}` };
  }
  try {
    return { file, doc: JSON.parse(text) as unknown };
  } catch (e) {
    return { code: 'bad-partial', severity: 'error', file, message: `not a partial result: not JSON (${(e as Error).message})` };
  }
}

/**
 * `ratecut merge parts... --out FILE`: see merge-usage.ts. Reads and checks the partial results
 * (same run, every shard once), then runs the recorded command with `--out` (and `--force`,
 * `--report`) of the merge appended, which plans the study again on the same data, refuses
 * parts of another plan, and merges the parts' block outputs in block order instead of running
 * the blocks, writing what a run in one process writes.
 */
export async function mergeCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values: o, positionals } = parseOptionsAndArguments(args, {
    out: { type: 'string' }, force: { type: 'boolean' }, report: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('name the partial results to merge (the files of --shard k/N)');
  if (o.out === undefined) throw new UsageError('name the result file with --out <file>');
  const read = positionals.map((file) => readPartial(io, file));
  const unreadable = read.filter((r): r is Issue => 'code' in r);
  if (unreadable.length > 0) { printIssues(io, unreadable); return 1; }
  const checked = checkPartials(read as PartialFile[]);
  if (!checked.ok) { printIssues(io, checked.issues); return 1; }
  const partials = checked.value;
  const { command } = partials[0].doc;
  const rest = ['--out', o.out, ...(o.force === true ? ['--force'] : []), ...(o.report === undefined ? [] : ['--report', o.report])];
  const commandArgs = [...command.args, ...rest];
  switch (command.name) {
    case 'simulate':
      return (await import('../simulate/simulate-command')).simulateCommand(commandArgs, io, { merge: { partials } });
    case 'backtest':
      return (await import('../backtest/backtest-command')).backtestCommand(commandArgs, io, { merge: { partials } });
    default:
      printIssues(io, [{ code: 'bad-partial', severity: 'error', file: partials[0].file, message: `a shard of \`ratecut ${command.name}\`, which this version cannot merge (simulate, backtest --sweep)` }]);
      return 1;
  }
}
