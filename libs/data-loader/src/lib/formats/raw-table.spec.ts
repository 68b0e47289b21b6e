import { trimCells } from './raw-table';

describe('trimCells', () => {
  it('trims every cell', () => {
    expect(trimCells(['  1.5 ', 'Lo 10 ', ''])).toEqual(['1.5', 'Lo 10', '']);
  });
});
