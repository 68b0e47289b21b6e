import { describeBlocks, shardBlocks } from './shard-blocks';

describe('shardBlocks', () => {
  it('splits the blocks into N strided sets that cover each block exactly once, sizes within one of each other', () => {
    for (const blocks of [0, 1, 2, 3, 7, 10, 100, 101]) {
      for (const n of [1, 2, 3, 4, 8, 13]) {
        const shards = Array.from({ length: n }, (_, i) => shardBlocks(blocks, i + 1, n));
        expect(shards.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: blocks }, (_, i) => i));
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        shards.forEach((s, k) => s.forEach((x, i) => expect(x).toBe(k + i * n)));
      }
    }
    expect(shardBlocks(10, 2, 3)).toEqual([1, 4, 7]);
    expect([1, 2, 3].map((k) => shardBlocks(2, k, 3))).toEqual([[0], [1], []]);
  });

  it('refuses what is not a shard', () => {
    expect(() => shardBlocks(10, 0, 3)).toThrow('shard 0/3 is not k/N');
    expect(() => shardBlocks(10, 4, 3)).toThrow('shard 4/3 is not k/N');
    expect(() => shardBlocks(10, 1.5, 3)).toThrow(RangeError);
    expect(() => shardBlocks(-1, 1, 3)).toThrow('block count');
  });

  it('describes block indices in words, runs joined, long lists cut', () => {
    expect(describeBlocks([])).toBe('no blocks');
    expect(describeBlocks([7])).toBe('block 7');
    expect(describeBlocks([0, 1, 2, 5])).toBe('blocks 0-2, 5');
    expect(describeBlocks(shardBlocks(100, 1, 4))).toBe('blocks 0, 4, 8, 12, 16, 20, 24, 28, ... (25 blocks)');
  });
});
