import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BlockExecutor } from '../study/study';

/** What a worker thread answers for a block (see block-worker.js). */
interface BlockReply<Output> {
  readonly ok: boolean;
  readonly index: number;
  readonly output?: Output;
  readonly error?: string;
  /** Seconds the executor took inside the thread. */
  readonly seconds?: number;
}

/** Where a pool's time went, for benchmarks: per thread, busy seconds and blocks run. */
export interface BlockPoolStats {
  /** Seconds from creating the threads until every one had loaded the executor and the context. */
  readonly startSeconds: number;
  /** Per thread: seconds spent inside the executor over every run so far. */
  readonly busySeconds: readonly number[];
  /** Per thread: blocks run so far. */
  readonly blocks: readonly number[];
}

/**
 * Worker threads that have loaded one study executor and its context, kept for several runs
 * (a benchmark's repetitions, or a long session) so each run pays no thread start-up. Blocks are
 * handed out in order as threads become free; each output comes back with its block index
 * (typed-array buffers transferred, not copied), and callers place outputs by index and merge in
 * block order, so results never depend on the thread count or the arrival order.
 * Create with {@link BlockPool.open}; always {@link BlockPool.close}.
 */
export class BlockPool<Context, Block, Output> {
  private readonly busy: number[];
  private readonly done: number[];
  private running = false;

  private constructor(
    private readonly workers: readonly Worker[],
    /** The executor the threads loaded. */
    readonly execute: BlockExecutor<Context, Block, Output>,
    private readonly startSeconds: number,
  ) {
    this.busy = workers.map(() => 0);
    this.done = workers.map(() => 0);
  }

  /**
   * Starts `threads` (at least 1) worker threads, each loading `execute`'s module and receiving
   * `context` once, and resolves when all are ready. Rejects (and stops the threads) when one
   * fails to load.
   */
  static async open<C, B, O>(execute: BlockExecutor<C, B, O>, context: C, threads: number): Promise<BlockPool<C, B, O>> {
    const t0 = process.hrtime.bigint();
    const count = Math.max(1, Math.floor(threads));
    const workers = Array.from({ length: count }, () => new Worker(join(__dirname, 'block-worker.js')));
    try {
      await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
        const onExit = (code: number): void => reject(new Error(`study worker thread exited with code ${code} while loading ${execute.module}`));
        const onMessage = (msg: BlockReply<O>): void => {
          worker.off('error', reject);
          worker.off('exit', onExit);
          worker.off('message', onMessage);
          if (msg.ok) resolve();
          else reject(new Error(`study worker could not load ${execute.module}: ${msg.error}`));
        };
        worker.on('error', reject);
        worker.on('exit', onExit);
        worker.on('message', onMessage);
        worker.postMessage({ type: 'init', module: execute.module, exportName: execute.exportName, context });
      })));
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    return new BlockPool(workers, execute, Number(process.hrtime.bigint() - t0) / 1e9);
  }

  /** Threads in the pool. */
  get threads(): number {
    return this.workers.length;
  }

  /** Start-up time and, per thread, busy time and blocks so far. */
  stats(): BlockPoolStats {
    return { startSeconds: this.startSeconds, busySeconds: [...this.busy], blocks: [...this.done] };
  }

  /**
   * Runs `blocks` on the pool's threads, passing each output with its block index to
   * `onOutput` as it arrives. Stops handing out blocks once `isCancelled()` is true. `shared`
   * goes with every block to the executor (structured-cloned; SharedArrayBuffers in it are
   * shared, not copied). One run at a time; rejects with the block's error when an executor
   * throws or a thread dies.
   */
  async run(blocks: readonly Block[], onOutput: (index: number, output: Output) => void, isCancelled: () => boolean = () => false, shared?: unknown): Promise<void> {
    if (this.running) throw new Error('BlockPool.run: the pool is already running blocks');
    this.running = true;
    let next = 0;
    try {
      await Promise.all(this.workers.map((worker, w) => new Promise<void>((resolve, reject) => {
        const onError = (e: Error): void => { finish(); reject(e); };
        const onExit = (code: number): void => { finish(); reject(new Error(`study worker thread exited with code ${code} before finishing its block`)); };
        const finish = (): void => { worker.off('error', onError); worker.off('exit', onExit); worker.off('message', onMessage); };
        const give = (): void => {
          if (next >= blocks.length || isCancelled()) { finish(); resolve(); return; }
          const index = next;
          next += 1;
          worker.postMessage({ type: 'block', index, block: blocks[index], shared });
        };
        const onMessage = (msg: BlockReply<Output>): void => {
          if (!msg.ok) { finish(); reject(new Error(`study worker failed on block ${msg.index}: ${msg.error}`)); return; }
          this.busy[w] += msg.seconds ?? 0;
          this.done[w] += 1;
          // The thread's next block first, so it runs while this thread merges the output.
          give();
          onOutput(msg.index, msg.output as Output);
        };
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.on('message', onMessage);
        give();
      })));
    } finally {
      this.running = false;
    }
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Runs blocks in `threads` fresh worker threads (see {@link BlockPool}) and stops them: each
 * thread loads the executor's module itself and receives the context once.
 */
export async function runBlocksInThreads<Context, Block, Output>(
  execute: BlockExecutor<Context, Block, Output>,
  context: Context,
  blocks: readonly Block[],
  threads: number,
  onOutput: (index: number, output: Output) => void,
  isCancelled: () => boolean = () => false,
  shared?: unknown,
): Promise<void> {
  const pool = await BlockPool.open(execute, context, Math.max(1, Math.min(threads, blocks.length)));
  try {
    await pool.run(blocks, onOutput, isCancelled, shared);
  } finally {
    await pool.close();
  }
}
