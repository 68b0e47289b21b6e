import { resolve } from 'node:path';
import { dayFromYmd, formatDay, parseIsoDay } from '@ratecut/sim-core';
import { makeTempDir, removeTempDir } from '../../testing';
import { loadCatalog } from '../catalog/load-catalog';
import { loadEasingCycles } from './load-easing-cycles';

const nberFile = resolve(__dirname, '../../../../../data/nber-business-cycles.json');

/** Every calendar day of [from, to] as `date,lower,upper,mid` rows, the level from `steps` (ISO date → percent). */
function targetRows(from: string, to: string, steps: Array<[string, number]>): string[] {
  const rows: string[] = [];
  for (let d = parseIsoDay(from); d <= parseIsoDay(to); d += 1) {
    const iso = formatDay(d);
    const up = [...steps].reverse().find(([s]) => iso >= s)![1];
    rows.push(`${iso},${up.toFixed(4)},${up.toFixed(4)},${up.toFixed(4)}`);
  }
  return rows;
}

/** A catalog folder whose policy target has the given rows. */
function folder(rows: string[]): string {
  const target = {
    id: 'fed-target', title: 'target', file: 'target.csv', format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD',
    value: 'target_upper_pct', columns: ['target_lower_pct', 'target_upper_pct', 'target_mid_pct'],
    kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year', source: 'test',
  };
  return makeTempDir({
    'catalog.json': JSON.stringify({ catalog: 1, about: 'test', series: [target] }),
    'target.csv': 'date,target_lower_pct,target_upper_pct,target_mid_pct\n' + rows.join('\n') + '\n',
  });
}

describe('loadEasingCycles with a hole in the policy-rate file', () => {
  const steps: Array<[string, number]> = [['1987-01-01', 6.0], ['1987-09-04', 7.25], ['1998-01-01', 5.5], ['1998-09-29', 5.25], ['1998-10-15', 5.0], ['1998-11-17', 4.75]];

  it('invents no cycle at the end of a ten-year hole and does not call the next cycle a resumption', () => {
    const dir = folder([...targetRows('1987-01-01', '1987-12-31', steps), ...targetRows('1998-01-01', '1999-06-30', steps)]);
    try {
      const catalog = loadCatalog(dir);
      if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
      const loaded = loadEasingCycles(catalog.value, nberFile);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      expect(loaded.value.cycles.map(({ cycle: c }) => [c.id, c.resumption, c.cuts])).toEqual([['1998-09', false, 3]]);
      expect(loaded.value.history.gaps).toEqual([{ from: parseIsoDay('1987-12-31'), to: parseIsoDay('1998-01-01') }]);
      expect(loaded.warnings.some((w) => w.code === 'gap' && /from 1987-12-31/.test(w.message))).toBe(true);
    } finally {
      removeTempDir(dir);
    }
  });

  it('finds the same cycle with no hole, and a hole of a few days is no gap', () => {
    const full = folder(targetRows('1987-01-01', '1999-06-30', steps).filter((r) => !/^1998-03-0[123]/.test(r)));
    try {
      const catalog = loadCatalog(full);
      if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
      const loaded = loadEasingCycles(catalog.value, nberFile);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      // The 1987-09 hike and no move until 1998-01-01's cut from 7.25 to 5.50: a cycle there, then 1998-09 resumes it.
      expect(loaded.value.cycles.map(({ cycle: c }) => [c.id, c.resumption])).toEqual([['1998-01', false], ['1998-09', true]]);
      expect(loaded.value.history.gaps).toBeUndefined();
      expect(formatDay(loaded.value.history.lastDay)).toBe(formatDay(dayFromYmd(1999, 6, 30)));
    } finally {
      removeTempDir(full);
    }
  });
});
