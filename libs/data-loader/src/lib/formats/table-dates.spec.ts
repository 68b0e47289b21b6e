import { formatDay } from '@ratecut/sim-core';
import { parseTable } from './read-table';
import { tableDates } from './table-dates';

describe('tableDates', () => {
  it('labels monthly rows with the month end and blanks rejected rows', () => {
    const t = parseTable('date,x\n2024-01-01,1\n2024-02-01,2\n2024-02-15,3\n2024-0x-01,4\n', 'f.csv', { format: 'csv', date: 'date', frequency: 'monthly' });
    if (!t.ok) throw new Error('fixture must parse');
    const r = tableDates(t.value, 'monthly');
    expect(Array.from(r.days, (d) => (Number.isNaN(d) ? 'NaN' : formatDay(d)))).toEqual(['2024-01-31', '2024-02-29', 'NaN', 'NaN']);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['bad-date', 5, 1],
      ['duplicate-date', 4, 1],
    ]);
  });
});
