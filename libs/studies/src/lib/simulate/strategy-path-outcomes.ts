import type { ItemRange } from '../study/split-range';
import type { PathBlockOutput } from './path-job';
import { strategyPathsInBlock } from './strategy-path-block';
import { PATH_STRATEGIES } from './strategy-paths';

/** Horizon return and maximum drawdown (decimals) of every path strategy on each of the first `paths` paths, in path order. */
export interface StrategyPathOutcomes {
  readonly paths: number;
  /** `returns[k][p]`: strategy `k` of `PATH_STRATEGIES` on path `p`. */
  readonly returns: readonly Float64Array[];
  readonly drawdowns: readonly Float64Array[];
}

/**
 * Gathers the strategy outcomes of a simulation's blocks (in block order, as `runStudy` hands
 * them to a merger) into {@link StrategyPathOutcomes} of the first `paths` paths.
 *
 * @throws RangeError when a block's strategy outcomes are missing or of the wrong length, or a
 * block is added out of order or missing at the end (programmer errors).
 */
export function strategyPathOutcomesMerger(paths: number, blocks: readonly ItemRange[]): {
  add(index: number, output: PathBlockOutput): void;
  result(): StrategyPathOutcomes;
} {
  const strategies = PATH_STRATEGIES.length;
  const returns = PATH_STRATEGIES.map(() => new Float64Array(paths)), drawdowns = PATH_STRATEGIES.map(() => new Float64Array(paths));
  let next = 0;
  return {
    add(index, output) {
      const block = blocks[index];
      if (index !== next || block === undefined) throw new RangeError(`strategyPathOutcomesMerger: block ${index} added, block ${next} expected`);
      next += 1;
      const count = strategyPathsInBlock(block, paths);
      if (count === 0) return;
      const r = output.strategyReturns, d = output.strategyDrawdowns;
      if (r === undefined || d === undefined || r.length !== strategies * count || d.length !== strategies * count) {
        throw new RangeError(`strategyPathOutcomesMerger: block ${index} has ${r?.length ?? 0} strategy outcomes, expected ${strategies * count}`);
      }
      for (let k = 0; k < strategies; k += 1) {
        returns[k].set(r.subarray(k * count, (k + 1) * count), block.first);
        drawdowns[k].set(d.subarray(k * count, (k + 1) * count), block.first);
      }
    },
    result() {
      if (next !== blocks.length) throw new RangeError(`strategyPathOutcomesMerger: ${next} of ${blocks.length} blocks added`);
      return { paths, returns, drawdowns };
    },
  };
}
