import type { MarketData } from '@ratecut/sim-core';
import { alignOnCommonDays } from '../lib/calendar/align-on-common-days';
import { asOfJoin } from '../lib/calendar/as-of-join';
import { loadCatalog } from '../lib/catalog/load-catalog';
import { loadSeries } from '../lib/catalog/load-series';

/**
 * The real-data market the kernel and sweep checks use: ^RUT (small) and ^GSPC (large) closes
 * on their common days, cash and policy rate the effective fed funds rate DFF (as-of joined),
 * days before DFF's first observation dropped; 252 periods a year. Read in place from `dataDir`.
 *
 * @throws Error when a series does not load.
 */
export function loadRealRutGspc(dataDir: string): MarketData {
  const catalog = loadCatalog(dataDir);
  if (!catalog.ok) throw new Error('catalog did not load');
  const [rut, gspc, dff] = ['rut', 'gspc', 'dff'].map((id) => {
    const s = loadSeries(catalog.value, id);
    if (!s.ok) throw new Error(`${id} did not load`);
    return s.value;
  });
  const aligned = alignOnCommonDays([rut, gspc]);
  const cash = asOfJoin(dff, aligned.days);
  const first = cash.findIndex((r) => Number.isFinite(r));
  const cashRate = cash.slice(first);
  return {
    days: aligned.days.slice(first), assets: ['small', 'large'], closes: [aligned.values[0].slice(first), aligned.values[1].slice(first)],
    cashRate, policyRate: cashRate, periodsPerYear: 252,
  };
}
