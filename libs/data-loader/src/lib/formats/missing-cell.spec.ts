import { missingCellTest } from './missing-cell';

describe('missingCellTest', () => {
  it('treats the empty cell and format tokens as missing', () => {
    const isMissing = missingCellTest({ missingTokens: ['.'], missingNumbers: [] });
    expect(isMissing('')).toBe(true);
    expect(isMissing('.')).toBe(true);
    expect(isMissing('0')).toBe(false);
  });

  it('matches sentinel numbers by value and adds the catalog strings', () => {
    const isMissing = missingCellTest({ missingTokens: [], missingNumbers: [-99.99] }, ['-999', 'n/a']);
    expect(isMissing('-99.99')).toBe(true);
    expect(isMissing('-999.00')).toBe(true);
    expect(isMissing('n/a')).toBe(true);
    expect(isMissing('-99.98')).toBe(false);
  });
});
