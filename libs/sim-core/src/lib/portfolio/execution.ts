import type { CostModel } from './cost-model';

/** Limits on the weights a strategy may ask for. */
export interface WeightLimits {
  /** Allow the sum of asset weights above 1 (borrowing cash at the cash rate). Default false. */
  readonly allowLeverage: boolean;
  /** Allow negative asset weights. Default false. */
  readonly allowShort: boolean;
}

/** Result of a rebalancing: a value, not an exception. */
export type ExecutionOutcome =
  | { readonly status: 'filled'; readonly positions: Float64Array; readonly cash: number; readonly traded: Float64Array; readonly cost: number }
  | { readonly status: 'ignored'; readonly reason: string }
  | { readonly status: 'rejected'; readonly reason: string };

const EPS = 1e-12;

/**
 * Trades from `positions` (value per asset) and `cash` to `target` weights at today's closes.
 * Costs = (costBps + slippageBps) / 10,000 × traded value, paid from the portfolio, so the
 * target weights apply to equity after costs (solved by fixed-point iteration, which converges
 * because the cost rate is far below 1). Pure: the inputs are not modified.
 */
export function executeRebalance(
  positions: Float64Array,
  cash: number,
  target: Float64Array,
  costs: CostModel,
  limits: WeightLimits,
): ExecutionOutcome {
  let sum = 0;
  for (let a = 0; a < target.length; a += 1) {
    const w = target[a];
    if (!Number.isFinite(w)) return { status: 'rejected', reason: `weight of asset ${a} is not a number` };
    if (w < -EPS && !limits.allowShort) return { status: 'rejected', reason: `negative weight ${w} without allowShort` };
    sum += w;
  }
  if (sum > 1 + 1e-9 && !limits.allowLeverage) return { status: 'rejected', reason: `weights sum to ${sum.toFixed(6)} > 1 without allowLeverage` };

  let equity = cash;
  for (let a = 0; a < positions.length; a += 1) equity += positions[a];
  if (!(equity > 0)) return { status: 'rejected', reason: 'portfolio value is not positive' };

  const rate = (costs.costBps + costs.slippageBps) / 10_000;
  let post = equity, traded = 0;
  for (let iter = 0; iter < 8; iter += 1) {
    traded = 0;
    for (let a = 0; a < positions.length; a += 1) traded += Math.abs(target[a] * post - positions[a]);
    const next = equity - rate * traded;
    if (Math.abs(next - post) <= 1e-13 * equity) { post = next; break; }
    post = next;
  }
  if (traded <= 1e-10 * equity) return { status: 'ignored', reason: 'already at target' };

  const newPositions = new Float64Array(positions.length);
  const tradedByAsset = new Float64Array(positions.length);
  let invested = 0;
  for (let a = 0; a < positions.length; a += 1) {
    newPositions[a] = target[a] * post;
    tradedByAsset[a] = newPositions[a] - positions[a];
    invested += newPositions[a];
  }
  return { status: 'filled', positions: newPositions, cash: post - invested, traded: tradedByAsset, cost: equity - post };
}
