/** Costs of trading, in basis points of traded value. */
export interface CostModel {
  /** Commission and fees, bp of traded value. */
  readonly costBps: number;
  /** Slippage (price impact and spread), bp of traded value. */
  readonly slippageBps: number;
}

/**
 * Checks a cost model: each rate a finite number of basis points >= 0, and together below
 * 10,000 bp (100 % of the traded value), without which the cost solution of
 * `executeRebalance` does not converge. Returns the problem in words, or null.
 */
export function checkCostModel(costs: CostModel): string | null {
  // Each rate in turn, without building arrays: the kernel checks the costs of every run.
  const bad = (k: string, v: number): string | null => (!Number.isFinite(v) || v < 0 ? `${k} must be a finite number of basis points >= 0, got ${v}` : null);
  const problem = bad('costBps', costs.costBps) ?? bad('slippageBps', costs.slippageBps);
  if (problem !== null) return problem;
  if (costs.costBps + costs.slippageBps >= 10_000) return `costBps + slippageBps must be below 10,000 bp (100 % of traded value), got ${costs.costBps + costs.slippageBps}`;
  return null;
}
