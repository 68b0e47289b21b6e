import { formatDay, parseIsoDay } from '@ratecut/sim-core';
import { makeTempDir, removeTempDir } from '../../testing';
import { loadCatalog } from '../catalog/load-catalog';
import { loadReturnPair } from './load-return-pair';

/** Weekdays from `from` to `to` as ISO dates, leaving out those in `holes` (inclusive ranges). */
function weekdays(from: string, to: string, holes: readonly [string, string][] = []): string[] {
  const out: string[] = [];
  for (let d = parseIsoDay(from); d <= parseIsoDay(to); d += 1) {
    const wd = (((d + 4) % 7) + 7) % 7;
    if (wd === 0 || wd === 6 || holes.some(([a, b]) => d >= parseIsoDay(a) && d <= parseIsoDay(b))) continue;
    out.push(formatDay(d));
  }
  return out;
}

const csv = (days: string[]) => `date,close\n${days.map((d, i) => `${d},${100 + i}`).join('\n')}\n`;
const entry = (id: string, file: string) => ({
  id, title: `fixture ${id}`, file, format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD', value: 'close', source: 'test',
  kind: 'price', totalReturn: false, frequency: 'daily', unit: 'index points',
});

describe('loadReturnPair', () => {
  let dir = '';
  afterEach(() => removeTempDir(dir));

  it('reports a leg\'s gaps only where the pair has common days', () => {
    // The large leg starts a year earlier, with a gap before the small leg starts and one after.
    dir = makeTempDir({
      'catalog.json': JSON.stringify({ catalog: 1, about: 'test', series: [entry('small', 'small.csv'), entry('large', 'large.csv')] }),
      'small.csv': csv(weekdays('2021-01-04', '2021-12-31')),
      'large.csv': csv(weekdays('2020-01-02', '2021-12-31', [['2020-02-03', '2020-02-21'], ['2021-06-07', '2021-06-25']])),
    });
    const catalog = loadCatalog(dir);
    if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
    const pair = loadReturnPair(catalog.value, { small: 'small', large: 'large' });
    if (!pair.ok) throw new Error(JSON.stringify(pair.issues));
    const messages = pair.warnings.map((w) => w.message);
    expect(messages.some((m) => /from 2021-06-04 .* to 2021-06-28/.test(m))).toBe(true); // the leg's gap inside the pair's days
    expect(messages.some((m) => /2020-0[12]/.test(m))).toBe(false); // the one before the small leg starts
    expect(messages).toHaveLength(2); // the large leg's gap, and the pair's own gap there
  });
});
