import { addMonths, cycleWindowRows, monthIndex, NO_CYCLE_FACTS, selectAnalogCycles, type AnalogSelection, type ClassifiedCycle, type CycleFacts, type MarketData } from '@ratecut/sim-core';
import type { Scenario } from '@ratecut/contracts';

/** Per-period simple returns of both legs over one analog window. */
export interface ReturnWindow {
  readonly cycleId: string | null;
  readonly small: Float64Array;
  readonly large: Float64Array;
}

/** What a scenario draws from, and how much of it there is. */
export interface SimulationInputs {
  readonly cycles: readonly ClassifiedCycle[];
  readonly daily: readonly ReturnWindow[];
  readonly monthly: readonly ReturnWindow[];
  /** Monthly returns and policy-rate changes (percentage points) over the whole history, for the rate-sensitivity model. */
  readonly history: { readonly small: Float64Array; readonly large: Float64Array; readonly dRate: Float64Array };
  readonly missingIds: readonly string[];
  /** Warnings a person should read before trusting the output. */
  readonly warnings: readonly string[];
}

/** Rows of the last observation in each calendar month. */
export function monthEndRows(days: Int32Array, from = 0, to = days.length - 1): number[] {
  const rows: number[] = [];
  for (let i = from; i <= to; i += 1) if (i === to || monthIndex(days[i + 1]) !== monthIndex(days[i])) rows.push(i);
  return rows;
}

function returnsBetween(closes: Float64Array, rows: readonly number[]): Float64Array {
  const out = new Float64Array(Math.max(0, rows.length - 1));
  for (let i = 1; i < rows.length; i += 1) out[i - 1] = closes[rows[i]] / closes[rows[i - 1]] - 1;
  return out;
}

/**
 * The cycles a scenario draws from, before the data's coverage is looked at: its history
 * selection (`selectAnalogCycles`: features, ids or every cycle), then, for feature selections
 * and every-cycle scenarios, its regime filter (recession or non-recession cycles only).
 */
export function scenarioAnalogs(cycles: readonly ClassifiedCycle[], scenario: Pick<Scenario, 'history' | 'regime'>, facts: CycleFacts = NO_CYCLE_FACTS): AnalogSelection {
  const selected = selectAnalogCycles(cycles, scenario.history, facts);
  if ((scenario.history.kind === 'analogs' || scenario.history.kind === 'all-cycles') && scenario.regime !== 'any') {
    return { ...selected, cycles: selected.cycles.filter((c) => c.recession.recession === (scenario.regime === 'recession')) };
  }
  return selected;
}

/**
 * Picks the scenario's analog cycles ({@link scenarioAnalogs}) and cuts each one's window out of the data: from the last row before the first
 * cut to `windowMonths` after it, as daily and month-end return series. `full-history` uses all
 * rows as one window. `facts` give the curated features (emergency) that the rates cannot tell;
 * a covered analog they do not list is named in a warning.
 */
export function buildSimulationInputs(data: MarketData, cycles: readonly ClassifiedCycle[], scenario: Scenario, facts: CycleFacts = NO_CYCLE_FACTS): SimulationInputs {
  const selected = scenarioAnalogs(cycles, scenario, facts);
  let picked = selected.cycles;
  const [small, large] = data.closes;
  const windows: { id: string | null; rows: number[] }[] = [];
  if (scenario.history.kind === 'full-history') {
    windows.push({ id: null, rows: Array.from({ length: data.days.length }, (_, i) => i) });
  } else {
    const covered: ClassifiedCycle[] = [];
    for (const c of picked) {
      const w = cycleWindowRows(data.days, c.cycle, { beforeMonths: 0, afterMonths: scenario.windowMonths, anchor: 'first-cut' });
      if (w === null) continue;
      // Start at the last row before the first cut (the anchor), so the cut day's move is drawn.
      const start = Math.max(0, w.startRow - (data.days[w.startRow] >= c.cycle.firstCut ? 1 : 0));
      if (data.days[w.endRow] < addMonths(c.cycle.firstCut, 1)) continue;
      covered.push(c);
      windows.push({ id: c.cycle.id, rows: Array.from({ length: w.endRow - start + 1 }, (_, i) => start + i) });
    }
    picked = covered;
  }
  const daily = windows.map((w) => ({ cycleId: w.id, small: returnsBetween(small, w.rows), large: returnsBetween(large, w.rows) }));
  const monthly = windows.map((w) => {
    const me = data.periodsPerYear === 12 ? w.rows : [w.rows[0], ...monthEndRows(data.days, w.rows[0] + 1, w.rows[w.rows.length - 1])];
    return { cycleId: w.id, small: returnsBetween(small, me), large: returnsBetween(large, me) };
  });
  const allMonthEnds = data.periodsPerYear === 12 ? Array.from({ length: data.days.length }, (_, i) => i) : monthEndRows(data.days);
  const dRate = new Float64Array(Math.max(0, allMonthEnds.length - 1));
  for (let i = 1; i < allMonthEnds.length; i += 1) dRate[i - 1] = (data.policyRate[allMonthEnds[i]] - data.policyRate[allMonthEnds[i - 1]]) * 100;

  const warnings: string[] = [];
  const obs = daily.reduce((s, w) => s + w.small.length, 0);
  const distinct = new Set(picked.map((c) => c.cycle.id)).size;
  if (scenario.history.kind !== 'full-history' && distinct < 3) warnings.push(`only ${distinct} analog cycle${distinct === 1 ? '' : 's'} in the data: the distribution reflects very few episodes`);
  if (obs < 250) warnings.push(`only ${obs} observations to draw from`);
  const unknown = selected.unknown.filter((id) => picked.some((c) => c.cycle.id === id));
  if (unknown.length > 0) {
    warnings.push(`emergency status unknown for ${unknown.join(', ')} (not among the curated cycles of data/easing-cycles.json): counted as not emergencies`);
  }
  return {
    cycles: picked, daily, monthly,
    history: { small: returnsBetween(small, allMonthEnds), large: returnsBetween(large, allMonthEnds), dRate },
    missingIds: selected.missing, warnings,
  };
}
