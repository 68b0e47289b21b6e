import { formatIssue, type Issue } from '@ratecut/sim-core';
import type { CommandIo } from './command';
import { coloursOf, styleOf } from './output-style';

/**
 * What the CLI says on stderr besides results, and when: errors always; warnings, notes and
 * `wrote` lines unless `--quiet`. stdout holds only results, so it can be piped
 * (`ratecut backtest ... | less`, or the JSON of `--json`).
 */

/** Prints issues as `file:line:column: severity code: message`, one per line; warnings not under --quiet. */
export function printIssues(io: CommandIo, issues: readonly Issue[]): void {
  const c = coloursOf(io);
  for (const issue of issues) {
    if (issue.severity === 'error') io.stderr(`${c.red(formatIssue(issue))}\n`);
    else if (!styleOf(io).quiet) io.stderr(`${c.yellow(formatIssue(issue))}\n`);
  }
}

/** Prints a warning line, worded by the caller (`warning: ...`), unless --quiet. */
export function printWarning(io: CommandIo, line: string): void {
  if (!styleOf(io).quiet) io.stderr(`${coloursOf(io).yellow(line)}\n`);
}

/** Prints an error line that is not an issue of a file (always). */
export function printError(io: CommandIo, text: string): void {
  io.stderr(`${coloursOf(io).red(text)}\n`);
}

/** Prints a note about the run's progress (not under --quiet). */
export function printNote(io: CommandIo, text: string): void {
  if (!styleOf(io).quiet) io.stderr(`${text}\n`);
}

/**
 * Says which files a command wrote: to `io.onWritten` when there is one (a step of another
 * command), else one `wrote <path>` line each (not under --quiet).
 */
export function reportWritten(io: CommandIo, written: readonly string[]): void {
  if (io.onWritten !== undefined) io.onWritten(written);
  else if (!styleOf(io).quiet) for (const w of written) io.stderr(`wrote ${w}\n`);
}
