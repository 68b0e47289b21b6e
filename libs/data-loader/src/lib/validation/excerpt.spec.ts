import { escapeText, quoteExcerpt, quoteExcerpts } from './excerpt';

describe('quoteExcerpt', () => {
  it('quotes short text as it is', () => {
    expect(quoteExcerpt('1O.5')).toBe('"1O.5"');
  });

  it('cuts text to 40 characters and says how long it was', () => {
    expect(quoteExcerpt('a'.repeat(41))).toBe(`"${'a'.repeat(40)}"...(41 characters)`);
    expect(quoteExcerpt('a'.repeat(40))).toBe(`"${'a'.repeat(40)}"`);
  });

  it('counts and cuts by characters, not UTF-16 units, so no surrogate pair is split', () => {
    expect(quoteExcerpt('😀'.repeat(41))).toBe(`"${'\\u{1f600}'.repeat(40)}"...(41 characters)`);
  });

  it('escapes quotes, backslashes, control and non-ASCII characters', () => {
    expect(escapeText('a"b\\c\n\r\t\u0000\u001b[2J\u00e9\u202e')).toBe('a\\"b\\\\c\\n\\r\\t\\u0000\\u001b[2J\\u00e9\\u202e');
    expect(escapeText('\ud800')).toBe('\\ud800');
  });

  it('lists at most 30 quoted texts, then how many more', () => {
    const many = Array.from({ length: 32 }, (_, i) => `c${i}`);
    expect(quoteExcerpts(many)).toMatch(/"c29" and 2 more$/);
    expect(quoteExcerpts(['a', 'b'])).toBe('"a", "b"');
  });
});
