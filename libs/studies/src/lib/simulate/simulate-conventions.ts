import type { SimulateResultJson } from '@ratecut/contracts';

/** How often a path's wealth is sampled for its drawdowns, as written in a result. */
export type DrawdownSampling = SimulateResultJson['drawdownSampling'];

/**
 * How often a path's wealth is sampled for its drawdowns (result key `drawdownSampling`): at
 * every step, so daily closes for the daily bootstrap and month-ends for the monthly methods
 * (student-t, rate-sensitivity, and any method on a monthly pair). A monthly path cannot see a
 * fall and recovery inside a month, so its drawdowns read shallower than a daily path's over
 * the same calendar horizon: the two are not comparable.
 */
export function drawdownSamplingOf(unit: 'trading days' | 'months', steps: number): DrawdownSampling {
  return unit === 'months'
    ? { frequency: 'monthly', steps, note: `sampled at month-ends (${steps} monthly steps): falls within a month are not seen, so these drawdowns are shallower than daily ones over the same horizon and not comparable with a daily bootstrap's` }
    : { frequency: 'daily', steps, note: `sampled at daily closes (${steps} trading-day steps)` };
}

/**
 * The conventions of a simulate result, in words: return basis, drawdown sampling, VaR sign,
 * analog windows, the curated emergency rule (when `emergencyRule` is given: the scenario
 * selects analogs by it) and determinism.
 */
export function simulateConventions(returnBasis: string, sampling: DrawdownSampling, emergencyRule: string | undefined): SimulateResultJson['conventions'] {
  return {
    returns: `simple returns over the horizon as decimals; ${returnBasis}; spread = small minus large, in decimal return points`,
    drawdown: `maximum drawdown of the wealth path over the horizon, as a negative decimal (starting wealth counts as a peak), ${sampling.note}`,
    var: 'VaR and CVaR are losses (positive numbers) of the horizon return at 95% and 99%',
    windows: 'each analog window runs from the last close before the first cut to windowMonths after it',
    ...(emergencyRule === undefined ? {} : { emergency: `${emergencyRule} (ratecut:data/easing-cycles.json)` }),
    determinism: 'path i draws from its own stream derived from (seed, i); results do not depend on the number of workers',
  };
}
