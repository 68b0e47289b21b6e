/** Outcome of {@link scanJson}: where each value starts, or where the text stops being JSON. */
export type JsonScan =
  | {
      readonly ok: true;
      /** Offset (UTF-16 code units) of the first character of every value, keyed by its path (see `formatJsonPath`). */
      readonly locations: ReadonlyMap<string, number>;
    }
  | { readonly ok: false; readonly offset: number; readonly message: string };

class JsonSyntax {
  constructor(readonly offset: number, readonly message: string) {}
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const VALUE_START = 'a value (object, array, string, number, true, false or null)';

function describeAt(text: string, at: number): string {
  return at >= text.length ? 'end of file' : `character ${JSON.stringify(text[at])}`;
}

/**
 * Checks JSON text (RFC 8259) in one pass and records where every value starts, so schema
 * problems can be reported at a line and column. On a syntax error returns the offset of the
 * first offending character and what was expected there (JSON.parse in Node 20 does not give
 * a position for most errors).
 */
export function scanJson(text: string): JsonScan {
  const locations = new Map<string, number>();
  let pos = 0;
  const fail = (expected: string): never => {
    throw new JsonSyntax(pos, `unexpected ${describeAt(text, pos)}; expected ${expected}`);
  };
  const skipWs = (): void => {
    while (pos < text.length && WS.has(text[pos])) pos += 1;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail(VALUE_START);
  };
  const string = (): void => {
    pos += 1;
    for (;;) {
      if (pos >= text.length) fail('a closing quote "');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos += 1;
        return;
      }
      if (c < 0x20) fail('an escaped control character (\\n, \\t, ...) inside the string');
      if (c === 0x5c) {
        const e = text[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
            pos += 2;
            fail('four hex digits after \\u');
          }
          pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          pos += 2;
        } else {
          pos += 1;
          fail('an escape: one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX');
        }
      } else {
        pos += 1;
      }
    }
  };
  const readKey = (): string => {
    const start = pos;
    string();
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const value = (path: string): void => {
    skipWs();
    locations.set(path, pos);
    const c = text[pos];
    if (c === '{') {
      pos += 1;
      skipWs();
      if (text[pos] === '}') {
        pos += 1;
        return;
      }
      for (;;) {
        skipWs();
        if (text[pos] !== '"') fail('a property name in double quotes');
        const key = readKey();
        skipWs();
        if (text[pos] !== ':') fail("':' after the property name");
        pos += 1;
        value(path === '' ? key : `${path}.${key}`);
        skipWs();
        if (text[pos] === ',') {
          pos += 1;
          continue;
        }
        if (text[pos] === '}') {
          pos += 1;
          return;
        }
        fail("',' or '}' after a property value");
      }
    }
    if (c === '[') {
      pos += 1;
      skipWs();
      if (text[pos] === ']') {
        pos += 1;
        return;
      }
      for (let i = 0; ; i += 1) {
        value(`${path}[${i}]`);
        skipWs();
        if (text[pos] === ',') {
          pos += 1;
          continue;
        }
        if (text[pos] === ']') {
          pos += 1;
          return;
        }
        fail("',' or ']' after an array element");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    NUMBER.lastIndex = pos;
    if (c !== undefined && (c === '-' || (c >= '0' && c <= '9')) && NUMBER.test(text)) {
      pos = NUMBER.lastIndex;
      return;
    }
    fail(VALUE_START);
  };
  try {
    value('');
    skipWs();
    if (pos < text.length) fail('the end of the document');
    return { ok: true, locations };
  } catch (e) {
    if (e instanceof JsonSyntax) return { ok: false, offset: e.offset, message: e.message };
    throw e;
  }
}

/** 1-based line and column (in UTF-16 code units) of an offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the value at `path`, or of its nearest ancestor that has one (the root at worst). */
export function locateJsonPath(locations: ReadonlyMap<string, number>, path: readonly PropertyKey[], format: (p: readonly PropertyKey[]) => string): number {
  for (let n = path.length; n >= 0; n -= 1) {
    const at = locations.get(format(path.slice(0, n)));
    if (at !== undefined) return at;
  }
  return 0;
}
