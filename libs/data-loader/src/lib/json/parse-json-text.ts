import { lineColumnAt, scanJson, type JsonScan } from '../catalog/json-locations';

/** A parsed JSON text, or where and why it is not acceptable JSON. */
export type ParsedJsonText =
  | { readonly ok: true; readonly value: unknown }
  | {
    readonly ok: false;
    /** 1-based line and column of the first character that could not be accepted. */
    readonly line: number;
    readonly column: number;
    /** True when the text ends before the document does (a cut-off file). */
    readonly truncated: boolean;
    /** One line in words; quotes at most a short escaped excerpt of the text, never the text itself. */
    readonly message: string;
  };

/**
 * Parses a JSON text (RFC 8259) after removing one leading UTF-8 byte-order mark. The text is
 * first checked by `scanJson` (the one JSON scanner of the data loader: iterative, with its
 * nesting bound and its refusal of `__proto__`, `constructor` and `prototype` keys), so a
 * problem gives the 1-based line and column of the first offending character and says whether
 * the text was cut off; only then is it parsed with `JSON.parse`.
 */
export function parseJsonText(raw: string): ParsedJsonText {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const scan = scanJson(text);
  return scan.ok ? { ok: true, value: JSON.parse(text) as unknown } : describeJsonScanFailure(text, scan);
}

/**
 * The words and place of a failed `scanJson` of `text` (already without its byte-order mark,
 * which is not a column a person can see): `truncated JSON ...` when the text ends before the
 * document does, `malformed JSON: ...` for another syntax error, else the rule that refused it.
 * Every JSON reader of ratecut words its syntax errors this way.
 */
export function describeJsonScanFailure(text: string, scan: Extract<JsonScan, { ok: false }>): Extract<ParsedJsonText, { ok: false }> {
  const truncated = scan.syntax && scan.offset >= text.trimEnd().length;
  const message = truncated
    ? 'truncated JSON (the file ends before the document does)'
    : scan.syntax ? `malformed JSON: ${scan.message}` : scan.message;
  return { ok: false, ...lineColumnAt(text, scan.offset), truncated, message };
}
