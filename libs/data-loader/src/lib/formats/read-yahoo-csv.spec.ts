import * as fs from 'node:fs';
import * as path from 'node:path';
import { readYahooCsv } from './read-yahoo-csv';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

describe('readYahooCsv', () => {
  it('reads a Yahoo download, with null as the missing token', () => {
    const r = readYahooCsv(fixture('yahoo.csv'), 'yahoo.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.header).toEqual(['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume']);
    expect(r.value.dateColumn).toBe(0);
    expect(r.value.missingTokens).toEqual(['null']);
    expect(r.value.rows).toHaveLength(3);
  });

  it('reads a CRLF download without a final newline', () => {
    const text = 'Date,Open,High,Low,Close,Adj Close,Volume\r\n2024-01-02,1,1,1,1,1,5\r\n2024-01-03,2,2,2,2,2,6';
    const r = readYahooCsv(text, 'y.csv');
    expect(r.ok && r.value.rows.map((row) => row.line)).toEqual([2, 3]);
  });

  it('rejects other headers as wrong-format, naming the expected header', () => {
    const r = readYahooCsv('Date,Close,High,Low,Open,Volume\n2024-01-02,1,1,1,1,5\n', 'y.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([expect.objectContaining({ code: 'wrong-format', file: 'y.csv', line: 1 })]);
    expect(r.issues[0].message).toContain('expected the header "Date,Open,High,Low,Close,Adj Close,Volume"');
  });
});
