import { Observable, lastValueFrom, tap, filter, map } from 'rxjs';
import { runBlocksInThreads, type BlockPool } from '../workers/block-pool';
import { blockOutputs } from './block-outputs';
import type { Study } from './study';
import type { StudyEvent } from './study-event';

/** How to run a study's blocks. */
export interface RunStudyOptions<Context = unknown, Block = unknown, Output = unknown> {
  /** Worker threads; 1 (the default) runs every block in this thread. Never changes the result. */
  readonly workers?: number;
  /**
   * Worker threads already started with this study's executor and context (see
   * {@link BlockPool.open}); `workers` is then ignored. The pool stays open for the caller to
   * reuse and close. Never changes the result.
   */
  readonly pool?: BlockPool<Context, Block, Output>;
}

/**
 * Runs a study as an rxjs Observable of {@link StudyEvent}s: planning warnings, a `block` and a
 * `progress` event per finished block, and the merged `result`. Blocks run in this thread
 * (yielding to the event loop between blocks, so unsubscribing stops the run) or in worker
 * threads; outputs are merged in block order, so the result is the same for any worker count
 * (a study's `merger`, when it has one, is fed each output in block order as soon as the blocks
 * before it are done, while later blocks still run).
 * Nothing runs until the Observable is subscribed to.
 */
export function runStudy<Plan, Context, Block, Output, Result>(
  study: Study<Plan, Context, Block, Output, Result>,
  options: RunStudyOptions<Context, Block, Output> = {},
): Observable<StudyEvent<Result>> {
  return new Observable<StudyEvent<Result>>((subscriber) => {
    let cancelled = false;
    const { blocks } = study;
    const outputs = blockOutputs(study);
    const place = (index: number, output: Output): void => {
      const progress = outputs.place(index, output);
      if (progress === undefined) return;
      subscriber.next({ type: 'block', index });
      subscriber.next(progress);
    };
    const work = async (): Promise<void> => {
      for (const issue of study.warnings ?? []) subscriber.next({ type: 'warning', issue });
      const { pool } = options;
      if (pool !== undefined && (pool.execute.module !== study.execute.module || pool.execute.exportName !== study.execute.exportName)) {
        throw new Error(`runStudy: the pool runs ${pool.execute.exportName} of ${pool.execute.module}, not this study's executor`);
      }
      const threads = Math.max(1, Math.floor(options.workers ?? 1));
      if (pool !== undefined) {
        await pool.run(blocks, place, () => cancelled, outputs.shared);
      } else if (threads <= 1 || blocks.length <= 1) {
        const cache = new Map<string, unknown>();
        for (let i = 0; i < blocks.length; i += 1) {
          if (cancelled) return;
          place(i, study.execute.run(study.context, blocks[i], cache, outputs.shared));
          if (i + 1 < blocks.length) await new Promise<void>((resolve) => setImmediate(resolve));
        }
      } else {
        await runBlocksInThreads(study.execute, study.context, blocks, threads, place, () => cancelled, outputs.shared);
      }
      if (cancelled) return;
      subscriber.next({ type: 'result', result: outputs.result() });
      subscriber.complete();
    };
    work().catch((e: unknown) => subscriber.error(e));
    return () => { cancelled = true; };
  });
}

/**
 * Runs a study to its result, passing every other event to `onEvent` (a progress display, a
 * warning printer). Rejects with the study's error.
 */
export async function studyResult<Result>(
  events: Observable<StudyEvent<Result>>,
  onEvent: (event: Exclude<StudyEvent<Result>, { type: 'result' }>) => void = () => undefined,
): Promise<Result> {
  return lastValueFrom(events.pipe(
    tap((e) => { if (e.type !== 'result') onEvent(e); }),
    filter((e): e is Extract<StudyEvent<Result>, { type: 'result' }> => e.type === 'result'),
    map((e) => e.result),
  ));
}
