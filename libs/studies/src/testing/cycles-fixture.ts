import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dayFromYmd, formatDay } from '@ratecut/sim-core';

/** The repository's bundled facts folder (`data/`, with `nber-business-cycles.json`). */
export const WORKSPACE_DATA_DIR = resolve(__dirname, '..', '..', '..', '..', 'data');

/** Daily growth factors of the fixture's small-cap and large-cap indices: every weekday's close is the previous one times this. */
export const FIXTURE_GROWTH = { small: 1.001, large: 1.0005 } as const;

/** Weekdays (day numbers) of 2018-01-01 to 2021-12-31, the fixture's trading days. */
export function fixtureTradingDays(): number[] {
  const days: number[] = [];
  for (let d = dayFromYmd(2018, 1, 1); d <= dayFromYmd(2021, 12, 31); d += 1) {
    const weekday = (((d + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) days.push(d);
  }
  return days;
}

/**
 * Writes a small market as a catalog in a new temporary folder and returns the folder:
 * `rut` and `gspc` closes on the weekdays of 2018-2021 growing by {@link FIXTURE_GROWTH} a day
 * (so every post-cut return is known in closed form), a policy target with one hike and two
 * easing cycles (first cuts 2019-08-01 and 2020-03-04), and the effective rate. `edit` may
 * change a file's text before it is written.
 */
export function writeCyclesFixture(edit: (file: string, text: string) => string = (_, t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratecut-cycles-fixture-'));
  const write = (file: string, text: string) => writeFileSync(join(dir, file), edit(file, text));
  const days = fixtureTradingDays();
  const closes = (g: number) => days.map((d, i) => `${formatDay(d)},${100 * g ** i}`).join('\n');
  write('small.csv', `date,close\n${closes(FIXTURE_GROWTH.small)}\n`);
  write('large.csv', `date,close\n${closes(FIXTURE_GROWTH.large)}\n`);
  const steps: [string, number][] = [['2018-01-01', 1.5], ['2018-06-14', 2.0], ['2018-12-20', 2.5], ['2019-08-01', 2.25], ['2019-09-19', 2.0], ['2019-10-31', 1.75], ['2020-03-04', 1.25], ['2020-03-16', 0.25]];
  const target: string[] = [], effective: string[] = [];
  for (let d = dayFromYmd(2018, 1, 1); d <= dayFromYmd(2021, 12, 31); d += 1) {
    const upper = [...steps].reverse().find(([s]) => formatDay(d) >= s)?.[1] ?? steps[0][1];
    const lower = Math.max(0, upper - 0.25);
    target.push(`${formatDay(d)},${lower.toFixed(4)},${upper.toFixed(4)},${((lower + upper) / 2).toFixed(4)}`);
    effective.push(`${formatDay(d)},${(upper - 0.1).toFixed(2)}`);
  }
  write('target.csv', `date,target_lower_pct,target_upper_pct,target_mid_pct\n${target.join('\n')}\n`);
  write('dff.csv', `date,dff_pct\n${effective.join('\n')}\n`);
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
  return dir;
}
