import * as fs from 'node:fs';
import * as path from 'node:path';
import { CsvRecordStream, type CsvRecord } from './csv-record-stream';

/** Feeds `bytes` in chunks of `size` bytes; the records, or the issue. */
function split(bytes: Buffer, size: number): { records: CsvRecord[]; issue: string | undefined } {
  const records: CsvRecord[] = [];
  const stream = new CsvRecordStream('f.csv', (r) => records.push(r));
  let issue;
  for (let at = 0; at < bytes.length && issue === undefined; at += size) issue = stream.write(bytes.subarray(at, at + size));
  issue ??= stream.end();
  return { records, issue: issue === undefined ? undefined : `${issue.line}: ${issue.message}` };
}

describe('CsvRecordStream', () => {
  const fixtures = fs.readdirSync(path.join(__dirname, '__fixtures__')).map((f) => fs.readFileSync(path.join(__dirname, '__fixtures__', f)));
  const tricky = [
    '\ufeff"Date","TB3MS"\r\n2024-01-01,5.2\r\n\r\n2024-02-01,"5,3"\r\n',
    'a,b\n"x\ny",1\nz,2',
    'date,note\n2024-01-02,"caf\u00e9 \u20ac ""quoted"""\r2024-01-03,\u00fcber\n',
    'a,b\n1,"2\n3,4\n',
  ].map((t) => Buffer.from(t));

  it('gives the same records, lines and errors whatever the chunk size, even splitting a character or a quoted cell', () => {
    for (const bytes of [...fixtures, ...tricky]) {
      const whole = split(bytes, bytes.length + 1);
      for (const size of [1, 2, 3, 5, 7, 64]) expect(split(bytes, size)).toEqual(whole);
    }
  });

  it('reads multi-byte characters cut between chunks', () => {
    const { records } = split(Buffer.from('x\n\u20ac\u00e9\n'), 1);
    expect(records.map((r) => r.cells[0])).toEqual(['x', '\u20ac\u00e9']);
  });

  it('reports an unclosed quote at the end of the input with its line', () => {
    expect(split(Buffer.from('a,b\n1,"2\n3,4\n'), 4).issue).toMatch(/^3: not readable as CSV: .*; expected comma-separated rows$/);
  });
});
