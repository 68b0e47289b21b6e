const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Value of a numeric cell written as a plain decimal (optional sign, digits, optional fraction
 * and exponent; surrounding blanks ignored), or `NaN` for anything else: empty text,
 * thousands separators, `NaN`, `Infinity`, hexadecimal. Stricter than `Number()`, which reads
 * `''` as 0.
 */
export function parseNumberCell(text: string): number {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : NaN;
}
