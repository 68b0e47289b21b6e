/** A parsed JSON text, or where and why it is not JSON. */
export type ParsedJsonText =
  | { readonly ok: true; readonly value: unknown }
  | {
    readonly ok: false;
    /** 1-based line and column of the first character the parser could not accept. */
    readonly line: number;
    readonly column: number;
    /** True when the text ends before the document does (a cut-off file). */
    readonly truncated: boolean;
    /** One line in words, without the parser's echo of the text (which may be long or foreign). */
    readonly message: string;
  };

/** 1-based line and column of a character offset in `text`. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1, lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) { line += 1; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** True when parsing `prefix` fails for a reason other than running out of input. */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (e) {
    const message = messageOf(e);
    const pos = /position (\d+)/.exec(message);
    return !/end of JSON input/.test(message) && !(pos !== null && Number(pos[1]) >= prefix.length);
  }
}

/**
 * Offset of the first offending character, for parser messages without a position (V8's
 * "Unexpected token 'x', ... is not valid JSON"): the shortest prefix that fails for a reason
 * other than running out of input, found by bisection (about log2(n) parses). A prefix that
 * stops before the error only runs out of input, so the predicate is monotone.
 */
function firstBadOffset(text: string): number {
  if (!failsBeforeEnd(text)) return text.length;
  let lo = 0, hi = text.length; // failsBeforeEnd(text.slice(0, hi)) holds, failsBeforeEnd('') does not
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (failsBeforeEnd(text.slice(0, mid))) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

/** Printable form of one character for a message: `'x'`, or its code point when invisible. */
function describeChar(c: string | undefined): string {
  if (c === undefined) return 'the end of the file';
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0xfeff ? `character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${c}'`;
}

/**
 * Parses a JSON text (RFC 8259) after removing one leading UTF-8 byte-order mark. A syntax error
 * gives the 1-based line and column of the first offending character (also when the engine's
 * message carries no position), says whether the text was cut off, and never echoes the text.
 */
export function parseJsonText(raw: string): ParsedJsonText {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = messageOf(e);
    const pos = /position (\d+)/.exec(message);
    const offset = pos ? Number(pos[1]) : /end of JSON input/.test(message) ? text.length : firstBadOffset(text);
    const truncated = offset >= text.trimEnd().length;
    // The engine's reason without its echo of the text: "Unexpected token '}', "..." is not valid JSON".
    const reason = truncated
      ? 'truncated JSON (the file ends before the document does)'
      : `malformed JSON: ${message.split('\n')[0].replace(/, ".*$/s, '').replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected token .*$/, `unexpected ${describeChar(text[offset])}`)}`;
    // Counted in the text without the byte-order mark, which is not a column a person can see.
    return { ok: false, ...lineColumnOf(text, offset), truncated, message: reason };
  }
}
