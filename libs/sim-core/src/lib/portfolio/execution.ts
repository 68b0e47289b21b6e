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
 * Why `target[at .. at + n)` can never be traded under `limits` (a non-finite weight, a short
 * weight without `allowShort`, weights above 1 without `allowLeverage`), in words; null when it
 * can. Depends on the target only, so a caller that trades the same target many times checks it
 * once.
 */
export function targetProblem(target: Float64Array, limits: WeightLimits, at = 0, n = target.length - at): string | null {
  let sum = 0;
  for (let a = 0; a < n; a += 1) {
    const w = target[at + a];
    if (!Number.isFinite(w)) return `weight of asset ${a} is not a number`;
    if (w < -EPS && !limits.allowShort) return `negative weight ${w} without allowShort`;
    sum += w;
  }
  if (sum > 1 + 1e-9 && !limits.allowLeverage) return `weights sum to ${sum.toFixed(6)} > 1 without allowLeverage`;
  return null;
}

/** {@link solveRebalance}: the trade was made. */
export const REBALANCE_FILLED = 0;
/** {@link solveRebalance}: the portfolio is already at the target (nothing traded). */
export const REBALANCE_IGNORED = 1;
/** {@link solveRebalance}: the portfolio's value is not positive (nothing traded). */
export const REBALANCE_NOT_POSITIVE = 2;

/**
 * The arithmetic of a rebalancing, without allocation: trades `positions[0 .. n)` (value per
 * asset) and `cash` to the weights `target[at .. at + n)` at today's closes. Costs =
 * `rate` × traded value (rate = (costBps + slippageBps) / 10,000), paid from the portfolio, so
 * the target weights apply to the value after costs, found by fixed-point iteration (at most 8
 * steps; it converges because the rate is far below 1). On {@link REBALANCE_FILLED} it writes
 * the new positions into `newPositions`, each asset's traded value into `traded`, and the new
 * cash and the cost into `out[0]` and `out[1]`; otherwise it writes nothing. The target must
 * have passed {@link targetProblem}. The one implementation of the engine's execution
 * ({@link executeRebalance}) and of the portfolio kernel's.
 */
export function solveRebalance(
  positions: Float64Array, cash: number, target: Float64Array, at: number, n: number, rate: number,
  newPositions: Float64Array, traded: Float64Array, out: Float64Array,
): number {
  let equity = cash;
  for (let a = 0; a < n; a += 1) equity += positions[a];
  if (!(equity > 0)) return REBALANCE_NOT_POSITIVE;
  let post = equity, total = 0;
  for (let iter = 0; iter < 8; iter += 1) {
    total = 0;
    for (let a = 0; a < n; a += 1) total += Math.abs(target[at + a] * post - positions[a]);
    const next = equity - rate * total;
    if (Math.abs(next - post) <= 1e-13 * equity) { post = next; break; }
    post = next;
  }
  if (total <= 1e-10 * equity) return REBALANCE_IGNORED;
  let invested = 0;
  for (let a = 0; a < n; a += 1) {
    const p = target[at + a] * post;
    traded[a] = p - positions[a];
    newPositions[a] = p;
    invested += p;
  }
  out[0] = post - invested;
  out[1] = equity - post;
  return REBALANCE_FILLED;
}

/** The cost rate of a cost model: (costBps + slippageBps) / 10,000 of traded value. */
export function costRate(costs: CostModel): number {
  return (costs.costBps + costs.slippageBps) / 10_000;
}

/**
 * Trades from `positions` (value per asset) and `cash` to `target` weights at today's closes:
 * {@link targetProblem}, then {@link solveRebalance}. Pure: the inputs are not modified.
 */
export function executeRebalance(
  positions: Float64Array,
  cash: number,
  target: Float64Array,
  costs: CostModel,
  limits: WeightLimits,
): ExecutionOutcome {
  const problem = targetProblem(target, limits);
  if (problem !== null) return { status: 'rejected', reason: problem };
  const n = positions.length;
  const newPositions = new Float64Array(n), traded = new Float64Array(n), out = new Float64Array(2);
  const status = solveRebalance(positions, cash, target, 0, n, costRate(costs), newPositions, traded, out);
  if (status === REBALANCE_NOT_POSITIVE) return { status: 'rejected', reason: 'portfolio value is not positive' };
  if (status === REBALANCE_IGNORED) return { status: 'ignored', reason: 'already at target' };
  return { status: 'filled', positions: newPositions, cash: out[0], traded, cost: out[1] };
}
