import { readHeaderAndRows } from './header-and-rows';

describe('readHeaderAndRows', () => {
  it('takes the first non-blank record as the header and trims cells', () => {
    const r = readHeaderAndRows('\n date , close \n2024-01-02, 1.5\n\n2024-01-03,2\n', 'f.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.headerLine).toBe(2);
    expect(r.value.header).toEqual(['date', 'close']);
    expect(r.value.rows).toEqual([
      { line: 3, cells: ['2024-01-02', '1.5'] },
      { line: 5, cells: ['2024-01-03', '2'] },
    ]);
  });

  it('reports a header without data rows as empty-file at the header line', () => {
    const r = readHeaderAndRows('date,close\n\n', 'f.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([expect.objectContaining({ code: 'empty-file', line: 1 })]);
    expect(r.issues[0].message).toContain('expected at least one data row');
  });
});
