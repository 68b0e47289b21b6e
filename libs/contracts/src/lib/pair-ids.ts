/**
 * The ids of the small/large pairs a configuration or scenario may name. The pairs themselves
 * (catalog ids of both legs, frequency, horizons) are data, defined once in data-loader's
 * `pairs/`; a test of the studies library checks that the two lists agree.
 */
export const PAIR_IDS = ['rut-gspc', 'iwm-spy', 'ff-size'] as const;

/** A pair id. */
export type PairId = (typeof PAIR_IDS)[number];
