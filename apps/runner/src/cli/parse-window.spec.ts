import { parseWindow } from './parse-window';

describe('parseWindow', () => {
  it('reads -Bm..Am with an optional + and the anchor', () => {
    expect(parseWindow('-3m..24m')).toEqual({ beforeMonths: 3, afterMonths: 24, anchor: 'first-cut' });
    expect(parseWindow(' -0m..+12m ', 'last-cut')).toEqual({ beforeMonths: 0, afterMonths: 12, anchor: 'last-cut' });
  });

  it('is null for any other shape', () => {
    for (const text of ['3m..24m', '-3..24m', '-3m..24', '-3m-24m', '-3d..24m', '', '-1.5m..2m']) expect(parseWindow(text)).toBeNull();
  });
});
