import { lastValueFrom, toArray } from 'rxjs';
import { squaresStudy } from '../../testing/squares-study';
import { BlockPool } from '../workers/block-pool';
import { runStudy, studyResult } from './run-study';
import { splitRange } from './split-range';

describe('splitRange', () => {
  it('cuts contiguous ranges fixed by count and size only', () => {
    expect(splitRange(10, 4)).toEqual([{ first: 0, count: 4 }, { first: 4, count: 4 }, { first: 8, count: 2 }]);
    expect(splitRange(0, 4)).toEqual([]);
    expect(() => splitRange(3, 0)).toThrow(RangeError);
  });
});

describe('runStudy', () => {
  jest.setTimeout(60_000);
  const expected = Array.from({ length: 103 }, (_, i) => (i + 7) ** 2);

  it('runs blocks in this thread and merges them in block order', async () => {
    const events = await lastValueFrom(runStudy(squaresStudy(103, 10, { offset: 7 })).pipe(toArray()));
    const result = events.at(-1);
    expect(result).toEqual({ type: 'result', result: expected });
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress).toHaveLength(11);
    expect(progress.at(-1)).toEqual({ type: 'progress', blocksDone: 11, blocksTotal: 11, done: 103, total: 103, unit: 'items' });
    expect(events.filter((e) => e.type === 'block').map((e) => (e.type === 'block' ? e.index : -1))).toEqual([...Array(11).keys()]);
  });

  it('gives the same result in worker threads, loading the executor from its own module', async () => {
    const seen: string[] = [];
    const result = await studyResult(runStudy(squaresStudy(103, 10, { offset: 7 }), { workers: 3 }), (e) => seen.push(e.type));
    expect(result).toEqual(expected);
    expect(seen.filter((t) => t === 'progress')).toHaveLength(11);
  });

  it('ends with the error of a failing block, in-process and in threads', async () => {
    await expect(studyResult(runStudy(squaresStudy(50, 10, { offset: 0, failAt: 33 })))).rejects.toThrow('item 33 fails on purpose');
    await expect(studyResult(runStudy(squaresStudy(50, 10, { offset: 0, failAt: 33 }), { workers: 2 }))).rejects.toThrow('item 33 fails on purpose');
  });

  it('feeds a merger every block in block order, in this thread and in worker threads, with the merge\'s result', async () => {
    for (const workers of [1, 3]) {
      const added: number[] = [];
      const study = squaresStudy(103, 10, { offset: 7 });
      const withMerger = {
        ...study,
        merger: () => {
          const values: number[] = [];
          return {
            add: (index: number, output: Float64Array) => { added.push(index); values.push(...output); },
            result: () => values,
          };
        },
      };
      expect(await studyResult(runStudy(withMerger, { workers }))).toEqual(expected);
      expect(added).toEqual([...Array(11).keys()]);
    }
  });

  it('reuses a started pool of threads for several runs, with the same result, and counts its work', async () => {
    const study = squaresStudy(103, 10, { offset: 7 });
    const pool = await BlockPool.open(study.execute, study.context, 2);
    try {
      expect(pool.threads).toBe(2);
      expect(await studyResult(runStudy(study, { pool }))).toEqual(expected);
      expect(await studyResult(runStudy(study, { pool, workers: 1 }))).toEqual(expected);
      const stats = pool.stats();
      expect(stats.startSeconds).toBeGreaterThan(0);
      expect(stats.blocks.reduce((a, b) => a + b, 0)).toBe(22);
      expect(stats.busySeconds.every((s) => s >= 0)).toBe(true);
      const other = { ...study, execute: { ...study.execute, exportName: 'somethingElse' } };
      await expect(studyResult(runStudy(other, { pool }))).rejects.toThrow('not this study\'s executor');
    } finally {
      await pool.close();
    }
  });

  it('refuses to open a pool on an executor its module does not export', async () => {
    const study = squaresStudy(10, 5, { offset: 0 });
    await expect(BlockPool.open({ ...study.execute, exportName: 'noSuchExport' }, study.context, 1)).rejects.toThrow('does not export a function noSuchExport');
  });

  it('does nothing until subscribed, and stops when unsubscribed', async () => {
    let runs = 0;
    const study = squaresStudy(100, 1, { offset: 0 });
    const counted = { ...study, execute: { ...study.execute, run: (...a: Parameters<typeof study.execute.run>) => { runs += 1; return study.execute.run(...a); } } };
    const events = runStudy(counted);
    expect(runs).toBe(0);
    const sub = events.subscribe();
    sub.unsubscribe();
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBeLessThan(100);
  });
});
