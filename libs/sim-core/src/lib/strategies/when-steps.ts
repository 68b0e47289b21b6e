import { monthIndex } from '../time/day-number';
import { statelessStep, type Step } from './strategy';

/** How often a strategy's proposed target is submitted. */
export type RebalanceSchedule =
  | { readonly kind: 'daily' }
  | { readonly kind: 'weekly' }
  | { readonly kind: 'month-end' }
  | { readonly kind: 'on-signal' }
  | { readonly kind: 'bands'; readonly band: number };

const differs = (a: Float64Array, b: Float64Array | null): boolean => {
  if (b === null) return true;
  for (let i = 0; i < a.length; i += 1) if (Math.abs(a[i] - b[i]) > 1e-12) return true;
  return false;
};

/** Submit whenever the proposed target differs from the last one submitted (and for the first target). */
export const onSignal = (): Step<Float64Array, boolean> =>
  statelessStep('on-signal', 0, (ctx, target) => differs(target, ctx.lastTarget));

/** Submit every day. */
export const daily = (): Step<Float64Array, boolean> => statelessStep('daily', 0, () => true);

const week = (d: number): number => Math.floor((d + 3) / 7); // weeks start on Monday (1970-01-05 was a Monday)

/**
 * Submit on the last row of each calendar week (by the data's calendar), and the first target.
 * The trading calendar is known in advance (exchanges publish it); prices are not, and the
 * view gives the next row's date only, never its data.
 */
export const atWeekEnd = (): Step<Float64Array, boolean> =>
  statelessStep('weekly', 0, (ctx) => {
    const next = ctx.view.nextDay();
    return ctx.lastTarget === null || Number.isNaN(next) || week(next) !== week(ctx.view.day);
  });

/** Submit on the last row of each calendar month (by the data's calendar), and the first target. */
export const atMonthEnd = (): Step<Float64Array, boolean> =>
  statelessStep('month-end', 0, (ctx) => {
    const next = ctx.view.nextDay();
    return ctx.lastTarget === null || Number.isNaN(next) || monthIndex(next) !== monthIndex(ctx.view.day);
  });

/** Submit when any weight has drifted more than `band` (absolute) from the target, or on a new signal. */
export const bands = (band: number): Step<Float64Array, boolean> =>
  statelessStep(`bands(${band})`, 0, (ctx, target) => {
    if (differs(target, ctx.lastTarget)) return true;
    for (let a = 0; a < target.length; a += 1) if (Math.abs(ctx.weights[a] - target[a]) > band) return true;
    return false;
  });

/** The `when` step for a schedule. */
export function whenStep(schedule: RebalanceSchedule): Step<Float64Array, boolean> {
  switch (schedule.kind) {
    case 'daily': return daily();
    case 'weekly': return atWeekEnd();
    case 'month-end': return atMonthEnd();
    case 'on-signal': return onSignal();
    case 'bands': return bands(schedule.band);
  }
}

