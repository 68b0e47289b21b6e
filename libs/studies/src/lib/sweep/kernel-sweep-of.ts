import type { KernelSweepContext } from './kernel-sweep-block';
import { gridCombination, gridSize } from './kernel-sweep-block';
import type { SweepStudy } from './plan-sweep-study';

/** A planned sweep as the portfolio kernel runs it, with each combination's label. */
export interface KernelSweep {
  readonly sweep: KernelSweepContext;
  /** The grid's parameter names as the sweep table shows them (relative momentum's `k` is `k_months`). */
  readonly names: readonly string[];
  /** `name=value` pairs of each combination, in combination order. */
  readonly labels: readonly string[];
}

/**
 * The kernel form of a planned sweep, for the studies that run every combination themselves
 * (`validate spa` over a sweep, leave-one-cycle-out, walk-forward): a kernel sweep as it is;
 * relative momentum's month-end fast path as the same grid (`k`, `threshold`) through the kernel,
 * with the same data, costs, cycle windows and no leverage or shorting.
 */
export function kernelSweepOf(study: SweepStudy): KernelSweep {
  const { plan: header, context: sc } = study;
  const sweep: KernelSweepContext = sc.kind === 'kernel' ? sc : {
    kind: 'kernel', data: sc.data, strategy: header.strategy, params: {},
    grid: [{ name: 'k', values: sc.ks }, { name: 'threshold', values: sc.thresholds }],
    schedule: { kind: 'month-end' }, config: { ...sc.config, limits: { allowLeverage: false, allowShort: false } }, replay: sc.replay,
  };
  const names = sweep.grid.map((g) => (header.strategy === 'relative-momentum' && g.name === 'k' ? 'k_months' : g.name));
  const labels = Array.from({ length: gridSize(sweep.grid) }, (_, c) => gridCombination(sweep.grid, c).map((v, p) => `${names[p]}=${v}`).join(' '));
  return { sweep, names, labels };
}
