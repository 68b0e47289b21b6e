import { LEG_COLOURS, seriesColours, STRATEGY_COLOURS } from './palette';

describe('seriesColours', () => {
  it('gives small, large and the spread their fixed colours wherever they appear, and strategies the next colour in order', () => {
    const names = ['cut-trigger', 'small: buy-hold-small', 'large: buy-hold-large', 'small - large', 'trend-filter'];
    expect(seriesColours(names)).toEqual({
      domain: names,
      range: [STRATEGY_COLOURS[0], LEG_COLOURS.small, LEG_COLOURS.large, LEG_COLOURS.spread, STRATEGY_COLOURS[1]],
    });
  });

  it('never gives a strategy a leg colour', () => {
    const { range } = seriesColours(Array.from({ length: 20 }, (_, i) => `s${i}`));
    for (const c of range) expect(Object.values(LEG_COLOURS)).not.toContain(c);
  });
});
