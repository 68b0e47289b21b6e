import type { Observable } from 'rxjs';
import type { Issue } from '@ratecut/sim-core';
import { studyResult, type StudyEvent } from '@ratecut/studies';
import type { CommandIo } from './command';
import { printIssues } from './messages';
import { progressBar } from './progress-bar';

/**
 * Follows a running study (in this process, its shard, or on a job queue) to its result: its
 * progress drawn on stderr under `label`, its warnings printed once the bar is done, so they
 * never break the bar's line. Rejects with the study's error (warnings printed first).
 */
export async function followStudy<Result>(events: Observable<StudyEvent<Result>>, io: CommandIo, label: string): Promise<Result> {
  const bar = progressBar(io, label);
  const warnings: Issue[] = [];
  try {
    return await studyResult(events, (e) => {
      if (e.type === 'progress') bar.update(e.done, e.total);
      else if (e.type === 'warning') warnings.push(e.issue);
    });
  } finally {
    bar.done();
    printIssues(io, warnings);
  }
}
