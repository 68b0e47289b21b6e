import { splitRange, type ItemRange } from '../lib/study/split-range';
import type { Study } from '../lib/study/study';

/** Context of the test study: a seed-like offset every block adds. */
export interface SquaresContext { readonly offset: number; readonly failAt?: number; readonly sleepMs?: number }

/**
 * Test block executor: squares of `offset + i` for the block's items, as a Float64Array (so the
 * pool's buffer transfer is exercised). Blocks that finish early are deliberately uneven in cost.
 * With `failAt`, the block holding that item throws; with `sleepMs`, every block first sleeps
 * that long (a block long enough to kill a worker in, or to restart Redis under).
 */
export function squaresBlock(context: SquaresContext, block: ItemRange): Float64Array {
  if (context.failAt !== undefined && block.first <= context.failAt && context.failAt < block.first + block.count) {
    throw new RangeError(`block with item ${context.failAt} fails on purpose`);
  }
  if (context.sleepMs !== undefined) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, context.sleepMs);
  const out = new Float64Array(block.count);
  for (let i = 0; i < block.count; i += 1) out[i] = (context.offset + block.first + i) ** 2;
  return out;
}

/** A study of `count` squares in blocks of `size`; the result is every square in order. */
export function squaresStudy(count: number, size: number, context: SquaresContext): Study<{ count: number }, SquaresContext, ItemRange, Float64Array, number[]> {
  return {
    kind: 'squares',
    plan: { count },
    context,
    blocks: splitRange(count, size),
    execute: { module: __filename, exportName: 'squaresBlock', run: squaresBlock },
    blockWeight: (b) => b.count,
    unit: 'items',
    merge: (outputs) => outputs.flatMap((o) => Array.from(o)),
  };
}
