/**
 * The three small/large pairs ratecut studies (the one definition of a pair: catalog ids of
 * both legs, frequency, post-cut horizons and conventions), used by every command.
 * What the returns include (price or total return) is not stated here: it comes from the
 * catalog's `totalReturn` flags when the pair is loaded (`LoadedPair.returnBasis`).
 */
import { monthsToRows } from '@ratecut/sim-core';

/** One small/large pair: catalog ids of the legs (`id` or `id:column`), frequency, horizons. */
export interface PairDefinition {
  readonly id: string;
  readonly title: string;
  readonly small: string;
  readonly large: string;
  readonly frequency: 'daily' | 'monthly';
  /** How `ratecut cycles` counts its horizons for this pair. */
  readonly horizonNote: string;
  readonly horizons: readonly { readonly label: string; readonly steps: number }[];
  readonly maxAnchorGapDays: number;
}

/** Post-cut horizons, in calendar months. */
const HORIZON_MONTHS = [3, 6, 12, 24] as const;
/** The horizons as rows of data with `periodsPerYear` rows a year (63/126/252/504 daily, 3/6/12/24 monthly). */
const horizonsInRows = (periodsPerYear: number): PairDefinition['horizons'] =>
  HORIZON_MONTHS.map((months) => ({ label: `${months}m`, steps: monthsToRows(months, periodsPerYear) }));
const DAILY = horizonsInRows(252);
const MONTHLY = horizonsInRows(12);

/** Every pair, in the order outputs list them. */
export const PAIRS: readonly PairDefinition[] = [
  {
    id: 'rut-gspc',
    title: 'Russell 2000 vs S&P 500 (^RUT vs ^GSPC)',
    small: 'rut',
    large: 'gspc',
    frequency: 'daily',
    horizonNote: 'horizons in trading days (63/126/252/504)',
    horizons: DAILY,
    maxAnchorGapDays: 7,
  },
  {
    id: 'iwm-spy',
    title: 'IWM vs SPY (ETFs)',
    small: 'iwm',
    large: 'spy',
    frequency: 'daily',
    horizonNote: 'horizons in trading days (63/126/252/504)',
    horizons: DAILY,
    maxAnchorGapDays: 7,
  },
  {
    id: 'ff-size',
    title: 'Fama-French smallest vs largest size decile (Lo 10 vs Hi 10, value-weighted)',
    small: 'ff-size-vw:Lo10',
    large: 'ff-size-vw:Hi10',
    frequency: 'monthly',
    horizonNote: 'horizons in months (3/6/12/24)',
    horizons: MONTHLY,
    maxAnchorGapDays: 32,
  },
];
