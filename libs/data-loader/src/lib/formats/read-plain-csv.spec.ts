import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPlainCsv } from './read-plain-csv';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

describe('readPlainCsv', () => {
  it('reads the header and rows with their lines', () => {
    const r = readPlainCsv(fixture('plain.csv'), 'plain.csv', { date: 'date', dateFormat: 'YYYY-MM-DD' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ file: 'plain.csv', headerLine: 1, header: ['date', 'open', 'close', 'note'], dateColumn: 0, dateFormat: 'YYYY-MM-DD' });
    expect(r.value.rows.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(r.value.rows[1].cells).toEqual(['2024-01-03', '10.5', '', 'holiday close missing']);
  });

  it('handles CRLF line endings and a UTF-8 byte-order mark', () => {
    const r = readPlainCsv('\ufeffyyyymm,x\r\n202401,1\r\n202402,2\r\n', 'f.csv', { date: 'yyyymm', dateFormat: 'YYYYMM' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.header).toEqual(['yyyymm', 'x']);
    expect(r.value.rows).toEqual([
      { line: 2, cells: ['202401', '1'] },
      { line: 3, cells: ['202402', '2'] },
    ]);
  });

  it('reports a missing date column at the header line, listing the columns found', () => {
    const r = readPlainCsv(fixture('plain.csv'), 'plain.csv', { date: 'Date', dateFormat: 'YYYY-MM-DD' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([expect.objectContaining({ code: 'missing-column', line: 1 })]);
    expect(r.issues[0].column).toBeUndefined();
    expect(r.issues[0].message).toContain('"date", "open", "close", "note"');
  });
});
