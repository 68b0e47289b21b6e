import { type Issue } from '@ratecut/sim-core';

/** Progress of a study: blocks and units of work done so far. */
export interface StudyProgress {
  readonly type: 'progress';
  readonly blocksDone: number;
  readonly blocksTotal: number;
  /** Units of work done (e.g. paths); equals blocksDone when the study has no block weights. */
  readonly done: number;
  readonly total: number;
  readonly unit: string;
}

/**
 * What a running study reports, in order: its planning warnings, then for each finished block a
 * `block` event followed by a `progress` event (in finishing order), then one `result` event
 * with the merged result, then completion. An error ends the stream with that error.
 */
export type StudyEvent<Result> =
  | { readonly type: 'warning'; readonly issue: Issue }
  | StudyProgress
  | { readonly type: 'block'; readonly index: number }
  | { readonly type: 'result'; readonly result: Result };
