import type { Job } from 'bullmq';
import { blockJobSchema, mergeJobSchema, type BlockJobData, type BlockJobResult } from '@ratecut/contracts';
import { encodeBlockBytes, NODE_MAJOR } from '../shard/block-codec';
import { existsSync } from 'node:fs';
import { BlockPool } from '../workers/block-pool';
import { redisOptions, watchConnection, type QueueAddress } from './queue-address';
import { decodeQueuedStudy, type QueuedStudy } from './queued-study';
import { BLOCK_QUEUE, blockOutputKey, MERGE_QUEUE, queuedStudyKey } from './study-flow';

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
   * The module a worker thread loads for a study's block executor, given the module path the
   * submitter's ratecut named (on its machine) and the export: a module of this installation.
   * Throws (an Error with a message for the user) when there is none. Default: the path as given,
   * when it exists here (a submitter and workers on one machine, in one installation).
   */
  readonly resolveExecutor?: (module: string, exportName: string) => string;
  readonly onEvent?: (event: QueueWorkerEvent) => void;
}

/** A running queue worker. */
export interface QueueWorkerHandle {
  /** Stops taking blocks, waits for the running ones, stops the threads and the connections. */
  close(): Promise<void>;
}

/** A run's stored study with its threads: one single-thread pool per block run at once. */
interface Prepared {
  readonly study: QueuedStudy;
  readonly free: BlockPool<unknown, unknown, unknown>[];
  readonly waiting: ((pool: BlockPool<unknown, unknown, unknown>) => void)[];
  active: number;
}

/** Runs whose studies and threads are kept (by fingerprint), the most recently used last. */
const KEEP_PLANNED = 2;

/**
 * Starts a worker of ratecut's job queues (see `runStudyOnQueue`): it takes block jobs, reads
 * each run's study from Redis once (as the submitter planned it: context, blocks, executor) and
 * checks it against the run's fingerprint, so a worker needs neither the data nor the files of
 * the command, only the same ratecut version and Node major. It runs each block on a worker
 * thread (so the event loop stays free to renew the job's lock however long the block takes) and
 * stores the block's output (`v8.serialize` bytes under `blockOutputKey`) before answering with
 * its sha-256 and length. It also runs the flow's merge
 * nodes, which check that every child completed. A block that throws is retried by the queue
 * with back-off; a worker that dies mid-block loses its lock and the block is given to another.
 * A job that cannot run here (another ratecut version or Node major, a stored study that does
 * not match the run, an executor this installation lacks) fails at once, without retries.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const { address } = options;
  // BullMQ is loaded only by workers.
  const { UnrecoverableError, Worker } = await import('bullmq');
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const lockMs = options.lockMs ?? 30_000;
  const planned = new Map<string, Promise<Prepared>>();
  const emit = options.onEvent ?? (() => undefined);
  const resolveExecutor = options.resolveExecutor ?? ((module: string): string => {
    if (!existsSync(module)) throw new Error(`the block executor ${module} is not on this machine`);
    return module;
  });
  const { default: Redis } = await import('ioredis');
  // Reads stored studies, writes block outputs, and tells of a lost connection.
  const store = new Redis(redisOptions(address));
  const unwatch = watchConnection(store, address, (message) => emit({ type: 'notice', message }));

  const prepare = (job: BlockJobData): Promise<Prepared> => {
    const hit = planned.get(job.fingerprint);
    if (hit !== undefined) {
      planned.delete(job.fingerprint);
      planned.set(job.fingerprint, hit);
      return hit;
    }
    const made = (async (): Promise<Prepared> => {
      const bytes = await store.getBuffer(queuedStudyKey(address.prefix, job.fingerprint));
      if (bytes === null) throw new UnrecoverableError(`the run's study is not in Redis (key ${queuedStudyKey(address.prefix, job.fingerprint)}): were its keys removed? Submit the run again`);
      let study: QueuedStudy;
      let module: string;
      try {
        study = decodeQueuedStudy(bytes, job.fingerprint, { command: job.command, ratecutVersion: options.ratecutVersion });
        module = resolveExecutor(study.executor.module, study.executor.exportName);
      } catch (e) {
        throw new UnrecoverableError((e as Error).message);
      }
      const execute = { module, exportName: study.executor.exportName, run: (): never => { throw new Error('runs in a worker thread only'); } };
      const free = await Promise.all(Array.from({ length: threads }, () => BlockPool.open<unknown, unknown, unknown>(execute, study.context, 1)));
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

  const runBlock = async (job: Job): Promise<BlockJobResult> => {
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
      // The bytes go to a key of their own (written whole, before the job completes); the job's result names them.
      const { bytes, sha256 } = encodeBlockBytes(output);
      await store.set(blockOutputKey(address.prefix, data.fingerprint, data.index), bytes);
      emit({ type: 'done', job: data, seconds: Number(process.hrtime.bigint() - t0) / 1e9 });
      return { index: data.index, sha256, bytes: bytes.length };
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
  blocks.on('failed', (job, e) => {
    const parsed = blockJobSchema.safeParse(job?.data);
    if (parsed.success && job !== undefined) emit({ type: 'failed', job: parsed.data, attempt: job.attemptsMade, error: e.message });
  });
  await Promise.all([blocks.waitUntilReady(), merges.waitUntilReady()]);
  return {
    async close() {
      unwatch();
      await Promise.all([blocks.close(), merges.close()]);
      store.disconnect();
      const all = await Promise.allSettled([...planned.values()]);
      planned.clear();
      await Promise.all(all.flatMap((r) => (r.status === 'fulfilled' ? r.value.free.map((pool) => pool.close()) : [])));
    },
  };
}
