import type { CalibrationResultJson, EventStudyResultJson, OutOfSampleResultJson } from '@ratecut/contracts';
import type { VegaLiteSpec } from './chart-spec';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Percentage points from a decimal, to 0.01; null for a missing value. */
const pp = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10_000) / 100);

/**
 * The placebo distributions of the event study, one panel per pair (rows) and horizon
 * (columns), group `all`: the histogram of the placebo means (random non-event dates, in
 * percentage points) with the mean spread after the first cuts as a red rule and its placebo
 * p-value in the tooltip. Null when the document has no placebo histogram (older files).
 */
export function placeboSpec(doc: EventStudyResultJson): VegaLiteSpec | null {
  const rows: Record<string, unknown>[] = [];
  for (const pair of doc.pairs) {
    for (const h of pair.horizons) {
      const all = h.groups.find((g) => g.group === 'all');
      const hist = all?.placebo?.histogram;
      if (all === undefined || all.placebo === null || hist === undefined) continue;
      const width = (hist.hi - hist.lo) / hist.counts.length;
      hist.counts.forEach((count, i) => rows.push({ pair: pair.id, horizon: h.label, kind: 'placebo', x0: pp(hist.lo + i * width), x1: pp(hist.lo + (i + 1) * width), count }));
      rows.push({ pair: pair.id, horizon: h.label, kind: 'event', x: pp(all.mean), p: all.placebo.pTwoSided, n: all.count });
    }
  }
  if (rows.length === 0) return null;
  return {
    $schema: SCHEMA,
    data: { values: rows },
    facet: { row: { field: 'pair', type: 'nominal', title: null, sort: doc.pairs.map((p) => p.id) }, column: { field: 'horizon', type: 'ordinal', sort: ['3m', '6m', '12m', '24m'], title: null } },
    spec: {
      width: 200, height: 110,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'placebo'" }],
          mark: { type: 'rect', color: '#9aa5b1' },
          encoding: {
            x: { field: 'x0', type: 'quantitative', title: 'mean spread, pp (small minus large)' },
            x2: { field: 'x1' },
            y: { field: 'count', type: 'quantitative', title: 'placebo draws' },
            tooltip: [{ field: 'x0', title: 'from, pp' }, { field: 'x1', title: 'to, pp' }, { field: 'count', title: 'draws' }],
          },
        },
        {
          transform: [{ filter: "datum.kind === 'event'" }],
          mark: { type: 'rule', color: '#c0392b', strokeWidth: 2 },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            tooltip: [{ field: 'x', title: 'mean after first cuts, pp' }, { field: 'n', title: 'cycles' }, { field: 'p', title: 'placebo p (two-sided)', format: '.3f' }],
          },
        },
      ],
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}

/** Colours of the three figures of a fold, the same in every chart of the report. */
const FOLD_COLOURS = { domain: ['in-sample', 'out-of-sample', 'full-sample choice'], range: ['#b0b7c0', '#1f4e79', '#e3a21a'] };

/**
 * Leave-one-cycle-out or walk-forward, per tested cycle: the choice's mean excess on the cycles
 * it was chosen on (in-sample), its excess on the tested cycle (out-of-sample) and the excess
 * there of the choice made on every cycle, grouped bars in percentage points. Null without folds.
 */
export function outOfSampleSpec(doc: OutOfSampleResultJson): VegaLiteSpec | null {
  if (doc.folds.length === 0) return null;
  const rows = doc.folds.flatMap((f) => [
    { cycle: f.test, figure: 'in-sample', value: pp(f.inSampleExcess), chosen: f.chosen.params ?? 'none' },
    { cycle: f.test, figure: 'out-of-sample', value: pp(f.outOfSampleExcess), chosen: f.chosen.params ?? 'none' },
    { cycle: f.test, figure: 'full-sample choice', value: pp(f.fullSampleExcess), chosen: doc.summary.fullSample.params ?? 'none' },
  ]);
  return {
    $schema: SCHEMA,
    width: Math.max(320, 60 * doc.folds.length), height: 220,
    data: { values: rows },
    mark: 'bar',
    encoding: {
      x: { field: 'cycle', type: 'nominal', title: 'tested cycle', sort: null },
      xOffset: { field: 'figure', sort: FOLD_COLOURS.domain },
      y: { field: 'value', type: 'quantitative', title: `excess over ${doc.benchmark}, pp` },
      color: { field: 'figure', type: 'nominal', scale: FOLD_COLOURS, title: null, sort: FOLD_COLOURS.domain },
      tooltip: [{ field: 'cycle' }, { field: 'figure' }, { field: 'chosen', title: 'parameters' }, { field: 'value', title: 'excess, pp' }],
    },
  };
}

/** Colours of the three outcomes of a simulation, the same in every chart of the report. */
const OUTCOME_COLOURS = { domain: ['small', 'large', 'spread'], range: ['#d95f02', '#1f77b4', '#6a3d9a'] };

/**
 * The calibration plot: each held-out cycle's PIT (small, large, spread) as a dot per scenario
 * on [0, 1], over the central 90 % and 50 % intervals a calibrated simulator would hold 90 % and
 * 50 % of the dots in. Null without folds.
 */
export function calibrationSpec(doc: CalibrationResultJson): VegaLiteSpec | null {
  const rows = doc.scenarios.flatMap((s) => s.folds.flatMap((f) => OUTCOME_COLOURS.domain.map((outcome) => ({
    scenario: s.name, cycle: f.cycle, outcome, pit: Math.round(f.pit[outcome as 'small' | 'large' | 'spread'] * 1000) / 1000,
    realized: pp(f.realized[outcome as 'small' | 'large' | 'spread']),
  }))));
  if (rows.length === 0) return null;
  return {
    $schema: SCHEMA,
    width: 640, height: { step: 14 },
    layer: [
      {
        data: { values: [{ x0: 0.05, x1: 0.95, band: '90% interval' }, { x0: 0.25, x1: 0.75, band: '50% interval' }] },
        mark: { type: 'rect', opacity: 0.12, color: '#2e7d32' },
        encoding: { x: { field: 'x0', type: 'quantitative', scale: { domain: [0, 1] }, title: 'PIT: share of simulated outcomes below the realized one' }, x2: { field: 'x1' } },
      },
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          x: { field: 'pit', type: 'quantitative', scale: { domain: [0, 1] } },
          y: { field: 'scenario', type: 'nominal', title: null },
          yOffset: { field: 'outcome', sort: OUTCOME_COLOURS.domain },
          color: { field: 'outcome', type: 'nominal', scale: OUTCOME_COLOURS, sort: OUTCOME_COLOURS.domain, title: null },
          tooltip: [{ field: 'scenario' }, { field: 'cycle', title: 'held out' }, { field: 'outcome' }, { field: 'realized', title: 'realized, %' }, { field: 'pit', title: 'PIT' }],
        },
      },
    ],
  };
}
