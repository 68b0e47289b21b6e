import type { SeriesMeta } from '@ratecut/sim-core';

/** What a pair's returns include, read from its two catalog entries. */
export interface PairReturnBasis {
  /** `price return: …`, `total return: …` or `mixed: …`, stated in every output. */
  readonly text: string;
  /** True when one leg is a total return and the other a price return. */
  readonly mixed: boolean;
}

/** How one series' levels are made, from its kind, unit, frequency and total-return flag. */
function describeLevels(meta: SeriesMeta): string {
  if (meta.kind === 'return') return `${meta.frequency} returns ${meta.totalReturn ? 'with' : 'without'} dividends, compounded`;
  if (meta.totalReturn) return 'dividend-adjusted closes';
  return /index/i.test(meta.unit) ? 'index levels without dividends' : 'prices without dividends';
}

/**
 * The return basis of a small/large pair, from the catalog's `totalReturn` flags (never
 * assumed): both total return, both price return, or mixed. A mixed pair's small-minus-large
 * difference includes the dividend yield of one leg only, which the text says.
 */
export function pairReturnBasis(small: SeriesMeta, large: SeriesMeta): PairReturnBasis {
  const a = describeLevels(small), b = describeLevels(large);
  if (small.totalReturn === large.totalReturn) {
    return { text: `${small.totalReturn ? 'total return' : 'price return'}: ${a === b ? a : `small ${a}, large ${b}`}`, mixed: false };
  }
  return {
    text: `mixed: small ${small.totalReturn ? 'total' : 'price'} return (${a}), large ${large.totalReturn ? 'total' : 'price'} return (${b}); ` +
      'small minus large includes the dividends of one leg only',
    mixed: true,
  };
}
