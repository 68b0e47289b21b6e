/** Longest excerpt of file content (in characters, before escaping) that an issue message may quote. */
export const EXCERPT_MAX_CHARS = 40;

/**
 * Escapes text for an issue message: printable ASCII is kept, `"` and `\` are backslash-escaped,
 * `\n`, `\r` and `\t` are written as such, and every other character (control characters, NUL,
 * anything non-ASCII, lone surrogates) as `\uXXXX` (or `\u{XXXXX}` above the BMP), so a message
 * can never carry terminal escape sequences, invisible characters or binary noise.
 */
export function escapeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\u{${code.toString(16)}}`;
  }
  return out;
}

/**
 * The one way an issue message quotes a piece of a file (a cell, a header, a line): in double
 * quotes, escaped with {@link escapeText}, and cut to its first `max` characters (default
 * {@link EXCERPT_MAX_CHARS}) followed by `...(N characters)` when longer. A data file may be
 * foreign (see the catalog's folder confinement) and messages may end up in shared logs, so no
 * message ever echoes more than this of any file.
 */
export function quoteExcerpt(text: string, max: number = EXCERPT_MAX_CHARS): string {
  const chars = Array.from(text);
  if (chars.length <= max) return `"${escapeText(text)}"`;
  return `"${escapeText(chars.slice(0, max).join(''))}"...(${chars.length} characters)`;
}

/** Quotes each text with {@link quoteExcerpt}, joined by `, `, listing at most `maxItems` (then `and N more`). */
export function quoteExcerpts(texts: readonly string[], maxItems = 30): string {
  const shown = texts.slice(0, maxItems).map((t) => quoteExcerpt(t));
  return texts.length > maxItems ? `${shown.join(', ')} and ${texts.length - maxItems} more` : shown.join(', ');
}
