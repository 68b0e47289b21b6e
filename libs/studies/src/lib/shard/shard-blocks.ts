/**
 * The blocks shard `k` of `n` runs (`k` from 1): every `n`-th block index from `k − 1`
 * (`k − 1`, `k − 1 + n`, `k − 1 + 2n`, ... below `B`, for `B` blocks). It depends on `B`, `k`
 * and `n` only, so every machine computes the same split; the shards cover every block exactly
 * once, their sizes differ by at most one, and a shard may be empty when `n > B`. Strided rather
 * than contiguous, so work that is heavier in some blocks (a simulation replays its strategies
 * on its first paths only) is spread over the shards.
 *
 * @throws RangeError when `k` or `n` is not a whole number with `1 ≤ k ≤ n`, or `B` is not a
 * whole number ≥ 0 (programmer errors: the CLI checks `--shard` first).
 */
export function shardBlocks(blockCount: number, k: number, n: number): number[] {
  if (!Number.isInteger(blockCount) || blockCount < 0) throw new RangeError(`shardBlocks: block count must be a whole number >= 0, got ${blockCount}`);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`shardBlocks: shard ${k}/${n} is not k/N with 1 <= k <= N`);
  const out: number[] = [];
  for (let i = k - 1; i < blockCount; i += n) out.push(i);
  return out;
}

/**
 * Block indices in words, runs of consecutive indices joined and long lists cut:
 * `0, 1, 2, 5` → `blocks 0-2, 5`; `[7]` → `block 7`; more than 8 runs → the first 8, `...` and
 * the count.
 */
export function describeBlocks(indices: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < indices.length; i += 1) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j += 1;
    runs.push(i === j ? `${indices[i]}` : `${indices[i]}-${indices[j]}`);
    i = j;
  }
  if (indices.length === 0) return 'no blocks';
  const listed = runs.length > 8 ? `${runs.slice(0, 8).join(', ')}, ... (${indices.length} blocks)` : runs.join(', ');
  return `${indices.length === 1 ? 'block' : 'blocks'} ${listed}`;
}
