/**
 * The `queue-simulate-1m` benchmark's measurement: `ratecut simulate insurance-cuts --paths
 * 1000000` from the compiled CLI, in one process on 2 worker threads against the same run
 * through the job queue (`--queue`) on a Redis started here (Debian's redis-server, random
 * loopback port), with 2 `ratecut worker` processes (1 thread each) and with 1. The workers are
 * started once, before the timed runs, as long-running workers are; what each run costs them
 * (reading the stored study, starting their threads) is timed. Every repetition uses another
 * seed, so no worker reuses a run's study, and every queued run's files are compared, byte for
 * byte, with the in-process run's.
 */
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTestRedis } from '@ratecut/studies/testing';

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Wall seconds per repetition of each way of running, in the order run (alternating). */
export interface QueueSimulate {
  readonly inProcess: readonly number[];
  readonly twoWorkers: readonly number[];
  readonly oneWorker: readonly number[];
  readonly paths: number;
  /** Bytes Redis used after the last run (its outputs and jobs kept, as a user's server keeps them). */
  readonly redisUsedBytes: number;
  readonly redisVersion: string;
}

/** Starts `ratecut worker` in an empty folder with no data, its output in a log file; resolves once it takes blocks. */
async function startWorker(cli: string, url: string, prefix: string, dir: string, name: string): Promise<ChildProcess> {
  const cwd = fs.mkdtempSync(path.join(dir, `${name}-`));
  const log = path.join(dir, `${name}.log`);
  const fd = fs.openSync(log, 'w');
  const child = spawn(process.execPath, [cli, 'worker', '--queue', url, '--prefix', prefix], { cwd, env: { ...process.env, RATECUT_DATA: path.join(cwd, 'no-data') }, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  for (let waited = 0; !/taking blocks from/.test(fs.readFileSync(log, 'utf8')); waited += 20) {
    if (child.exitCode !== null || waited > 20_000) throw new Error(`ratecut worker did not start: ${fs.readFileSync(log, 'utf8').slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return child;
}

/** Runs `reps` repetitions (seeds 1..reps) of the three ways, alternating, and checks the files. */
export async function measureQueueSimulate(cli: string, dataDir: string, reps: number, paths = 1_000_000): Promise<Outcome<QueueSimulate>> {
  if (spawnSync('redis-server', ['--version']).error !== undefined) return { ok: false, message: 'redis-server is not installed (Debian: apt-get install redis-server)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratecut-bench-queue-'));
  const redis = await startTestRedis();
  const workers: ChildProcess[] = [];
  try {
    workers.push(
      await startWorker(cli, redis.url, 'two', dir, 'two-a'), await startWorker(cli, redis.url, 'two', dir, 'two-b'),
      await startWorker(cli, redis.url, 'one', dir, 'one-a'),
    );
    const times = { inProcess: [] as number[], twoWorkers: [] as number[], oneWorker: [] as number[] };
    const run = (where: string, seed: number, extra: readonly string[]): Outcome<number> => {
      const cwd = path.join(dir, `${where}-${seed}`);
      fs.mkdirSync(cwd);
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [cli, 'simulate', 'insurance-cuts', '--paths', String(paths), '--seed', String(seed), '--data', dataDir, '--out', 'r.json', ...extra], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 ** 2 });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      return r.status === 0 ? { ok: true, value: seconds } : { ok: false, message: `${where} run exited ${r.status}: ${r.stderr.trim().slice(0, 400)}` };
    };
    for (let seed = 1; seed <= reps; seed += 1) {
      for (const [where, extra, into] of [
        ['in-process', ['--workers', '2'], times.inProcess],
        ['two-workers', ['--queue', redis.url, '--prefix', 'two'], times.twoWorkers],
        ['one-worker', ['--queue', redis.url, '--prefix', 'one'], times.oneWorker],
      ] as const) {
        const r = run(where, seed, extra);
        if (!r.ok) return r;
        into.push(r.value);
      }
      for (const where of ['two-workers', 'one-worker']) {
        for (const file of ['r.json', 'r.percentiles.csv', 'r.fan.csv']) {
          const want = fs.readFileSync(path.join(dir, `in-process-${seed}`, file));
          if (!fs.readFileSync(path.join(dir, `${where}-${seed}`, file)).equals(want)) return { ok: false, message: `seed ${seed}: ${where}'s ${file} differs from the in-process run's` };
        }
      }
    }
    const info = spawnSync('redis-cli', ['-p', String(redis.port), 'info'], { encoding: 'utf8' }).stdout ?? '';
    const field = (name: string): string => new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1].trim() ?? '';
    return { ok: true, value: { ...times, paths, redisUsedBytes: Number(field('used_memory')), redisVersion: field('redis_version') } };
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => (w.exitCode === null ? new Promise((r) => w.once('exit', r)) : undefined)));
    await redis.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
