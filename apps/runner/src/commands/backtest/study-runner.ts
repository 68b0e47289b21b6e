import type { Issue } from '@ratecut/sim-core';
import { runStudy, type AnyStudy } from '@ratecut/studies';
import { COMMAND_LINE } from '@ratecut/studies/backtest';
import type { CommandIo } from '../../cli/command';
import { printIssues } from '../../cli/messages';
import { followStudy } from '../../cli/follow-study';

/** Prints the issues that stopped a study's plan; exit 2 when one is about the command line, else 1 (a file or the data). */
export function planFailure(io: CommandIo, issues: readonly Issue[]): number {
  printIssues(io, issues);
  return issues.some((i) => i.severity === 'error' && i.file === COMMAND_LINE) ? 2 : 1;
}

/** Runs a study in this process, printing its warnings and drawing its progress on stderr. */
export async function runWithProgress<Result>(study: AnyStudy<Result>, io: CommandIo, label: string, workers = 1): Promise<Result> {
  return followStudy(runStudy(study, { workers }), io, label);
}
