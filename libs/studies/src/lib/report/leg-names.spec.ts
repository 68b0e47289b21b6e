import { PAIRS } from '@ratecut/data-loader';
import { legNames, PAIR_LEG_NAMES } from './leg-names';

describe('legNames', () => {
  it('names the legs of every pair ratecut defines', () => {
    for (const p of PAIRS) expect(Object.keys(PAIR_LEG_NAMES)).toContain(p.id);
    expect(legNames({ id: 'rut-gspc', small: 'rut', large: 'gspc' })).toEqual({ small: 'Russell 2000', large: 'S&P 500' });
  });

  it('falls back to the catalog ids for a pair it does not know', () => {
    expect(legNames({ id: 'x-y', small: 'x', large: 'y' })).toEqual({ small: 'small caps (x)', large: 'large caps (y)' });
  });
});
