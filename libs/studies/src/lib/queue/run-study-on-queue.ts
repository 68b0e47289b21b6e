import { Observable } from 'rxjs';
import type { Queue } from 'bullmq';
import { blockJobResultSchema } from '@ratecut/contracts';
import { decodeBlockBytes } from '../shard/block-codec';
import { studyRunFingerprint, type ShardIdentity } from '../shard/run-study-shard';
import { blockOutputs } from '../study/block-outputs';
import type { AnyStudy, Study } from '../study/study';
import { encodeQueuedStudy } from './queued-study';
import type { StudyEvent } from '../study/study-event';
import { checkReachable, redisOptions, watchConnection, type QueueAddress } from './queue-address';
import { BLOCK_QUEUE, blockIndexOf, blockJobId, blockOutputKey, DEFAULT_RETRIES, FLOW_FANOUT, MERGE_QUEUE, queuedStudyKey, rootJobId, studyFlow, type FlowRetries } from './study-flow';

/** How {@link runStudyOnQueue} submits and follows a run. */
export interface QueueRunOptions {
  readonly address: QueueAddress;
  /** Most children under one flow node (default {@link FLOW_FANOUT}). */
  readonly fanout?: number;
  /** Tries and back-off of a block that throws (default {@link DEFAULT_RETRIES}). */
  readonly retries?: FlowRetries;
  /** Milliseconds between two looks at the run's state (default 500); block outputs arrive as events in between. */
  readonly pollMs?: number;
  /** Told when the connection to Redis is lost and when it is back (a line for the user). */
  readonly onNotice?: (message: string) => void;
}

/** Jobs fetched from Redis at once when collecting outputs that no event brought. */
const FETCH_BATCH = 100;

/**
 * Runs a study on a BullMQ job queue in Redis, for `ratecut worker` processes on any number of
 * machines to compute, as an rxjs Observable of the same {@link StudyEvent}s as `runStudy` and
 * the same result, byte for byte:
 * - the run is submitted as the flow of `studyFlow` (job ids from the run's fingerprint, so a
 *   run submitted twice, or again after it finished, is computed once; a run whose flow failed
 *   is removed and submitted afresh);
 * - the study as planned here (context, blocks, executor) is stored beside the flow, so workers
 *   need not plan it; block outputs (`v8.serialize` bytes, which the workers store under keys of
 *   their own, checked against the sha-256 their jobs' results name) are read as workers finish
 *   them, on the queue's events, and from the jobs themselves for any an event did not bring (blocks finished before this submitter started following, or while Redis
 *   restarted); the study's merger is fed in block order, and the result merged in block order;
 * - the run ends when every block's output has arrived (or the flow's root completed, and the
 *   outputs no event brought were read from the jobs), or fails with an Error naming the first
 *   block that ran out of tries and its last error.
 * Connections wait through a Redis restart (`onNotice` is told); an address where no Redis
 * answers fails at once.
 */
export function runStudyOnQueue<Plan, Context, Block, Output, Result>(
  study: Study<Plan, Context, Block, Output, Result>,
  identity: ShardIdentity,
  options: QueueRunOptions,
): Observable<StudyEvent<Result>> {
  return new Observable<StudyEvent<Result>>((subscriber) => {
    let cancelled = false;
    const closers: (() => Promise<unknown>)[] = [];
    const work = async (): Promise<{ readonly result: Result } | undefined> => {
      for (const issue of study.warnings ?? []) subscriber.next({ type: 'warning', issue });
      const { address } = options;
      const fingerprint = studyRunFingerprint(study, identity);
      const count = study.blocks.length;
      const outputs = blockOutputs(study);
      await checkReachable(address);
      // BullMQ is loaded only by runs on a queue.
      const { FlowProducer, Queue, QueueEvents } = await import('bullmq');
      const connection = redisOptions(address);
      const base = { connection, prefix: address.prefix };
      // Stores the study and reads block outputs; tells of a lost connection.
      const { default: Redis } = await import('ioredis');
      const store = new Redis(connection);
      const unwatch = watchConnection(store, address, (message) => options.onNotice?.(message));
      closers.push(async () => { unwatch(); store.disconnect(); });
      const blocksQueue = new Queue(BLOCK_QUEUE, base);
      const mergeQueue = new Queue(MERGE_QUEUE, base);
      const flows = new FlowProducer(base);
      const events = new QueueEvents(BLOCK_QUEUE, base);
      closers.push(() => events.close(), () => flows.close(), () => mergeQueue.close(), () => blocksQueue.close());
      // Errors while Redis is away are expected (the connections wait for it): told once, by watchConnection.
      for (const c of [blocksQueue, mergeQueue, flows, events]) (c as unknown as { on(e: 'error', f: () => void): void }).on('error', () => undefined);

      /** Ends the wait between two looks at the run's state (when the last output arrives). */
      let wake = (): void => undefined;
      /** Outputs being read, by block: a block's output is read once. */
      const reading = new Map<number, Promise<void>>();
      let failure: Error | undefined;
      /** Reads block `index`'s output from its key once its job completed with `value`, checks it and places it. */
      const take = (index: number, value: unknown): void => {
        if (index < 0 || index >= count || outputs.has(index) || reading.has(index)) return;
        const named = blockJobResultSchema.safeParse(typeof value === 'string' ? JSON.parse(value) : value);
        if (!named.success || named.data.index !== index) {
          failure ??= new Error(`block ${index} of ${count}: its job's result does not name this block's output (${named.success ? `block ${named.data.index}` : named.error.issues[0].message})`);
          return;
        }
        const { sha256 } = named.data;
        reading.set(index, (async () => {
          const bytes = await store.getBuffer(blockOutputKey(address.prefix, fingerprint, index));
          if (bytes === null) throw new Error(`block ${index} of ${count} completed but its output is missing from Redis at ${address.text} (prefix ${address.prefix}): were its keys removed? Submit the run again`);
          const progress = outputs.place(index, decodeBlockBytes(index, bytes, sha256, 'the output stored in Redis was changed') as Output);
          if (progress === undefined) return;
          subscriber.next({ type: 'block', index });
          subscriber.next(progress);
          if (outputs.count === count) wake();
        })().catch((e: unknown) => { failure ??= e as Error; }));
      };
      events.on('completed', ({ jobId, returnvalue }) => take(blockIndexOf(fingerprint, jobId), returnvalue));
      await events.waitUntilReady();
      await blocksQueue.waitUntilReady();

      // The study as planned here, for the workers (they do not plan it again), before its jobs.
      await store.set(queuedStudyKey(address.prefix, fingerprint), encodeQueuedStudy(study as AnyStudy), 'NX');
      const rootId = rootJobId(fingerprint);
      const existing = await mergeQueue.getJob(rootId);
      const before = existing === undefined ? 'unknown' : await existing.getState();
      if (existing !== undefined && before === 'failed') await existing.remove({ removeChildren: true });
      const resumed = before !== 'unknown' && before !== 'failed';
      if (!resumed) await flows.add(studyFlow({ kind: study.kind, fingerprint, identity }, count, options.fanout ?? FLOW_FANOUT, options.retries ?? DEFAULT_RETRIES));

      /** Takes the outputs of finished blocks that no event brought, from their jobs, and waits for every output being read. */
      const collect = async (): Promise<number> => {
        const missing: number[] = [];
        for (let i = 0; i < count; i += 1) if (!outputs.has(i) && !reading.has(i)) missing.push(i);
        for (let at = 0; at < missing.length && !cancelled; at += FETCH_BATCH) {
          const jobs = await Promise.all(missing.slice(at, at + FETCH_BATCH).map((i) => blocksQueue.getJob(blockJobId(fingerprint, i))));
          for (const job of jobs) {
            if (job?.finishedOn !== undefined && job.returnvalue !== null && job.returnvalue !== undefined && job.failedReason === undefined) {
              take(blockIndexOf(fingerprint, job.id), job.returnvalue);
            }
          }
        }
        await Promise.all(reading.values());
        if (failure !== undefined) throw failure;
        return count - outputs.count;
      };
      if (resumed) await collect();

      for (;;) {
        if (cancelled) return undefined;
        if (failure !== undefined) throw failure;
        // Every block's output is here, checked: the result needs nothing more (the root completes on its own).
        if (outputs.count === count) break;
        const state = await mergeQueue.getJobState(rootId);
        if (state === 'completed') {
          const left = await collect();
          if (left > 0) throw new Error(`the run's flow completed but ${left} of ${count} block outputs are missing from Redis at ${address.text} (prefix ${address.prefix}): were its keys removed? Submit the run again`);
          break;
        }
        if (state === 'failed') throw new Error(await failureMessage(blocksQueue, mergeQueue, fingerprint, count));
        if (state === 'unknown') throw new Error(`the run's jobs were removed from Redis at ${address.text} (prefix ${address.prefix}) while it ran; submit it again`);
        await new Promise<void>((r) => { wake = r; setTimeout(r, options.pollMs ?? 500); });
      }
      return cancelled ? undefined : { result: outputs.result() };
    };
    const close = async (): Promise<void> => {
      for (const c of closers.splice(0)) await c().catch(() => undefined);
    };
    // The connections are closed before the result is given, so a caller that exits then leaves nothing open.
    work().then(async (done) => {
      await close();
      if (done === undefined) return;
      subscriber.next({ type: 'result', result: done.result });
      subscriber.complete();
    }, async (e: unknown) => { await close(); subscriber.error(e); });
    return () => { cancelled = true; void close(); };
  });
}

/** Why a run's flow failed: the lowest block that ran out of tries, with its last error, else the root's reason. */
async function failureMessage(blocksQueue: Queue, mergeQueue: Queue, fingerprint: string, count: number): Promise<string> {
  const failed = (await blocksQueue.getFailed(0, -1))
    .map((job) => ({ job, index: blockIndexOf(fingerprint, job.id) }))
    .filter((f) => f.index >= 0)
    .sort((a, b) => a.index - b.index);
  if (failed.length > 0) {
    const { job, index } = failed[0];
    const more = failed.length > 1 ? ` (${failed.length - 1} more blocks failed)` : '';
    return `block ${index} of ${count} failed after ${job.attemptsMade} ${job.attemptsMade === 1 ? 'try' : 'tries'}${more}: ${job.failedReason}`;
  }
  const root = await mergeQueue.getJob(rootJobId(fingerprint));
  return `the run failed in the queue: ${root?.failedReason ?? 'no reason recorded'}`;
}
