import { writeFixtureRatesAndCatalog } from './fixture-market';
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
  writeFixtureRatesAndCatalog(write);
  return dir;
}
