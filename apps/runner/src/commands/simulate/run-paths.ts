import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PreparedSource } from '@ratecut/sim-core/monte-carlo';
import { runPathJob, type PathJob, type PathJobTemplate, type PathOutcomes } from './path-job';

/** Shards per worker: small enough for a smooth progress bar, large enough to amortise messages. */
const SHARDS_PER_WORKER = 4;
let sourceCounter = 0;

/**
 * Simulates `paths` paths for a job template, in `workers` worker threads (1 = in this thread),
 * as contiguous shards of path indices, and assembles the outcomes in path order. Because each
 * path has its own random stream, the result is identical for any worker count.
 */
export async function runPaths(
  template: PathJobTemplate,
  paths: number,
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<PathOutcomes> {
  const all = { smallReturn: new Float64Array(paths), largeReturn: new Float64Array(paths), smallMaxDrawdown: new Float64Array(paths), largeMaxDrawdown: new Float64Array(paths) };
  const shardCount = Math.max(1, Math.min(paths, workers * SHARDS_PER_WORKER));
  const shards = Array.from({ length: shardCount }, (_, s) => {
    const first = Math.floor((s * paths) / shardCount);
    return { firstPath: first, pathCount: Math.floor(((s + 1) * paths) / shardCount) - first };
  });
  // Windows are prepared once per thread (cached under this key), not once per shard.
  const job = template.kind === 'bootstrap' ? { ...template, sourceKey: `source-${process.pid}-${(sourceCounter += 1)}` } : template;
  const cache = new Map<string, PreparedSource>();
  let done = 0;
  const place = (first: number, out: PathOutcomes): void => {
    all.smallReturn.set(out.smallReturn, first);
    all.largeReturn.set(out.largeReturn, first);
    all.smallMaxDrawdown.set(out.smallMaxDrawdown, first);
    all.largeMaxDrawdown.set(out.largeMaxDrawdown, first);
    done += out.smallReturn.length;
    onProgress?.(done, paths);
  };
  if (workers <= 1) {
    for (const s of shards) place(s.firstPath, runPathJob({ ...job, ...s } satisfies PathJob, cache));
    return all;
  }
  const queue = [...shards];
  const pool = Array.from({ length: Math.min(workers, shards.length) }, () => new Worker(join(__dirname, 'simulate-worker.js')));
  try {
    await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
      const next = (): void => {
        const s = queue.shift();
        if (s === undefined) { resolve(); return; }
        const onMessage = (msg: { ok: boolean; out?: PathOutcomes; error?: string }): void => {
          worker.off('error', onError);
          if (!msg.ok || msg.out === undefined) { reject(new Error(`simulation worker failed: ${msg.error}`)); return; }
          place(s.firstPath, msg.out);
          next();
        };
        const onError = (e: Error): void => { worker.off('message', onMessage); reject(e); };
        worker.once('message', onMessage);
        worker.once('error', onError);
        worker.postMessage({ ...job, ...s });
      };
      next();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return all;
}
