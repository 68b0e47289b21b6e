import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BlockExecutor } from '../study/study';

/**
 * Runs blocks in `threads` worker threads. Each thread loads the executor's module itself and
 * receives the context once; blocks are handed out in order as threads become free, and each
 * output is passed to `onOutput` with its block index as it arrives. Arrival order varies from
 * run to run: callers place outputs by index and merge in block order.
 */
export async function runBlocksInThreads<Context, Block, Output>(
  execute: BlockExecutor<Context, Block, Output>,
  context: Context,
  blocks: readonly Block[],
  threads: number,
  onOutput: (index: number, output: Output) => void,
  isCancelled: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const pool = Array.from({ length: Math.max(1, Math.min(threads, blocks.length)) }, () => new Worker(join(__dirname, 'block-worker.js')));
  try {
    await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
      const onError = (e: Error): void => reject(e);
      const onExit = (code: number): void => reject(new Error(`study worker thread exited with code ${code} before finishing its block`));
      const finish = (): void => { worker.off('error', onError); worker.off('exit', onExit); worker.off('message', onMessage); };
      const give = (): void => {
        if (next >= blocks.length || isCancelled()) { finish(); resolve(); return; }
        const index = next;
        next += 1;
        worker.postMessage({ type: 'block', index, block: blocks[index] });
      };
      const onMessage = (msg: { ok: boolean; index: number; output?: Output; error?: string }): void => {
        if (!msg.ok) { finish(); reject(new Error(`study worker failed on block ${msg.index}: ${msg.error}`)); return; }
        onOutput(msg.index, msg.output as Output);
        give();
      };
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.on('message', onMessage);
      worker.postMessage({ type: 'init', module: execute.module, exportName: execute.exportName, context });
      give();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
