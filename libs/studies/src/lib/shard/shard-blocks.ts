/**
 * The blocks shard `k` of `n` runs (`k` from 1): a contiguous run of the study's block indices,
 * `floor((k − 1)·B / n)` up to `floor(k·B / n) − 1` for `B` blocks. It depends on `B`, `k` and
 * `n` only, so every machine computes the same split; the shards cover every block exactly
 * once, their sizes differ by at most one, and a shard may be empty when `n > B`.
 *
 * @throws RangeError when `k` or `n` is not a whole number with `1 ≤ k ≤ n`, or `B` is not a
 * whole number ≥ 0 (programmer errors: the CLI checks `--shard` first).
 */
export function shardBlocks(blockCount: number, k: number, n: number): number[] {
  if (!Number.isInteger(blockCount) || blockCount < 0) throw new RangeError(`shardBlocks: block count must be a whole number >= 0, got ${blockCount}`);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`shardBlocks: shard ${k}/${n} is not k/N with 1 <= k <= N`);
  const first = Math.floor(((k - 1) * blockCount) / n);
  const end = Math.floor((k * blockCount) / n);
  return Array.from({ length: end - first }, (_, i) => first + i);
}
