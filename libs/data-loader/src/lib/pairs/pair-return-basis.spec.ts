import { testSeries } from '../../testing';
import { pairReturnBasis } from './pair-return-basis';

const meta = (over: Parameters<typeof testSeries>[2]) => testSeries([], [], over).meta;

describe('pairReturnBasis', () => {
  it('reads price or total return from the catalog flags, never from the pair', () => {
    expect(pairReturnBasis(meta({ totalReturn: false }), meta({ totalReturn: false }))).toEqual({ text: 'price return: index levels without dividends', mixed: false });
    const tr = meta({ totalReturn: true, unit: 'USD (adjusted)' });
    expect(pairReturnBasis(tr, tr)).toEqual({ text: 'total return: dividend-adjusted closes', mixed: false });
    const ff = meta({ kind: 'return', frequency: 'monthly', totalReturn: true, unit: 'decimal per month' });
    expect(pairReturnBasis(ff, ff).text).toBe('total return: monthly returns with dividends, compounded');
  });

  it('says so when the legs differ', () => {
    const r = pairReturnBasis(meta({ totalReturn: true }), meta({ totalReturn: false }));
    expect(r.mixed).toBe(true);
    expect(r.text).toBe('mixed: small total return (dividend-adjusted closes), large price return (index levels without dividends); small minus large includes the dividends of one leg only');
  });
});
