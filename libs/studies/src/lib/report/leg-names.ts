/** The legs of a pair in words, for labels, headlines and table rows. */
export interface LegNames {
  /** The small-cap leg, e.g. "Russell 2000". */
  readonly small: string;
  /** The large-cap leg, e.g. "S&P 500". */
  readonly large: string;
}

/**
 * Short names of the legs of every pair ratecut defines (see `PAIRS` in `@ratecut/data-loader`;
 * a test checks that each pair has its names here).
 */
export const PAIR_LEG_NAMES: Readonly<Record<string, LegNames>> = {
  'rut-gspc': { small: 'Russell 2000', large: 'S&P 500' },
  'iwm-spy': { small: 'IWM', large: 'SPY' },
  'ff-size': { small: 'smallest size decile', large: 'largest size decile' },
};

/**
 * The legs of a result's pair in words: the short names of a pair ratecut defines, else
 * "small caps (<id>)" and "large caps (<id>)" with the catalog ids the result names.
 */
export function legNames(pair: { readonly id: string; readonly small: string; readonly large: string }): LegNames {
  return PAIR_LEG_NAMES[pair.id] ?? { small: `small caps (${pair.small})`, large: `large caps (${pair.large})` };
}
