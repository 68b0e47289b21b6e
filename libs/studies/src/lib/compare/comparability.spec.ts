import { backtestInput, fixtureReturns, simulateInput } from '../../testing/compare-fixtures';
import { differencesBetween } from './comparability';

describe('simulation horizons compare by calendar months', () => {
  const daily12 = simulateInput('daily12');
  const monthly12 = simulateInput('t12');
  if (monthly12.kind === 'simulate') Object.assign(monthly12.doc, { method: { kind: 'student-t' }, horizon: { months: 12, steps: 12, unit: 'months' } });
  const daily6 = simulateInput('daily6', { months: 6 });
  const daily250 = simulateInput('daily250');
  if (daily250.kind === 'simulate') Object.assign(daily250.doc, { horizon: { months: 12, steps: 250, unit: 'trading days' } });

  it('accepts 252 trading days against 12 monthly steps (stationary vs student-t)', () => {
    expect(differencesBetween(daily12, monthly12)).toEqual([]);
    expect(differencesBetween(monthly12, daily12)).toEqual([]);
  });

  it('refuses different calendar horizons, in either unit', () => {
    expect(differencesBetween(daily12, daily6).map((d) => d.message)).toEqual(['horizon: 12 months (252 trading days) in daily12.json, 6 months (126 trading days) in daily6.json']);
    expect(differencesBetween(monthly12, daily6).map((d) => d.message)).toEqual(['horizon: 12 months (12 monthly steps) in t12.json, 6 months (126 trading days) in daily6.json']);
    expect(differencesBetween(daily12, daily250).map((d) => d.message)).toEqual(['horizon: 12 months (252 trading days) in daily12.json, 11.9 months (250 trading days) in daily250.json']);
  });
});

describe('backtests compare by data, period, cycles and conventions', () => {
  const bench = { label: 'benchmark:hold', returns: fixtureReturns(100, 1) };
  const a = backtestInput('a.json', [{ label: 'x', returns: fixtureReturns(100, 2) }], bench);

  it('finds no difference between files of the same data', () => {
    expect(differencesBetween(a, backtestInput('b.json', [{ label: 'y', returns: fixtureReturns(100, 3) }], bench))).toEqual([]);
  });

  it('lists every difference: hashes per file, inputs in one file only, pair, dates, rows, cycles, anchor and rule', () => {
    const other = backtestInput('o.json', [{ label: 'y', returns: fixtureReturns(100, 3) }], bench, (doc) => {
      doc.data.inputs = [{ file: 'catalog.json', sha256: 'ef'.repeat(32) }, { file: 'new.csv', sha256: '00'.repeat(32) }];
      doc.data.pair.id = 'iwm-spy';
      doc.data.last = '2021-06-30';
      doc.data.rows = 7;
      doc.cycles.pop();
      doc.conventions['anchor'] = 'base = close of the first cut day';
      doc.conventions['cycleRule'] = 'x'.repeat(80);
    });
    expect(differencesBetween(a, other).map((d) => d.message)).toEqual([
      'data.pair: rut-gspc in a.json, iwm-spy in o.json',
      'data.inputs: catalog.json sha256 abababababab in a.json, efefefefefef in o.json',
      'data.inputs: small.csv only in a.json',
      'data.inputs: new.csv only in o.json',
      'data.last: 2019-04-11 in a.json, 2021-06-30 in o.json',
      'data.rows: 101 in a.json, 7 in o.json',
      'cycles: 2020-03 only in a.json',
      'conventions.anchor: base = close before the first cut in a.json, base = close of the first cut day in o.json',
      `conventions.cycleRule: a cut of 25 bp or more in a.json, ${'x'.repeat(59)}… in o.json`,
    ]);
  });
});
