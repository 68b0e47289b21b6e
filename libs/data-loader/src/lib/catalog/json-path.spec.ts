import { formatJsonPath } from './json-path';

describe('formatJsonPath', () => {
  it('writes member and index access', () => {
    expect(formatJsonPath(['series', 3, 'format'])).toBe('series[3].format');
    expect(formatJsonPath(['catalog'])).toBe('catalog');
    expect(formatJsonPath([])).toBe('');
  });
});
