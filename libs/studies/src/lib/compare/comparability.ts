import { monthsToRows } from '@ratecut/sim-core';
import type { DifferenceJson } from '@ratecut/contracts';
import type { CompareInput } from './compare-input';

interface Facts {
  readonly pair: string | null;
  readonly inputs: ReadonlyMap<string, string> | null;
  readonly first: string | null;
  readonly last: string | null;
  readonly rows: number | null;
  readonly cycles: readonly string[] | null;
  readonly anchor: string | null;
  readonly cycleRule: string | null;
  readonly horizon: { readonly months: number; readonly text: string } | null;
}

/** Trading days per calendar month, the convention of `ratecut simulate` (252 a year). */
const TRADING_DAYS_PER_MONTH = monthsToRows(1, 252);

/**
 * A simulation's horizon as calendar months, whatever its step unit: 252 trading days =
 * 12 months = 12 monthly steps (21 trading days a month, as `ratecut simulate` converts).
 */
function calendarHorizon(h: { months: number; steps: number; unit: string }): { months: number; text: string } {
  const months = h.unit === 'trading days' ? h.steps / TRADING_DAYS_PER_MONTH : h.steps;
  return { months, text: `${Number(months.toFixed(2))} months (${h.steps} ${h.unit === 'months' ? 'monthly steps' : h.unit})` };
}

function facts(r: CompareInput): Facts {
  if (r.kind === 'sweep') {
    return { pair: r.pair, inputs: null, first: r.first, last: r.last, rows: r.rows, cycles: null, anchor: null, cycleRule: null, horizon: null };
  }
  const d = r.doc;
  return {
    pair: d.data.pair.id,
    inputs: new Map(d.data.inputs.map((i) => [i.file, i.sha256])),
    first: d.data.first,
    last: d.data.last,
    rows: r.kind === 'backtest' ? r.doc.data.rows : null,
    cycles: r.kind === 'backtest' ? r.doc.cycles.map((c) => c.id) : null,
    anchor: r.kind === 'backtest' ? r.doc.conventions.anchor : null,
    cycleRule: r.kind === 'backtest' ? r.doc.conventions.cycleRule : null,
    horizon: r.kind === 'simulate' ? calendarHorizon(r.doc.horizon) : null,
  };
}

const short = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Lists of ids as "N: first, …, last". */
function listOf(ids: readonly string[]): string {
  return ids.length <= 6 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')}, …, ${ids[ids.length - 1]} (${ids.length})`;
}

/**
 * Every difference that makes `other` not comparable with `ref`: data input hashes (per file,
 * and inputs present in one only), pair, first and last date, rows, cycle ids, the anchor
 * convention and the cycle rule, and for simulations the calendar horizon (trading days at 21 a
 * month, so 252 trading days and 12 monthly steps are the same horizon). A fact unknown in either file
 * (a sweep CSV has no hashes) is not compared.
 */
export function differencesBetween(ref: CompareInput, other: CompareInput): DifferenceJson[] {
  const a = facts(ref), b = facts(other);
  const out: DifferenceJson[] = [];
  const both = (x: string, y: string) => `${x} in ${ref.name}, ${y} in ${other.name}`;
  const scalar = (what: string, x: string | number | null, y: string | number | null) => {
    if (x !== null && y !== null && x !== y) out.push({ what, message: `${what}: ${both(short(String(x)), short(String(y)))}` });
  };
  scalar('data.pair', a.pair, b.pair);
  if (a.inputs && b.inputs) {
    for (const [file, hash] of a.inputs) {
      const h = b.inputs.get(file);
      if (h === undefined) out.push({ what: 'data.inputs', message: `data.inputs: ${file} only in ${ref.name}` });
      else if (h !== hash) out.push({ what: 'data.inputs', message: `data.inputs: ${file} sha256 ${both(hash.slice(0, 12), h.slice(0, 12))}` });
    }
    for (const file of b.inputs.keys()) {
      if (!a.inputs.has(file)) out.push({ what: 'data.inputs', message: `data.inputs: ${file} only in ${other.name}` });
    }
  }
  scalar('data.first', a.first, b.first);
  scalar('data.last', a.last, b.last);
  scalar('data.rows', a.rows, b.rows);
  if (a.cycles && b.cycles) {
    const onlyA = a.cycles.filter((c) => !(b.cycles ?? []).includes(c));
    const onlyB = b.cycles.filter((c) => !(a.cycles ?? []).includes(c));
    if (onlyA.length > 0) out.push({ what: 'cycles', message: `cycles: ${listOf(onlyA)} only in ${ref.name}` });
    if (onlyB.length > 0) out.push({ what: 'cycles', message: `cycles: ${listOf(onlyB)} only in ${other.name}` });
  }
  scalar('conventions.anchor', a.anchor, b.anchor);
  scalar('conventions.cycleRule', a.cycleRule, b.cycleRule);
  // Simulations compare by calendar horizon: a daily bootstrap of 252 trading days and a monthly
  // Student-t of 12 steps cover the same year (their drawdowns differ in sampling; each file says so).
  if (a.horizon && b.horizon && Math.abs(a.horizon.months - b.horizon.months) > 1e-9) {
    out.push({ what: 'horizon', message: `horizon: ${both(a.horizon.text, b.horizon.text)}` });
  }
  return out;
}
