import type { ExceedanceLeg, ExceedanceValue } from './exceedance';
import { legNames, type LegNames } from './leg-names';
import type { SimulateReportDoc } from './report-input';

/** A non-breaking space, between a number and its unit. */
const NBSP = '\u00a0';

/** A decimal as a signed percentage in words, at most one decimal and none when whole: "+20 %", "−7.5 %", "0 %". */
export function levelWords(level: number, unit = '%'): string {
  const x = Math.round(level * 1000) / 10;
  if (x === 0) return `0${NBSP}${unit}`;
  const digits = Number.isInteger(x) ? String(Math.abs(x)) : Math.abs(x).toFixed(1);
  return `${x > 0 ? '+' : '−'}${digits}${NBSP}${unit}`;
}

/** A return (decimal) as a signed percentage with one decimal: "+19.4 %", "−3.0 %"; "n/a" when missing. */
export function returnWords(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  const r = Math.round(x * 1000) / 10;
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r).toFixed(1)}${NBSP}%`;
}

/** A probability in whole percent ("49 %"), or with `digits` decimals; "n/a" when missing. */
export function probabilityWords(p: number | null | undefined, digits = 0): string {
  return p === null || p === undefined || !Number.isFinite(p) ? 'n/a' : `${(p * 100).toFixed(digits)}${NBSP}%`;
}

/** An exceedance share as the tables show it: "≈" before an interpolated value, "≥"/"≤" before a bound. */
export function exceedanceWords(v: ExceedanceValue | null, digits = 1): string {
  if (v === null) return 'n/a';
  const mark = v.kind === 'interpolated' ? '≈ ' : v.kind === 'at least' ? '≥ ' : v.kind === 'at most' ? '≤ ' : '';
  return `${mark}${probabilityWords(v.probability, digits)}`;
}

/** The outcome of a leg in words: the leg's name, or "Russell 2000 − S&P 500" for the spread. */
export function outcomeName(names: LegNames, leg: ExceedanceLeg): string {
  return leg === 'spread' ? `${names.small} − ${names.large}` : names[leg];
}

/**
 * "leg at least level" in words: "Russell 2000 ≥ +20 %"; for the spread "Russell 2000 ≥ S&P 500"
 * at 0 and "Russell 2000 ≥ S&P 500 + 5 pp" (or "− 5 pp") otherwise.
 */
export function thresholdWords(names: LegNames, leg: ExceedanceLeg, level: number): string {
  if (leg !== 'spread') return `${names[leg]} ≥ ${levelWords(level)}`;
  const pp = Math.round(Math.abs(level) * 1000) / 10;
  if (pp === 0) return `${names.small} ≥ ${names.large}`;
  return `${names.small} ≥ ${names.large} ${level > 0 ? '+' : '−'} ${Number.isInteger(pp) ? pp : pp.toFixed(1)}${NBSP}pp`;
}

/** The legs of a simulate result in words (see `legNames`). */
export const simulateLegNames = (doc: SimulateReportDoc): LegNames => legNames(doc.data.pair);

/** How the paths were made, in a few words ("stationary block bootstrap", "bivariate Student-t fit"). */
export function methodWords(doc: SimulateReportDoc): string {
  switch (doc.method.kind) {
    case 'stationary': return 'stationary block bootstrap';
    case 'circular': return 'circular block bootstrap';
    case 'iid': return 'bootstrap of single rows (no blocks)';
    case 'student-t': return 'bivariate Student-t fit';
    case 'rate-sensitivity': return 'rate-sensitivity regression';
  }
}

/** Where the paths were drawn from, in words: "4 past easing cycles (1995-07, …)" or "the full history". */
export function sourceWords(doc: SimulateReportDoc): string {
  const ids = doc.analogs.cycleIds;
  if (doc.method.kind === 'rate-sensitivity') return 'the full monthly history with the scenario’s cut path';
  if (ids.length === 0) return 'the full history';
  return `${ids.length} past easing cycle${ids.length === 1 ? '' : 's'} (${ids.join(', ')})`;
}
