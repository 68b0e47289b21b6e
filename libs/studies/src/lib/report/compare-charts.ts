import type { CompareResultJson } from '@ratecut/contracts';
import { round, SCHEMA, type VegaLiteSpec } from './chart-spec';
import { GAIN_GREEN, LOSS_RED, seriesColours } from './palette';

/** A compare document's per-cycle row label: the cycle, "recession" for a recession cycle, "cut short" when the window runs past the data. */
export function compareRowLabel(row: { cycleId: string; recession: boolean; complete: boolean }): string {
  return `${row.cycleId}${row.recession ? ' recession' : ''}${row.complete ? '' : ' (cut short)'}`;
}

/**
 * The name a compare label is coloured by: its strategy without the file prefix
 * (`a.json:cut-trigger` → `cut-trigger`), and `small` / `large` for buy-and-hold of either leg,
 * so they get the legs' colours (`seriesColours`).
 */
function colourName(label: string): string {
  const name = label.slice(label.lastIndexOf(':') + 1);
  return name === 'buy-hold-small' ? 'small' : name === 'buy-hold-large' ? 'large' : name;
}

/**
 * Per-cycle bars of A − B (the first strategy's window total return minus the second's), cycles
 * as rows in date order: green where A did better, red where worse, recession cycles outlined in
 * black and named on their row; the title gives "A beat B in k of n". Tooltips give both returns.
 * Null unless the document compares exactly two strategies over at least one cycle.
 */
export function compareDifferenceSpec(doc: CompareResultJson): VegaLiteSpec | null {
  const cycles = doc.cycles;
  if (cycles === null || cycles.labels.length !== 2 || cycles.rows.length === 0) return null;
  const [a, b] = cycles.labels;
  const values = cycles.rows.map((r) => ({
    c: compareRowLabel(r), x: round(r.difference, 5), a: round(r.values[0], 5), b: round(r.values[1], 5), r: r.recession ? 'yes' : 'no',
  }));
  const w = cycles.aBeatB;
  const y = { field: 'c', type: 'nominal', sort: cycles.rows.map(compareRowLabel), title: null, axis: { labelLimit: 200 } };
  return {
    $schema: SCHEMA,
    title: { text: w === null ? `${a} − ${b} per cycle` : `${a} beat ${b} in ${w.wins} of ${w.count} cycles`, fontSize: 13, anchor: 'start' },
    data: { values },
    width: 640,
    height: { step: 18 },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.x)' }],
        mark: { type: 'bar', strokeWidth: 1.5 },
        encoding: {
          y,
          x: { field: 'x', type: 'quantitative', title: `A − B: total return over the cycle window (A = ${a}, B = ${b})`, axis: { format: '+.0%' } },
          color: { condition: { test: 'datum.x > 0', value: GAIN_GREEN }, value: LOSS_RED },
          stroke: { condition: { test: "datum.r == 'yes'", value: '#111111' }, value: null },
          tooltip: [
            { field: 'c', type: 'nominal', title: 'cycle' },
            { field: 'x', type: 'quantitative', title: 'A − B', format: '+.1%' },
            { field: 'a', type: 'quantitative', title: a, format: '+.1%' },
            { field: 'b', type: 'quantitative', title: b, format: '+.1%' },
            { field: 'r', type: 'nominal', title: 'recession cycle' },
          ],
        },
      },
      { mark: { type: 'rule', color: '#666666' }, encoding: { x: { datum: 0 } } },
    ],
  };
}

/**
 * Per-cycle window total returns of every compared strategy (three or more): cycles as rows in
 * date order, one dot per strategy, coloured by strategy (small and large in their leg colours).
 * Null unless the document has a cycle table with more than two strategies.
 */
export function compareCycleDotsSpec(doc: CompareResultJson): VegaLiteSpec | null {
  const cycles = doc.cycles;
  if (cycles === null || cycles.labels.length <= 2 || cycles.rows.length === 0) return null;
  const values = cycles.rows.flatMap((r) => r.values.map((v, j) => ({ c: compareRowLabel(r), s: cycles.labels[j], v: round(v, 5) }))).filter((d) => d.v !== null);
  const colours = seriesColours(cycles.labels.map(colourName));
  return {
    $schema: SCHEMA,
    data: { values },
    width: 640,
    height: { step: 20 },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 60, opacity: 0.85 },
        encoding: {
          y: { field: 'c', type: 'nominal', sort: cycles.rows.map(compareRowLabel), title: null, axis: { labelLimit: 200 } },
          x: { field: 'v', type: 'quantitative', title: 'total return over the cycle window', axis: { format: '+.0%' } },
          color: { field: 's', type: 'nominal', title: 'strategy', scale: { domain: [...cycles.labels], range: colours.range }, legend: { orient: 'bottom', columns: 2, labelLimit: 260 } },
          tooltip: [
            { field: 'c', type: 'nominal', title: 'cycle' },
            { field: 's', type: 'nominal', title: 'strategy' },
            { field: 'v', type: 'quantitative', title: 'total return', format: '+.1%' },
          ],
        },
      },
      { mark: { type: 'rule', color: '#666666' }, encoding: { x: { datum: 0 } } },
    ],
  };
}
