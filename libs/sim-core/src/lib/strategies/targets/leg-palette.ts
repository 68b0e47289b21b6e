/** The targets of the two-leg built-ins, as palette indices of {@link LEG_PALETTE}. */

/** 100 % small caps. */
export const SMALL_TARGET = 0;
/** 100 % large caps. */
export const LARGE_TARGET = 1;
/** All cash. */
export const CASH_TARGET = 2;

/**
 * Small where a condition holds and large where not, indexed by the condition as 0 or 1
 * (`LARGE_OR_SMALL[+(a > b)]`): a table read instead of a branch, which
 * in a loop over noisy signals is mispredicted about as often as the signal flips (measured: 4
 * to 5 times faster than a conditional on random data).
 */
export const LARGE_OR_SMALL = Int32Array.of(LARGE_TARGET, SMALL_TARGET);

/** Weights (small, large) of each target: small, large, cash. */
export const LEG_PALETTE: readonly number[] = [1, 0, 0, 1, 0, 0];
