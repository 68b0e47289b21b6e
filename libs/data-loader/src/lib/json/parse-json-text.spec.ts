import { MAX_JSON_DEPTH } from '../catalog/json-locations';
import { parseJsonText } from './parse-json-text';

describe('parseJsonText', () => {
  it('parses JSON and drops one leading byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    // text, line, column, truncated: written out by hand
    ['{\n  "name": "x",\n  "pair": }\n', 3, 11, false],
    ['{\n  "a": tru}', 2, 8, false],
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
      expect(r.message).toMatch(/^malformed JSON: unexpected character "o"/);
      expect(r.message).not.toContain('daemon');
    }
    const t = parseJsonText('{"a": 1');
    expect(!t.ok && t.message).toBe('truncated JSON (the file ends before the document does)');
  });

  it('refuses prototype keys and deep nesting at their place, without recursion', () => {
    expect(parseJsonText('{\n "x": {"__proto__": 1}}')).toMatchObject({ ok: false, line: 2, truncated: false });
    const n = 100_000;
    const deep = parseJsonText('['.repeat(n) + ']'.repeat(n));
    expect(deep).toMatchObject({ ok: false, line: 1, column: MAX_JSON_DEPTH + 1, truncated: false });
  });
});
