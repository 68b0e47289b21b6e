import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cutWindow, DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS, formatDay, MarketView, rowAtOrBefore } from '@ratecut/sim-core';
import { loadCatalog, loadEasingCycles, loadMarketData, PAIRS } from '@ratecut/data-loader';
import { realDataDir } from '@ratecut/data-loader/testing';

/**
 * On the real data (skipped without it): the cycles cut-trigger's detector starts while it runs
 * row by row over the daily rut-gspc calendar are the cycles `detectEasingCycles` finds, each on
 * the first trading day on or after the first cut's effective date.
 */
const catalogPath = join(realDataDir(), 'catalog.json');
const describeReal = existsSync(catalogPath) ? describe : describe.skip;

describeReal('cut dates on the real data', () => {
  it("cut-trigger's cycle starts equal the detector's first cuts (rut-gspc, daily)", () => {
    const catalog = loadCatalog(catalogPath);
    if (!catalog.ok) throw new Error('catalog did not load');
    const rule = DEFAULT_EASING_CYCLE_RULE;
    const easing = loadEasingCycles(catalog.value, join(__dirname, '..', '..', '..', '..', '..', 'data', 'nber-business-cycles.json'), rule, DEFAULT_RECESSION_WINDOW_MONTHS);
    if (!easing.ok) throw new Error('cycles did not load');
    const pair = PAIRS.find((p) => p.id === 'rut-gspc')!;
    const market = loadMarketData(catalog.value, { small: pair.small, large: pair.large }, 'fedfunds', easing.value.history);
    if (!market.ok) throw new Error('market data did not load');
    const { data } = market.value;

    const step = cutWindow(12, rule.minMoveBp, rule.pauseMonths);
    const state = step.init();
    const starts: string[] = [];
    for (let t = step.warmup; t < data.days.length; t += 1) {
      const before = state.cycleStartDay;
      step.run({ view: new MarketView(data, t), weights: new Float64Array(2), lastTarget: null }, undefined, state);
      if (!Number.isNaN(state.cycleStartDay) && state.cycleStartDay !== before) starts.push(formatDay(state.cycleStartDay));
    }
    const last = data.days[data.days.length - 1];
    const expected = easing.value.cycles
      .map((c) => c.cycle.firstCut)
      .filter((d) => d > data.days[0] && d <= last)
      .map((d) => {
        const r = rowAtOrBefore(data.days, d);
        return formatDay(data.days[r] === d ? d : data.days[r + 1]);
      });
    expect(starts).toEqual(expected);
    expect(starts).toEqual(expect.arrayContaining(['1995-07-06', '2024-09-19', '2025-09-18']));
  });
});
