/**
 * The report's colours: one for small caps, one for large caps and one for the spread on every
 * page and in every chart, and a fixed order for strategies (none of them close to those three),
 * so a series keeps its colour from chart to chart. Colour-blind safe pairs from the Okabe–Ito
 * palette (Okabe and Ito 2008) where possible.
 */
export const LEG_COLOURS = {
  /** Small caps (Russell 2000, IWM, Fama-French small): vermillion. */
  small: '#d55e00',
  /** Large caps (S&P 500, SPY, Fama-French big): blue. */
  large: '#0072b2',
  /** Small minus large: purple. */
  spread: '#7b3294',
} as const;

/** Colours for strategies other than the two buy-and-hold legs, in order of appearance. */
export const STRATEGY_COLOURS = ['#009e73', '#e69f00', '#cc79a7', '#56b4e9', '#8c6d31', '#4d4d4d', '#b8a600', '#17becf'] as const;

/** Past cycles and other context drawn behind the main series. */
export const CONTEXT_GREY = '#bdbdbd';
/** The current cycle, the event mean, a rule that marks "now": red. */
export const HIGHLIGHT_RED = '#c0392b';
/** Positive and negative cells and bars (gains, losses). */
export const GAIN_GREEN = '#1a9850';
export const LOSS_RED = '#d73027';
/** Shading of easing cycles and recessions behind time series. */
export const EASING_SHADE = '#9ecae1';
export const RECESSION_SHADE = '#bdbdbd';

/**
 * The colour of each named series: a name starting with `small` gets the small colour, `large`
 * the large colour, `spread` or `small - large` the spread colour, and every other name the next
 * strategy colour. For a Vega-Lite `scale: { domain, range }`.
 */
export function seriesColours(names: readonly string[]): { domain: string[]; range: string[] } {
  let next = 0;
  const range = names.map((n) => {
    if (/^small\b/.test(n) && !/^small\s*(-|−|minus)\s*large/.test(n)) return LEG_COLOURS.small;
    if (/^large\b/.test(n)) return LEG_COLOURS.large;
    if (/^(spread|small\s*(-|−|minus)\s*large)/.test(n)) return LEG_COLOURS.spread;
    const c = STRATEGY_COLOURS[next % STRATEGY_COLOURS.length];
    next += 1;
    return c;
  });
  return { domain: [...names], range };
}
