import { formatDay } from '@ratecut/sim-core';
import { parseTable } from './read-table';
import { tableObservations } from './table-observations';

function table(text: string) {
  const t = parseTable(text, 'f.csv', { format: 'csv', date: 'date', frequency: 'daily' });
  if (!t.ok) throw new Error('fixture must parse');
  return t.value;
}

describe('tableObservations', () => {
  it('drops missing cells per column and keeps the line of every observation', () => {
    const t = table('date,a,b\n2024-01-02,1,\n2024-01-03,,2\n2024-01-04,3,4\n');
    const r = tableObservations(t, ['a', 'b'], { kind: 'level', frequency: 'daily' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [a, b] = r.value;
    expect([a.name, a.column, Array.from(a.days, formatDay), Array.from(a.values), Array.from(a.lines)]).toEqual([
      'a', 2, ['2024-01-02', '2024-01-04'], [1, 3], [2, 4],
    ]);
    expect([b.column, Array.from(b.values), Array.from(b.lines)]).toEqual([3, [2, 4], [3, 4]]);
  });

  it('reports every missing value column and still checks the dates', () => {
    const t = table('date,a\n2024-01-02,1\nbad,2\n');
    const r = tableObservations(t, ['x', 'date', 'a'], { kind: 'level', frequency: 'daily' });
    expect(!r.ok && r.issues.map((i) => [i.code, i.line])).toEqual([
      ['missing-column', 1],
      ['missing-column', 1],
      ['bad-date', 3],
    ]);
  });
});
