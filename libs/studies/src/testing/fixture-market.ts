import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayFromYmd, formatDay } from '@ratecut/sim-core';

/**
 * A small deterministic market written as a catalog (formulas, no real data): two indices on
 * weekdays of 2018-2021, a policy target with a hike, an easing cycle in 2019 and an
 * emergency cycle in 2020, and a constant-ish fed funds rate.
 */
export function writeFixture(dir: string): void {
  const days: number[] = [];
  for (let d = dayFromYmd(2018, 1, 1); d <= dayFromYmd(2021, 12, 31); d += 1) {
    const wd = (((d + 4) % 7) + 7) % 7;
    if (wd !== 0 && wd !== 6) days.push(d);
  }
  const small = days.map((_, i) => (100 * Math.exp(0.0003 * i + 0.08 * Math.sin(i / 37))).toFixed(4));
  const large = days.map((_, i) => (100 * Math.exp(0.0004 * i + 0.05 * Math.sin(i / 53 + 1))).toFixed(4));
  writeFileSync(join(dir, 'small.csv'), 'date,close\n' + days.map((d, i) => `${formatDay(d)},${small[i]}`).join('\n') + '\n');
  writeFileSync(join(dir, 'large.csv'), 'date,close\n' + days.map((d, i) => `${formatDay(d)},${large[i]}`).join('\n') + '\n');
  writeFixtureRatesAndCatalog((file, text) => writeFileSync(join(dir, file), text));
}

/**
 * The fixture's policy target (one hike, easing cycles with first cuts 2019-08-01 and
 * 2020-03-04), its effective rate and the catalog of the four series, written with `write`.
 */
export function writeFixtureRatesAndCatalog(write: (file: string, text: string) => void): void {
  const steps: [string, number][] = [['2018-01-01', 1.5], ['2018-06-14', 2.0], ['2018-12-20', 2.5], ['2019-08-01', 2.25], ['2019-09-19', 2.0], ['2019-10-31', 1.75], ['2020-03-04', 1.25], ['2020-03-16', 0.25]];
  const rows: string[] = [], dff: string[] = [];
  for (let d = dayFromYmd(2018, 1, 1); d <= dayFromYmd(2021, 12, 31); d += 1) {
    const up = [...steps].reverse().find(([s]) => formatDay(d) >= s)?.[1] ?? steps[0][1];
    const lo = Math.max(0, up - 0.25);
    rows.push(`${formatDay(d)},${lo.toFixed(4)},${up.toFixed(4)},${((lo + up) / 2).toFixed(4)}`);
    dff.push(`${formatDay(d)},${(up - 0.1).toFixed(2)}`);
  }
  write('target.csv', 'date,target_lower_pct,target_upper_pct,target_mid_pct\n' + rows.join('\n') + '\n');
  write('dff.csv', 'date,dff_pct\n' + dff.join('\n') + '\n');
  const entry = (id: string, file: string, value: string, extra: object) => ({
    id, title: `fixture ${id}`, file, format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD', value, source: 'test fixture', ...extra,
  });
  write('catalog.json', JSON.stringify({
    catalog: 1,
    about: 'test fixture',
    series: [
      entry('rut', 'small.csv', 'close', { kind: 'price', totalReturn: false, frequency: 'daily', unit: 'index points' }),
      entry('gspc', 'large.csv', 'close', { kind: 'price', totalReturn: false, frequency: 'daily', unit: 'index points' }),
      entry('dff', 'dff.csv', 'dff_pct', { kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year' }),
      entry('fed-target', 'target.csv', 'target_upper_pct', { kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year', columns: ['target_lower_pct', 'target_upper_pct', 'target_mid_pct'] }),
    ],
  }, null, 2));
}

