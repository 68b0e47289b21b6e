import { parseNumberCell } from './number-cell';

describe('parseNumberCell', () => {
  it('reads plain decimals with blanks, signs and exponents', () => {
    expect(parseNumberCell('   -0.46')).toBe(-0.46);
    expect(parseNumberCell('+3.')).toBe(3);
    expect(parseNumberCell('.5')).toBe(0.5);
    expect(parseNumberCell('1.5e-3')).toBe(0.0015);
    expect(parseNumberCell('2737363000')).toBe(2737363000);
  });

  it('rejects everything else', () => {
    for (const t of ['', ' ', '.', '1,000', 'NaN', 'Infinity', '0x10', '1.2.3', 'null', '12a']) {
      expect(parseNumberCell(t)).toBeNaN();
    }
  });
});
