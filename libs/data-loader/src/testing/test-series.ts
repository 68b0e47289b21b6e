import { makeSeries, parseIsoDay, type Series, type SeriesMeta } from '@ratecut/sim-core';

/**
 * A small hand-made series for tests: ISO dates and values, with a price meta unless
 * overridden. Throws on an unreadable date (a mistake in the test itself).
 */
export function testSeries(dates: readonly string[], values: readonly number[], meta: Partial<SeriesMeta> = {}): Series {
  const days = Int32Array.from(
    dates.map((d) => {
      const day = parseIsoDay(d);
      if (Number.isNaN(day)) throw new Error(`testSeries: bad date ${d}`);
      return day;
    }),
  );
  const full: SeriesMeta = {
    id: 'test',
    title: 'test series',
    kind: 'price',
    frequency: 'daily',
    unit: 'index points',
    totalReturn: false,
    source: 'hand-made',
    synthetic: true,
    ...meta,
  };
  return makeSeries(full, days, Float64Array.from(values));
}
