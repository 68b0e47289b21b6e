import { quoteExcerpt } from '../validation/excerpt';

/** Outcome of {@link scanJson}: where each value starts, or where the text stops being acceptable JSON. */
export type JsonScan =
  | {
      readonly ok: true;
      /** Offset (UTF-16 code units) of the first character of every value, keyed by its path (see `jsonPathOf`). */
      readonly locations: ReadonlyMap<string, number>;
    }
  | {
      readonly ok: false;
      readonly offset: number;
      readonly message: string;
      /** True for a syntax error (the text is not JSON); false for JSON refused by a rule (nesting depth, a forbidden key). */
      readonly syntax: boolean;
    };

/** Options of {@link scanJson}. */
export interface ScanJsonOptions {
  /** Deepest nesting of objects and arrays accepted; default {@link MAX_JSON_DEPTH}. */
  readonly maxDepth?: number;
}

/**
 * Deepest nesting of objects and arrays {@link scanJson} accepts by default. Configuration,
 * scenario and catalog files need fewer than ten levels; the bound keeps a hostile file from
 * costing memory quadratic in its depth (each value's path is recorded).
 */
export const MAX_JSON_DEPTH = 256;

/**
 * Property names refused in every JSON file read: `__proto__` (JSON.parse makes it an own key
 * that schema checks skip, and in any object spread it would replace the prototype),
 * `constructor` and `prototype`. None is a setting of any file format here.
 */
export const FORBIDDEN_JSON_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

class JsonStop {
  constructor(readonly offset: number, readonly message: string, readonly syntax: boolean) {}
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const VALUE_START = 'a value (object, array, string, number, true, false or null)';

function describeAt(text: string, at: number): string {
  return at >= text.length ? 'end of file' : `character ${quoteExcerpt(text[at])}`;
}

interface Frame {
  readonly object: boolean;
  readonly path: string;
  index: number;
}

/**
 * Checks JSON text (RFC 8259) in one pass and records where every value starts, so schema
 * problems can be reported at a line and column. On a syntax error returns the offset of the
 * first offending character and what was expected there (JSON.parse in Node 20 does not give
 * a position for most errors). Also refuses, at the offending character: nesting deeper than
 * `maxDepth` (default {@link MAX_JSON_DEPTH}) and the property names in
 * {@link FORBIDDEN_JSON_KEYS}. Iterative (an explicit stack), so no input can overflow the call
 * stack.
 */
export function scanJson(text: string, options: ScanJsonOptions = {}): JsonScan {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const locations = new Map<string, number>();
  let pos = 0;
  const fail = (expected: string): never => {
    throw new JsonStop(pos, `unexpected ${describeAt(text, pos)}; expected ${expected}`, true);
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
  /** Reads `"key":` and returns the member's path. */
  const member = (parent: string): string => {
    skipWs();
    if (text[pos] !== '"') fail('a property name in double quotes');
    const start = pos;
    string();
    const key = JSON.parse(text.slice(start, pos)) as string;
    if (FORBIDDEN_JSON_KEYS.includes(key)) {
      throw new JsonStop(start, `property name ${quoteExcerpt(key)} is not allowed (it could alter objects' prototypes); expected a setting name`, false);
    }
    skipWs();
    if (text[pos] !== ':') fail("':' after the property name");
    pos += 1;
    return parent === '' ? key : `${parent}.${key}`;
  };
  const stack: Frame[] = [];
  try {
    let path = '';
    for (;;) {
      // A value starts here, at `path`.
      skipWs();
      locations.set(path, pos);
      const c = text[pos];
      let opened = false;
      if (c === '{' || c === '[') {
        if (stack.length >= maxDepth) {
          throw new JsonStop(pos, `objects and arrays nested more than ${maxDepth} levels deep; expected a shallower document`, false);
        }
        pos += 1;
        skipWs();
        if (c === '{' && text[pos] !== '}') {
          stack.push({ object: true, path, index: 0 });
          path = member(path);
          opened = true;
        } else if (c === '[' && text[pos] !== ']') {
          stack.push({ object: false, path, index: 0 });
          path = `${path}[0]`;
          opened = true;
        } else {
          pos += 1;
        }
      } else if (c === '"') {
        string();
      } else if (c === 't') {
        literal('true');
      } else if (c === 'f') {
        literal('false');
      } else if (c === 'n') {
        literal('null');
      } else {
        NUMBER.lastIndex = pos;
        if (c !== undefined && (c === '-' || (c >= '0' && c <= '9')) && NUMBER.test(text)) pos = NUMBER.lastIndex;
        else fail(VALUE_START);
      }
      if (opened) continue;
      // After a value: close finished containers, or move to the next element.
      let next: string | undefined;
      while (next === undefined && stack.length > 0) {
        const top = stack[stack.length - 1];
        skipWs();
        if (text[pos] === ',') {
          pos += 1;
          if (top.object) {
            next = member(top.path);
          } else {
            top.index += 1;
            next = `${top.path}[${top.index}]`;
          }
        } else if (text[pos] === (top.object ? '}' : ']')) {
          pos += 1;
          stack.pop();
        } else {
          fail(top.object ? "',' or '}' after a property value" : "',' or ']' after an array element");
        }
      }
      if (next === undefined) break;
      path = next;
    }
    skipWs();
    if (pos < text.length) fail('the end of the document');
    return { ok: true, locations };
  } catch (e) {
    if (e instanceof JsonStop) return { ok: false, offset: e.offset, message: e.message, syntax: e.syntax };
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
