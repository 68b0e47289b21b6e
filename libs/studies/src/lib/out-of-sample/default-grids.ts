import type { SweptParameter } from '../sweep/kernel-sweep-block';

/** The values `start, start + step, …, end`, rounded to 12 significant digits. */
function range(start: number, end: number, step: number): number[] {
  const count = Math.floor((end - start) / step + 1e-9) + 1;
  return Array.from({ length: count }, (_, i) => Number((start + i * step).toPrecision(12)));
}

/**
 * The grid each built-in with parameters is validated over when no `--sweep` is given: the
 * ranges a user would try (about 10 to 80 combinations each, a few seconds on one thread).
 * The buy-and-hold built-ins have no parameter and no grid.
 */
export const DEFAULT_SELECTION_GRIDS: Readonly<Record<string, readonly SweptParameter[]>> = {
  'static-mix': [{ name: 'small', values: range(0, 1, 0.1) }],
  'cut-trigger': [{ name: 'holdMonths', values: range(3, 24, 3) }, { name: 'pauseMonths', values: range(2, 8, 2) }],
  'relative-momentum': [{ name: 'k', values: range(1, 12, 1) }, { name: 'threshold', values: range(0, 0.05, 0.01) }],
  'trend-filter': [{ name: 'fast', values: range(20, 80, 20) }, { name: 'slow', values: range(100, 300, 50) }],
  'rate-regime': [{ name: 'dropBp', values: range(25, 150, 25) }, { name: 'months', values: range(3, 12, 3) }],
};
