/** The targets of the two-leg built-ins, as palette indices of {@link LEG_PALETTE}. */

/** 100 % small caps. */
export const SMALL_TARGET = 0;
/** 100 % large caps. */
export const LARGE_TARGET = 1;
/** All cash. */
export const CASH_TARGET = 2;

/** Weights (small, large) of each target: small, large, cash. */
export const LEG_PALETTE: readonly number[] = [1, 0, 0, 1, 0, 0];
