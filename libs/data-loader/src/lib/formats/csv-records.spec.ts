import { isBlankRecord, parseCsvRecords } from './csv-records';

describe('parseCsvRecords', () => {
  it('numbers lines through CRLF, a BOM, quotes and blank lines', () => {
    const r = parseCsvRecords('\ufeff"Date","TB3MS"\r\n2024-01-01,5.2\r\n\r\n2024-02-01,"5,3"\r\n', 'f.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((x) => x.line)).toEqual([1, 2, 3, 4]);
    expect(r.value[0].cells).toEqual(['Date', 'TB3MS']);
    expect(isBlankRecord(r.value[2])).toBe(true);
    expect(r.value[3].cells).toEqual(['2024-02-01', '5,3']);
  });

  it('counts a quoted multi-line cell as starting on its first line', () => {
    const r = parseCsvRecords('a,b\n"x\ny",1\nz,2', 'f.csv');
    expect(r.ok && r.value.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it('reports an empty file', () => {
    const r = parseCsvRecords(' \r\n\r\n', 'f.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ code: 'empty-file', file: 'f.csv' });
      expect(r.issues[0].message).toContain('expected a header row');
    }
  });

  it('reports an unclosed quote as wrong-format with a line', () => {
    const r = parseCsvRecords('a,b\n1,"2\n3,4\n', 'f.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].code).toBe('wrong-format');
      expect(r.issues[0].line).toBeGreaterThan(1);
    }
  });
});
