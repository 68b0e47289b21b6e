import { jsonPathOf } from '@ratecut/sim-core';
import { lineColumnAt, locateJsonPath, scanJson } from './json-locations';

describe('scanJson', () => {
  const text = '{\n  "catalog": 1,\n  "series": [\n    { "id": "a", "x": [true, null, -1.5e3] }\n  ]\n}\n';

  it('accepts valid JSON and records where each value starts', () => {
    const scan = scanJson(text);
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    expect(JSON.parse(text)).toBeTruthy();
    const at = scan.locations.get('series[0].id');
    expect(at).toBeDefined();
    expect(lineColumnAt(text, at ?? 0)).toEqual({ line: 4, column: 13 });
    expect(scan.locations.has('series[0].x[2]')).toBe(true);
  });

  it('finds a missing comma at its line and column', () => {
    const bad = '{\n  "catalog": 1\n  "series": []\n}';
    const scan = scanJson(bad);
    expect(scan.ok).toBe(false);
    if (scan.ok) return;
    expect(lineColumnAt(bad, scan.offset)).toEqual({ line: 3, column: 3 });
    expect(scan.message).toBe(`unexpected character "\\""; expected ',' or '}' after a property value`);
  });

  it('rejects trailing commas, bad literals, unterminated strings and trailing text', () => {
    for (const bad of ['{"a": [1,]}', '{"a": tru}', '{"a": "x', '{} x', '', '{"a": 01}', '{"a": "\\q"}']) {
      expect(scanJson(bad).ok).toBe(false);
    }
    for (const good of ['[]', '{}', '"\\u00e9"', ' 0 ', '{"a":{"b":[{}]}}']) {
      expect(scanJson(good).ok).toBe(true);
    }
  });

  it('bounds nesting depth at the first bracket too deep, without recursion', () => {
    expect(scanJson('[[[1]]]', { maxDepth: 3 }).ok).toBe(true);
    expect(scanJson('{"a": [{"b": 1}]}', { maxDepth: 3 }).ok).toBe(true);
    const deep = scanJson('[[[[1]]]]', { maxDepth: 3 });
    expect(deep).toEqual({ ok: false, offset: 3, syntax: false, message: 'objects and arrays nested more than 3 levels deep; expected a shallower document' });
    expect(scanJson(`${'['.repeat(256)}${']'.repeat(256)}`).ok).toBe(true);
    expect(scanJson(`${'['.repeat(1e6)}`)).toMatchObject({ ok: false, offset: 256 });
  });

  it('refuses prototype keys at their opening quote, after valid ones', () => {
    const scan = scanJson('{"a": {"b": 1, "constructor": 2}}');
    expect(scan).toMatchObject({ ok: false, offset: 15, syntax: false });
    expect(scanJson('{"proto": 1, "__proto": 2, "x": "__proto__"}').ok).toBe(true);
  });

  it('locates a path through its nearest recorded ancestor', () => {
    const scan = scanJson(text);
    if (!scan.ok) throw new Error('expected valid JSON');
    const missing = locateJsonPath(scan.locations, ['series', 0, 'unit'], jsonPathOf);
    expect(missing).toBe(scan.locations.get('series[0]'));
  });
});
