import * as path from 'node:path';
import { parseTable, readTable } from './read-table';

const dir = path.join(__dirname, '__fixtures__');

describe('readTable', () => {
  it('dispatches on the format', () => {
    expect(readTable(path.join(dir, 'yahoo.csv'), { format: 'yahoo', frequency: 'daily' }).ok).toBe(true);
    expect(readTable(path.join(dir, 'fred-quoted-date.csv'), { format: 'fred', frequency: 'monthly' }).ok).toBe(true);
    expect(readTable(path.join(dir, 'ken-french-daily.csv'), { format: 'ken-french', frequency: 'daily' }).ok).toBe(true);
    const plain = readTable(path.join(dir, 'plain.csv'), { format: 'csv', date: 'date', frequency: 'daily' });
    expect(plain.ok && plain.value.dateFormat).toBe('YYYY-MM-DD');
  });

  it('reports a missing file', () => {
    const file = path.join(dir, 'absent.csv');
    const r = readTable(file, { format: 'csv', date: 'date', frequency: 'daily' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'missing-file', file });
  });

  it('needs a date column name for plain CSV', () => {
    const r = parseTable('a,b\n1,2\n', 'f.csv', { format: 'csv', frequency: 'daily' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].code).toBe('bad-catalog');
  });
});
