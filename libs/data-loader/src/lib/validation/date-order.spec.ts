import { parseIsoDay } from '@ratecut/sim-core';
import { checkDateOrder } from './date-order';

const days = (isos: string[]) => isos.map((s) => (s === '' ? NaN : parseIsoDay(s)));

describe('checkDateOrder', () => {
  it('accepts increasing dates and skips unreadable ones', () => {
    const r = checkDateOrder('f.csv', 1, days(['2024-01-02', '', '2024-01-03']), [2, 3, 4]);
    expect(r.issues).toEqual([]);
    expect(r.keep).toEqual([true, false, true]);
  });

  it('reports a duplicate at the repeat, naming the first line', () => {
    const r = checkDateOrder('f.csv', 1, days(['2024-01-02', '2024-01-03', '2024-01-03']), [2, 3, 4]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'duplicate-date', line: 4, column: 1 });
    expect(r.issues[0].message).toContain('first seen on line 3');
    expect(r.keep).toEqual([true, true, false]);
  });

  it('reports one misplaced row once, naming the previous date', () => {
    const r = checkDateOrder('f.csv', 2, days(['2024-01-02', '2024-01-05', '2024-01-03', '2024-01-04', '2024-01-08']), [2, 3, 4, 5, 6]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'unsorted-dates', line: 4, column: 2 });
    expect(r.issues[0].message).toContain('comes after 2024-01-05 (line 3)');
  });
});
