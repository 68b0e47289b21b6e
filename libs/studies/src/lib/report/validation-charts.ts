import type { CalibrationResultJson, EventStudyResultJson, OutOfSampleResultJson, SpaResultJson } from '@ratecut/contracts';
import { round, SCHEMA, type VegaLiteSpec } from './chart-spec';
import { CONTEXT_GREY, GAIN_GREEN, HIGHLIGHT_RED, LEG_COLOURS, STRATEGY_COLOURS } from './palette';

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
      width: 150, height: 110,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'placebo'" }],
          mark: { type: 'rect', color: CONTEXT_GREY },
          encoding: {
            x: { field: 'x0', type: 'quantitative', title: 'mean spread, pp (small minus large)' },
            x2: { field: 'x1' },
            y: { field: 'count', type: 'quantitative', title: 'placebo draws' },
            tooltip: [{ field: 'x0', title: 'from, pp' }, { field: 'x1', title: 'to, pp' }, { field: 'count', title: 'draws' }],
          },
        },
        {
          transform: [{ filter: "datum.kind === 'event'" }],
          mark: { type: 'rule', color: HIGHLIGHT_RED, strokeWidth: 2 },
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

/** Colours of the three figures of a fold: in-sample in grey (context), out-of-sample and the full-sample choice in the first two strategy colours. */
const FOLD_COLOURS = { domain: ['in-sample', 'out-of-sample', 'full-sample choice'], range: [CONTEXT_GREY, STRATEGY_COLOURS[0], STRATEGY_COLOURS[1]] };

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

/** Colours of the three outcomes of a simulation: the report's leg colours. */
const OUTCOME_COLOURS = { domain: ['small', 'large', 'spread'], range: [LEG_COLOURS.small, LEG_COLOURS.large, LEG_COLOURS.spread] };

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
        mark: { type: 'rect', opacity: 0.12, color: GAIN_GREEN },
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

/** Up to this many strategies the SPA chart draws one bar each; with more (a sweep), one dot each. */
export const SPA_BARS_UP_TO = 30;

/**
 * The strategies of an SPA document (`ratecut validate spa`, White 2000; Hansen 2005): each
 * tested strategy's annualised mean excess over the benchmark, percentage points a year. Up to
 * {@link SPA_BARS_UP_TO} strategies: horizontal bars, largest statistic first; with more (a
 * sweep's combinations): one dot per strategy, its statistic across and its excess up. The best
 * (the largest studentized statistic, the document's `best`) in {@link HIGHLIGHT_RED}, the
 * others in {@link CONTEXT_GREY}. Strategies that are not tested (their excess never varies) are
 * left out. Null when none is tested.
 */
export function spaSpec(doc: SpaResultJson): VegaLiteSpec | null {
  const tested = doc.strategies.filter((s) => s.tested && s.tStatistic !== null);
  if (tested.length === 0) return null;
  const rows = [...tested].sort((a, b) => (b.tStatistic as number) - (a.tStatistic as number) || a.label.localeCompare(b.label)).map((s) => ({
    strategy: s.label, excess: round(s.annualExcess * 100, 3), t: round(s.tStatistic, 3), best: s.label === doc.best ? 'best' : 'other',
  }));
  const colour = { field: 'best', type: 'nominal', scale: { domain: ['best', 'other'], range: [HIGHLIGHT_RED, CONTEXT_GREY] }, legend: null };
  const tooltip = [{ field: 'strategy' }, { field: 'excess', title: `mean excess over ${doc.benchmark}, pp a year` }, { field: 't', title: 'studentized statistic' }];
  const excessTitle = `mean excess over ${doc.benchmark}, percentage points a year`;
  if (rows.length <= SPA_BARS_UP_TO) {
    return {
      $schema: SCHEMA,
      width: 640, height: { step: 18 },
      data: { values: rows },
      layer: [
        { mark: { type: 'bar' }, encoding: { y: { field: 'strategy', type: 'nominal', sort: null, title: null }, x: { field: 'excess', type: 'quantitative', title: excessTitle }, color: colour, tooltip } },
        { mark: { type: 'rule', color: '#555' }, encoding: { x: { datum: 0 } } },
      ],
    };
  }
  return {
    $schema: SCHEMA,
    width: 720, height: 300,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 24, opacity: 0.7 },
        encoding: { x: { field: 't', type: 'quantitative', title: 'studentized statistic (mean excess over its bootstrap standard error)' }, y: { field: 'excess', type: 'quantitative', title: excessTitle }, color: colour, tooltip },
      },
      {
        transform: [{ filter: "datum.best === 'best'" }],
        mark: { type: 'point', shape: 'diamond', filled: true, size: 160, color: HIGHLIGHT_RED },
        encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'excess', type: 'quantitative' }, tooltip },
      },
      { mark: { type: 'rule', color: '#555' }, encoding: { y: { datum: 0 } } },
    ],
  };
}
