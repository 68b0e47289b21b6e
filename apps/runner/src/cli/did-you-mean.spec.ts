import { didYouMean, editDistance } from './did-you-mean';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3); // the textbook example
    expect(editDistance('format', 'fromat')).toBe(1); // one swap
    expect(editDistance('ca', 'abc')).toBe(3); // optimal string alignment: no edit of a swapped pair
    expect(editDistance('report', 'repot')).toBe(1);
  });
});

describe('didYouMean', () => {
  const commands = ['demo', 'cycles', 'backtest', 'simulate', 'compare', 'report', 'fetch'];
  it('suggests the closest command or option when it is close', () => {
    expect(didYouMean('backtets', commands)).toBe('backtest');
    expect(didYouMean('cycle', commands)).toBe('cycles');
    expect(didYouMean('SIMULATE', commands)).toBe('simulate');
    expect(didYouMean('sim', commands)).toBe('simulate'); // a prefix of one command
    expect(didYouMean('--fromat', ['--format', '--out', '--force'])).toBe('--format');
  });

  it('suggests nothing for a word far from every candidate, or a prefix of several', () => {
    expect(didYouMean('rotate', commands)).toBeUndefined();
    expect(didYouMean('c', commands)).toBeUndefined();
    expect(didYouMean('--f', ['--format', '--force'])).toBeUndefined();
  });
});
