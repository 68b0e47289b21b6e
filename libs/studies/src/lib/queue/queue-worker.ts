import type { Job } from 'bullmq';
import { blockJobSchema, mergeJobSchema, type BlockJobData, type PartialBlockJson } from '@ratecut/contracts';
import { encodeBlockOutput, NODE_MAJOR } from '../shard/block-codec';
import { studyRunFingerprint } from '../shard/run-study-shard';
import type { AnyStudy } from '../study/study';
import { BlockPool } from '../workers/block-pool';
import { redisOptions, watchConnection, type QueueAddress } from './queue-address';
import { BLOCK_QUEUE, MERGE_QUEUE } from './study-flow';

/** What a queue worker tells its caller about each block (for a log line). */
export type QueueWorkerEvent =
  | { readonly type: 'start'; readonly job: BlockJobData; readonly attempt: number }
  | { readonly type: 'done'; readonly job: BlockJobData; readonly seconds: number }
  | { readonly type: 'failed'; readonly job: BlockJobData; readonly attempt: number; readonly error: string }
  | { readonly type: 'notice'; readonly message: string };

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  readonly address: QueueAddress;
  /** The ratecut version of this worker; a job of another version is refused. */
  readonly ratecutVersion: string;
  /** Blocks run at once, each on its own worker thread (default 1). */
  readonly threads?: number;
  /**
   * Milliseconds a worker holds a block's lock between renewals (BullMQ's `lockDuration`,
   * default 30,000): a block whose worker died is given to another after about twice this.
   */
  readonly lockMs?: number;
  /**
   * Plans the study of a block job again from its command, on this machine's data and files.
   * Throws (an Error with a message for the user) when it cannot.
   */
  readonly planStudy: (job: BlockJobData) => Promise<AnyStudy>;
  readonly onEvent?: (event: QueueWorkerEvent) => void;
}

/** A running queue worker. */
export interface QueueWorkerHandle {
  /** Stops taking blocks, waits for the running ones, stops the threads and the connections. */
  close(): Promise<void>;
}

/** A planned study with its threads: one single-thread pool per block run at once. */
interface Prepared {
  readonly study: AnyStudy;
  readonly free: BlockPool<unknown, unknown, unknown>[];
  readonly waiting: ((pool: BlockPool<unknown, unknown, unknown>) => void)[];
  active: number;
}

/** Planned studies kept (by fingerprint), the most recently used last. */
const KEEP_PLANNED = 2;

/**
 * Starts a worker of ratecut's job queues (see `runStudyOnQueue`): it takes block jobs, plans
 * each job's study once per run (`planStudy`, cached by fingerprint), refuses a job whose plan
 * here has another fingerprint than the submitter's (other data, files or code: no retry), runs
 * the block on a worker thread (so the event loop stays free to renew the job's lock however
 * long the block takes) and answers with the block's output encoded as in a partial result. It
 * also runs the flow's merge nodes, which check that every child completed. A block that throws
 * is retried by the queue with back-off; a worker that dies mid-block loses its lock and the
 * block is given to another worker.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const { address } = options;
  // BullMQ is loaded only by workers.
  const { UnrecoverableError, Worker } = await import('bullmq');
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const lockMs = options.lockMs ?? 30_000;
  const planned = new Map<string, Promise<Prepared>>();
  const emit = options.onEvent ?? (() => undefined);

  const prepare = (job: BlockJobData): Promise<Prepared> => {
    const hit = planned.get(job.fingerprint);
    if (hit !== undefined) {
      planned.delete(job.fingerprint);
      planned.set(job.fingerprint, hit);
      return hit;
    }
    const made = (async (): Promise<Prepared> => {
      let study: AnyStudy;
      try {
        study = await options.planStudy(job);
      } catch (e) {
        throw new UnrecoverableError(`cannot plan \`ratecut ${job.command.name} ${job.command.args.join(' ')}\` on this worker: ${(e as Error).message}`);
      }
      const here = studyRunFingerprint(study, { command: job.command, ratecutVersion: options.ratecutVersion });
      if (here !== job.fingerprint) {
        throw new UnrecoverableError(`planned again on this worker, the run's fingerprint is ${here.slice(0, 12)}, not the submitter's ${job.fingerprint.slice(0, 12)}: `
          + 'the data, the files the command names or the code differ here; give workers the same data and files as the submitter');
      }
      const free = await Promise.all(Array.from({ length: threads }, () => BlockPool.open(study.execute, study.context, 1)));
      return { study, free, waiting: [], active: 0 };
    })();
    planned.set(job.fingerprint, made);
    made.catch(() => undefined);
    // Close the threads of runs not used lately (once idle).
    while (planned.size > KEEP_PLANNED) {
      const [oldest, entry] = planned.entries().next().value as [string, Promise<Prepared>];
      planned.delete(oldest);
      void entry.then(async (p) => {
        while (p.active > 0) await new Promise((r) => setTimeout(r, 100));
        await Promise.all(p.free.map((pool) => pool.close()));
      }, () => undefined);
    }
    return made;
  };

  const runBlock = async (job: Job): Promise<PartialBlockJson> => {
    const parsed = blockJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`job ${job.id} is not a ratecut block job: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
    const data = parsed.data;
    if (data.ratecutVersion !== options.ratecutVersion) throw new UnrecoverableError(`submitted by ratecut ${data.ratecutVersion}; this worker runs ${options.ratecutVersion}`);
    if (data.nodeMajor !== NODE_MAJOR) throw new UnrecoverableError(`submitted from Node ${data.nodeMajor}; this worker runs Node ${NODE_MAJOR}, whose encoding of block outputs (v8.serialize) the submitter may not read`);
    emit({ type: 'start', job: data, attempt: job.attemptsMade + 1 });
    const t0 = process.hrtime.bigint();
    const p = await prepare(data);
    if (data.blockCount !== p.study.blocks.length) throw new UnrecoverableError(`the run has ${data.blockCount} blocks; planned here, ${p.study.blocks.length}`);
    const pool = p.free.pop() ?? await new Promise<BlockPool<unknown, unknown, unknown>>((resolve) => p.waiting.push(resolve));
    p.active += 1;
    try {
      let output: unknown;
      try {
        await pool.run([p.study.blocks[data.index]], (_, o) => { output = o; });
      } catch (e) {
        // The thread's error, first line (`RangeError: ...`), without the pool's wording and the stack.
        throw new Error((e as Error).message.replace(/^study worker failed on block \d+: /, '').split('\n')[0]);
      }
      const encoded = encodeBlockOutput(data.index, output);
      emit({ type: 'done', job: data, seconds: Number(process.hrtime.bigint() - t0) / 1e9 });
      return encoded;
    } finally {
      p.active -= 1;
      const next = p.waiting.shift();
      if (next !== undefined) next(pool);
      else p.free.push(pool);
    }
  };

  const runMerge = async (job: Job): Promise<{ blocks: number }> => {
    const parsed = mergeJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`job ${job.id} is not a ratecut merge job: ${parsed.error.issues[0].message}`);
    const { processed = 0 } = await job.getDependenciesCount({ processed: true });
    if (processed !== parsed.data.children) throw new Error(`${parsed.data.level} of blocks ${parsed.data.first}–${parsed.data.last}: ${processed} of ${parsed.data.children} children completed`);
    return { blocks: parsed.data.last - parsed.data.first + 1 };
  };

  const base = { connection: redisOptions(address), prefix: address.prefix };
  const timing = { lockDuration: lockMs, stalledInterval: lockMs, maxStalledCount: 3 };
  const blocks = new Worker(BLOCK_QUEUE, runBlock, { ...base, ...timing, concurrency: threads });
  const merges = new Worker(MERGE_QUEUE, runMerge, { ...base, ...timing, concurrency: 2 });
  for (const w of [blocks, merges]) w.on('error', () => undefined);
  const unwatch = await watchConnection(address, (message) => emit({ type: 'notice', message }));
  blocks.on('failed', (job, e) => {
    const parsed = blockJobSchema.safeParse(job?.data);
    if (parsed.success && job !== undefined) emit({ type: 'failed', job: parsed.data, attempt: job.attemptsMade, error: e.message });
  });
  await Promise.all([blocks.waitUntilReady(), merges.waitUntilReady()]);
  return {
    async close() {
      unwatch();
      await Promise.all([blocks.close(), merges.close()]);
      const all = await Promise.allSettled([...planned.values()]);
      planned.clear();
      await Promise.all(all.flatMap((r) => (r.status === 'fulfilled' ? r.value.free.map((pool) => pool.close()) : [])));
    },
  };
}
