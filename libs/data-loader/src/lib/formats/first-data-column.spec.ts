import { parseTable } from './read-table';
import { firstDataColumn } from './first-data-column';

describe('firstDataColumn', () => {
  it('skips the date column and columns that hold only missing codes or text', () => {
    const t = parseTable(',<= 0,Lo 10\n202401,-99.99,1.5\n202402,-999,2\n', 'k.csv', { format: 'ken-french', frequency: 'monthly' });
    if (!t.ok) throw new Error('fixture must parse');
    expect(firstDataColumn(t.value)).toBe('Lo 10');
    const text = parseTable('date,note,v\n2024-01-02,hello,\n', 'f.csv', { format: 'csv', date: 'date', frequency: 'daily' });
    if (!text.ok) throw new Error('fixture must parse');
    expect(firstDataColumn(text.value)).toBeUndefined();
  });
});
