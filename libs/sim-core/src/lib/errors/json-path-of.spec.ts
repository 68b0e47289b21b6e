import { jsonPathOf } from './issue';

describe('jsonPathOf', () => {
  it('writes member and index access', () => {
    expect(jsonPathOf(['series', 3, 'format'])).toBe('series[3].format');
    expect(jsonPathOf(['catalog'])).toBe('catalog');
    expect(jsonPathOf([])).toBe('');
  });
});
