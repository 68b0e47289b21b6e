import { colourWanted } from './output-style';

describe('colourWanted', () => {
  it('colours a terminal, and not a pipe or TERM=dumb', () => {
    expect(colourWanted({}, true)).toBe(true);
    expect(colourWanted({}, false)).toBe(false);
    expect(colourWanted({ TERM: 'dumb' }, true)).toBe(false);
  });

  it('follows NO_COLOR (set and not empty) and FORCE_COLOR (which wins)', () => {
    expect(colourWanted({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colourWanted({ NO_COLOR: '' }, true)).toBe(true);
    expect(colourWanted({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colourWanted({ FORCE_COLOR: '', NO_COLOR: '1' }, false)).toBe(true);
    expect(colourWanted({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colourWanted({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(colourWanted({ FORCE_COLOR: '2', NO_COLOR: '1' }, false)).toBe(true);
  });
});
