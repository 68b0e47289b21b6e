import { lineColumnOf, parseJsonText } from './parse-json-text';

describe('parseJsonText', () => {
  it('parses JSON and drops one leading byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    // text, line, column, truncated: written out by hand
    ['{\n  "name": "x",\n  "pair": }\n', 3, 11, false], // V8 gives no position for this one
    ['{\n  "a": tru}', 2, 11, false],
    ['{\n  "a": 1,\n}\n', 3, 1, false],
    ['{"a": 1}x', 1, 9, false],
    ['{\n  "a": 1', 2, 9, true],
    ['[1,2', 1, 5, true],
    ['', 1, 1, true],
    ['"abc', 1, 5, true],
    ['\uFEFF{"a":}', 1, 6, false], // the mark is not a column
  ])('locates the syntax error in %j at %i:%i', (text, line, column, truncated) => {
    const r = parseJsonText(text);
    expect(r).toMatchObject({ ok: false, line, column, truncated });
  });

  it('says what is wrong without echoing the text', () => {
    const r = parseJsonText('{"secret": "daemon:x:1:1", "b": oops}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe("malformed JSON: unexpected 'o'");
      expect(r.message).not.toContain('daemon');
    }
    const t = parseJsonText('{"a": 1');
    expect(!t.ok && t.message).toBe('truncated JSON (the file ends before the document does)');
  });

  it('handles deep nesting without recursion', () => {
    const n = 100_000;
    expect(parseJsonText('['.repeat(n) + ']'.repeat(n)).ok).toBe(true);
    expect(parseJsonText('['.repeat(n) + ']'.repeat(n - 1))).toMatchObject({ ok: false, truncated: true });
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumnOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
