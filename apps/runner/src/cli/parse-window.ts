import type { WindowSpec } from '@ratecut/sim-core';

/**
 * Parses the `--window` text `-Bm..Am` (B calendar months before the anchor cut, A after; a
 * `+` before A is allowed) into a cycle window. Null when the text has another shape.
 */
export function parseWindow(text: string, anchor: WindowSpec['anchor'] = 'first-cut'): WindowSpec | null {
  const m = /^-(\d+)m\.\.\+?(\d+)m$/.exec(text.trim());
  if (!m) return null;
  return { beforeMonths: Number(m[1]), afterMonths: Number(m[2]), anchor };
}
