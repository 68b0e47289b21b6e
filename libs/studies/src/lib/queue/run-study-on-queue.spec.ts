import { lastValueFrom, toArray } from 'rxjs';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { encodeQueuedStudy } from './queued-study';
import { startTestRedis, type TestRedis } from '../../testing/redis-server';
import { squaresStudy } from '../../testing/squares-study';
import { runStudy, studyResult } from '../study/run-study';
import type { StudyEvent } from '../study/study-event';
import { parseQueueAddress, type QueueAddress } from './queue-address';
import { startQueueWorker, type QueueWorkerEvent, type QueueWorkerHandle } from './queue-worker';
import { runStudyOnQueue } from './run-study-on-queue';
import { BLOCK_QUEUE, blockJobId, MERGE_QUEUE, queuedStudyKey, rootJobId } from './study-flow';
import { studyRunFingerprint } from '../shard/run-study-shard';

const identity = { command: { name: 'squares', args: ['--count', '103'] }, ratecutVersion: '0.0.0-test' };
const fast = { attempts: 2, backoffMs: 50 };

describe('runStudyOnQueue and startQueueWorker on a real Redis', () => {
  jest.setTimeout(120_000);
  let redis: TestRedis;
  let n = 0;
  /** A fresh key prefix per test, so runs of different tests never meet. */
  const address = (): QueueAddress => parseQueueAddress(redis.url, `test${process.pid}-${(n += 1)}`);
  const workers: QueueWorkerHandle[] = [];
  const started = (at: QueueAddress, events: QueueWorkerEvent[] = [], threads = 1): Promise<QueueWorkerHandle> =>
    startQueueWorker({ address: at, ratecutVersion: identity.ratecutVersion, threads, lockMs: 2000, onEvent: (e) => events.push(e) })
      .then((w) => { workers.push(w); return w; });

  beforeAll(async () => { redis = await startTestRedis(); });
  afterEach(async () => { await Promise.all(workers.splice(0).map((w) => w.close())); });
  afterAll(async () => { await redis.dispose(); });

  it('gives the result of a run in one process with 1 worker, with 3 workers, and through intermediate merge nodes', async () => {
    const context = { offset: 7 };
    const local = await studyResult(runStudy(squaresStudy(103, 10, context)));
    for (const [workerCount, fanout] of [[1, 1000], [3, 1000], [3, 4]] as const) {
      const at = address();
      const events: QueueWorkerEvent[][] = [];
      for (let w = 0; w < workerCount; w += 1) await started(at, (events[w] = []));
      const seen: StudyEvent<number[]>[] = await lastValueFrom(runStudyOnQueue(squaresStudy(103, 10, context), identity, { address: at, fanout, pollMs: 50 }).pipe(toArray()));
      const result = seen.find((e) => e.type === 'result');
      expect(result).toEqual({ type: 'result', result: local });
      const progress = seen.filter((e) => e.type === 'progress');
      expect(progress.map((p) => p.type === 'progress' && p.blocksDone)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(progress.at(-1)).toMatchObject({ done: 103, total: 103, unit: 'items' });
      // Every block ran once, on some worker.
      const ran = events.flat().filter((e) => e.type === 'done').map((e) => e.type === 'done' && e.job.index).sort((a, b) => Number(a) - Number(b));
      expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      await Promise.all(workers.splice(0).map((w) => w.close()));
      if (fanout === 4) {
        const merge = new Queue(MERGE_QUEUE, { connection: { host: '127.0.0.1', port: redis.port }, prefix: at.prefix });
        const fp = studyRunFingerprint(squaresStudy(103, 10, context), identity);
        expect(await merge.getJobState(`g-${fp}-2`)).toBe('completed');
        expect((await Job.fromId(merge, rootJobId(fp)))?.returnvalue).toEqual({ blocks: 11 });
        await merge.close();
      }
    }
  });

  it('computes a run once: submitted twice at once, and again after it finished (with no worker left)', async () => {
    const at = address();
    const context = { offset: 3, sleepMs: 30 };
    const events: QueueWorkerEvent[] = [];
    await started(at, events, 2);
    const run = (): Promise<number[]> => studyResult(runStudyOnQueue(squaresStudy(103, 10, context), identity, { address: at, pollMs: 50 }));
    const [a, b] = await Promise.all([run(), run()]);
    expect(a).toEqual(b);
    expect(events.filter((e) => e.type === 'start')).toHaveLength(11);
    await Promise.all(workers.splice(0).map((w) => w.close()));
    expect(await run()).toEqual(a);
  });

  it('retries a block that throws with back-off, then fails naming the block and its error', async () => {
    const at = address();
    const context = { offset: 0, failAt: 33 };
    const events: QueueWorkerEvent[] = [];
    await started(at, events);
    const t0 = Date.now();
    await expect(studyResult(runStudyOnQueue(squaresStudy(50, 10, context), identity, { address: at, retries: { attempts: 3, backoffMs: 300 }, pollMs: 50 })))
      .rejects.toThrow(/^block 3 of 5 failed after 3 tries: RangeError: block with item 33 fails on purpose$/);
    // Back-off: 300 ms then 600 ms between the three tries.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(events.filter((e) => e.type === 'failed').map((e) => e.type === 'failed' && [e.job.index, e.attempt])).toEqual([[3, 1], [3, 2], [3, 3]]);
  });

  it('refuses, without retrying, the blocks of a run whose stored study does not match its fingerprint', async () => {
    const at = address();
    await started(at);
    // Another study's record under this run's key (the submitter keeps a record already there).
    const run = squaresStudy(50, 10, { offset: 2 });
    const store = new Redis({ host: '127.0.0.1', port: redis.port });
    await store.set(queuedStudyKey(at.prefix, studyRunFingerprint(run, identity)), encodeQueuedStudy(squaresStudy(50, 10, { offset: 1 })));
    store.disconnect();
    await expect(studyResult(runStudyOnQueue(run, identity, { address: at, retries: fast, pollMs: 50 })))
      .rejects.toThrow(/^block 0 of 5 failed after 1 try \(4 more blocks failed\): the run's stored study has fingerprint [0-9a-f]{12} here, not the run's [0-9a-f]{12}: it was damaged/);
  });

  it('workers need no planning: they run blocks from the study the submitter stored', async () => {
    const at = address();
    const events: QueueWorkerEvent[] = [];
    await started(at, events);
    const context = { offset: 9 };
    expect(await studyResult(runStudyOnQueue(squaresStudy(20, 10, context), identity, { address: at, pollMs: 50 })))
      .toEqual(await studyResult(runStudy(squaresStudy(20, 10, context))));
    const store = new Redis({ host: '127.0.0.1', port: redis.port });
    const bytes = await store.getBuffer(queuedStudyKey(at.prefix, studyRunFingerprint(squaresStudy(20, 10, context), identity)));
    store.disconnect();
    expect(bytes?.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'done')).toHaveLength(2);
  });

  it('finishes when Redis restarts mid-run, with the same result', async () => {
    const at = address();
    const context = { offset: 5, sleepMs: 150 };
    const notices: string[] = [];
    const events: QueueWorkerEvent[] = [];
    await started(at, events, 2);
    const local = await studyResult(runStudy(squaresStudy(103, 10, { offset: 5 })));
    const done = studyResult(runStudyOnQueue(squaresStudy(103, 10, context), identity, { address: at, pollMs: 50, onNotice: (m) => notices.push(m) }));
    while (events.filter((e) => e.type === 'done').length < 3) await new Promise((r) => setTimeout(r, 20));
    await redis.stop();
    await new Promise((r) => setTimeout(r, 500));
    await redis.start();
    expect(await done).toEqual(local);
    expect(notices).toEqual([expect.stringMatching(/^lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+\/0.*; waiting for it$/), expect.stringMatching(/^connected to Redis at .* again$/)]);
    expect(events.some((e) => e.type === 'notice' && /lost the connection/.test(e.message))).toBe(true);
  });

  it('fails at once, naming the address, when no Redis answers there', async () => {
    const at = parseQueueAddress('redis://127.0.0.1:1/0');
    await expect(studyResult(runStudyOnQueue(squaresStudy(10, 5, { offset: 0 }), identity, { address: at }))).rejects.toThrow(/^cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0: .*ECONNREFUSED/);
  });

  it('keeps the blocks of a run under its own job ids', async () => {
    const fp = studyRunFingerprint(squaresStudy(10, 5, { offset: 0 }), identity);
    expect(blockJobId(fp, 1)).toBe(`b-${fp}-1`);
    expect(BLOCK_QUEUE).not.toBe(MERGE_QUEUE);
  });
});
