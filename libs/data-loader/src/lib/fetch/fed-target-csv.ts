/** One observation of a FRED CSV: ISO day and value (NaN for `.`). */
function fredPoints(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [date, value] = line.split(',');
    if (date === undefined || value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    const v = Number(value);
    if (value.trim() !== '.' && value.trim() !== '' && Number.isFinite(v)) out.set(date, v);
  }
  return out;
}

function isoDays(first: string, last: string): string[] {
  const out: string[] = [];
  const d = new Date(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  while (d.getTime() <= end) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/**
 * Derives the daily FOMC target as plain CSV `date,target_lower_pct,target_upper_pct,target_mid_pct`
 * (percent per year), one row per calendar day: the DFEDTAR point target (lower = upper) until the
 * range series DFEDTARL/DFEDTARU start, then the range; gaps carry the last value forward.
 * Empty inputs give a header-only file.
 */
export function deriveFedTargetCsv(dfedtar: string, dfedtarl: string, dfedtaru: string): string {
  const point = fredPoints(dfedtar), lower = fredPoints(dfedtarl), upper = fredPoints(dfedtaru);
  const rangeStart = [...lower.keys()].filter((d) => upper.has(d)).sort()[0];
  const all = [...point.keys(), ...lower.keys(), ...upper.keys()].sort();
  const lines = ['date,target_lower_pct,target_upper_pct,target_mid_pct'];
  const first = all[0], last = all[all.length - 1];
  if (first === undefined || last === undefined) return `${lines[0] ?? ''}\n`;
  let lo = NaN, hi = NaN;
  const fmt = (v: number): string => v.toFixed(4);
  for (const day of isoDays(first, last)) {
    if (rangeStart === undefined || day < rangeStart) {
      const p = point.get(day);
      if (p !== undefined) lo = hi = p;
    } else {
      lo = lower.get(day) ?? lo;
      hi = upper.get(day) ?? hi;
    }
    if (Number.isNaN(lo) || Number.isNaN(hi)) continue;
    lines.push(`${day},${fmt(lo)},${fmt(hi)},${fmt((lo + hi) / 2)}`);
  }
  return `${lines.join('\n')}\n`;
}
