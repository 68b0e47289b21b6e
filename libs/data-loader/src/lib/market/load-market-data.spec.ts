import { cashReturnForDay, dayFromYmd, formatDay, parseIsoDay, type PolicyRateHistory } from '@ratecut/sim-core';
import { makeTempDir, removeTempDir } from '../../testing';
import { loadCatalog } from '../catalog/load-catalog';
import { loadMarketData } from './load-market-data';

/** Weekdays from `from` to `to` as ISO dates. */
function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = parseIsoDay(from); d <= parseIsoDay(to); d += 1) {
    const wd = (((d + 4) % 7) + 7) % 7;
    if (wd !== 0 && wd !== 6) out.push(formatDay(d));
  }
  return out;
}

const csv = (header: string, rows: string[]) => `${header}\n${rows.join('\n')}\n`;
const entry = (id: string, file: string, value: string, extra: object) => ({
  id, title: `fixture ${id}`, file, format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD', value, source: 'test', ...extra,
});
const price = { kind: 'price', totalReturn: false, frequency: 'daily', unit: 'index points' };

/** A flat policy rate known from `from` to `to`. */
function policy(from: string, to: string): PolicyRateHistory {
  const r = Float64Array.of(0.05);
  return { days: Int32Array.of(parseIsoDay(from)), lower: r, upper: r, mid: r, basis: ['target-point'], lastDay: parseIsoDay(to) };
}

/** A folder with two price series on `pairDays`, a daily T-bill on `billDays`, and optional RF and TB3MS rows. */
function folder(pairDays: string[], billDays: string[], extra: { tb3ms?: string[]; rf?: string[] } = {}): string {
  const series: object[] = [
    entry('rut', 'small.csv', 'close', price),
    entry('gspc', 'large.csv', 'close', price),
    entry('tbill-3m-daily', 'dtb3.csv', 'DTB3', { kind: 'rate', frequency: 'daily', unit: 'percent per year' }),
  ];
  const files: Record<string, string> = {
    'small.csv': csv('date,close', pairDays.map((d, i) => `${d},${100 + i}`)),
    'large.csv': csv('date,close', pairDays.map((d, i) => `${d},${200 + i}`)),
    'dtb3.csv': csv('date,DTB3', billDays.map((d) => `${d},4.00`)),
  };
  if (extra.tb3ms) {
    series.push(entry('tbill-3m-monthly', 'tb3ms.csv', 'TB3MS', { kind: 'rate', frequency: 'monthly', unit: 'percent per year' }));
    files['tb3ms.csv'] = csv('date,TB3MS', extra.tb3ms);
  }
  if (extra.rf) {
    series.push({ ...entry('ff-factors-monthly', 'ff.csv', 'RF', { kind: 'return', frequency: 'monthly', unit: 'percent per month' }), dateFormat: 'YYYYMM' });
    files['ff.csv'] = csv('date,RF', extra.rf);
  }
  return makeTempDir({ 'catalog.json': JSON.stringify({ catalog: 1, about: 'test', series }), ...files });
}

function load(dir: string, history = policy('1990-01-01', '2030-12-31')) {
  const catalog = loadCatalog(dir);
  if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
  return loadMarketData(catalog.value, { small: 'rut', large: 'gspc' }, 'tbill', history);
}

describe('loadMarketData: the run covers the days every input covers', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeTempDir));
  const make = (...args: Parameters<typeof folder>) => { const d = folder(...args); dirs.push(d); return d; };

  it('stops where the cash rate stops (carried forward at most 10 days), with a warning', () => {
    const m = load(make(weekdays('2024-01-01', '2024-03-29'), weekdays('2024-01-01', '2024-01-31')));
    if (!m.ok) throw new Error(JSON.stringify(m.issues));
    const days = Array.from(m.value.data.days, formatDay);
    expect(days[days.length - 1]).toBe('2024-02-09'); // 2024-01-31 + 10 days = 02-10, a Saturday
    expect(m.warnings.map((w) => w.message).join('\n')).toMatch(/the run stops at 2024-02-09, not at the pair's last common day 2024-03-29: the cash rate \(tbill-3m-daily\) ends 2024-01-31 and is carried forward at most 10 calendar days/);
  });

  it('stops where the policy-rate history ends', () => {
    const m = load(make(weekdays('2024-01-01', '2024-03-29'), weekdays('2024-01-01', '2024-03-29')), policy('1990-01-01', '2024-02-15'));
    if (!m.ok) throw new Error(JSON.stringify(m.issues));
    expect(formatDay(m.value.data.days[m.value.data.days.length - 1])).toBe('2024-02-15');
    expect(m.warnings.map((w) => w.message).join('\n')).toMatch(/the policy-rate history ends 2024-02-15/);
    expect(Array.from(m.value.data.policyRate).every((r) => r === 0.05)).toBe(true);
  });

  it('says so when the cash rate starts after the pair', () => {
    const m = load(make(weekdays('2024-01-01', '2024-03-29'), weekdays('2024-02-01', '2024-03-29')));
    if (!m.ok) throw new Error(JSON.stringify(m.issues));
    expect(formatDay(m.value.data.days[0])).toBe('2024-02-01');
    expect(m.warnings.map((w) => w.message).join('\n')).toMatch(/the run starts 2024-02-01, not at the pair's first common day 2024-01-01/);
  });

  it('refuses a hole in the cash rate inside the run', () => {
    const bills = weekdays('2024-01-01', '2024-03-29').filter((d) => d < '2024-02-01' || d > '2024-02-20');
    const m = load(make(weekdays('2024-01-01', '2024-03-29'), bills));
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.issues[0].message).toMatch(/no cash rate \(tbill-3m-daily\) from 2024-02-12 to 2024-02-20/);
  });

  it('goes back further with the monthly T-bill and then the Fama-French RF, stated in the convention', () => {
    // Pair from 1999-11; TB3MS for 1999-11 and 1999-12 (known at each month's end); RF for 1999-11 and 12; DTB3 from 2000-01-03.
    const dir = make(weekdays('1999-11-01', '2000-01-31'), weekdays('2000-01-03', '2000-01-31'), {
      tb3ms: ['1999-11-01,5.00', '1999-12-01,5.20'], rf: ['199910,0.40', '199911,0.36', '199912,0.44'],
    });
    const m = load(dir);
    if (!m.ok) throw new Error(JSON.stringify(m.issues));
    const { days, cashRate } = m.value.data;
    const at = (iso: string) => cashRate[Array.from(days, formatDay).indexOf(iso)];
    // November: RF of November (0.36% per month) as a rate per year, known from 1999-10-31.
    expect(at('1999-11-01')).toBeCloseTo((0.0036 * 360) / 30, 12);
    expect(cashReturnForDay(at('1999-11-01'), dayFromYmd(1999, 10, 31), dayFromYmd(1999, 11, 30))).toBeCloseTo(0.0036, 12);
    // TB3MS's November average is known from 1999-11-30; December uses it until 1999-12-31.
    expect(at('1999-11-29')).toBeCloseTo((0.0036 * 360) / 30, 12);
    expect(at('1999-11-30')).toBeCloseTo(0.05, 12);
    expect(at('1999-12-31')).toBeCloseTo(0.052, 12);
    expect(at('2000-01-03')).toBeCloseTo(0.04, 12);
    expect(m.value.cashConvention).toMatch(/^the 3-month T-bill rate \(DTB3\); before 2000-01-03 the monthly average of the 3-month T-bill rate \(TB3MS\).*; before 1999-11-30 the Fama-French risk-free rate/);
    expect(m.value.seriesIds).toEqual(['rut', 'gspc', 'ff-factors-monthly:RF', 'tbill-3m-monthly', 'tbill-3m-daily']);
    expect(m.warnings).toEqual([]);
  });
});
