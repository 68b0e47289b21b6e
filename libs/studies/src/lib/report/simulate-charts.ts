import type { HistogramJson } from '@ratecut/contracts';
import { round, SCHEMA, type VegaLiteSpec } from './chart-spec';
import { LEG_COLOURS } from './palette';
import type { SimulateReportDoc } from './report-input';
import { levelWords, probabilityWords, simulateLegNames, thresholdWords } from './simulate-words';

/** Width of one fan panel (two side by side fit in 1,040 px with their axes). */
const FAN_PANEL_WIDTH = 400;
/** Width of the histogram panels (stacked, so the x axes line up). */
const HISTOGRAM_WIDTH = 860;

/** Percentile pairs (p, 100 - p) of the fan, outermost first, as column indexes and words. */
function fanBands(percentiles: readonly number[]): { lo: number; hi: number; label: string }[] {
  const out: { lo: number; hi: number; label: string }[] = [];
  percentiles.forEach((p, lo) => {
    const hi = percentiles.indexOf(100 - p);
    if (p < 50 && hi >= 0) out.push({ lo, hi, label: `${p}th to ${100 - p}th percentile` });
  });
  return out;
}

/**
 * The fan's rows that are drawn: every row for monthly steps, every fifth (about weekly) and
 * the last for trading-day steps; with the month of each (step × horizon months / steps).
 */
export function fanSteps(doc: SimulateReportDoc): { row: number; month: number }[] {
  const rows = doc.fan.small.length;
  if (rows === 0) return [];
  const last = rows - 1;
  const stride = doc.fan.stepUnit === 'trading days' ? 5 : 1;
  const perStep = last > 0 ? doc.horizon.months / last : 0;
  const out: { row: number; month: number }[] = [];
  for (let r = 0; r <= last; r += stride) out.push({ row: r, month: round(r * perStep, 3) as number });
  if (out[out.length - 1].row !== last) out.push({ row: last, month: round(last * perStep, 3) as number });
  return out;
}

/** A target rule and its label, for the charts. */
interface TargetMark { readonly level: number; readonly label: string }

/** The `--target`s of one leg as labelled marks: "Russell 2000 ≥ +20 %: 49 %". */
function targetMarks(doc: SimulateReportDoc, leg: 'small' | 'large' | 'spread'): TargetMark[] {
  const names = simulateLegNames(doc);
  return doc.probabilities.targets
    .filter((t) => t.leg === leg)
    .map((t) => ({ level: round(t.level, 6) as number, label: `${thresholdWords(names, leg, t.level)}: ${probabilityWords(t.probability)}` }));
}

/** Rule-and-label layers for target levels on the `axis` ('x' vertical rules, 'y' horizontal ones). */
function targetLayers(marks: readonly TargetMark[], axis: 'x' | 'y'): Record<string, unknown>[] {
  if (marks.length === 0) return [];
  const values = marks.map((m, i) => ({ level: m.level, label: m.label, px: 4 + 14 * i }));
  const position = { field: 'level', type: 'quantitative' };
  const tooltip = [{ field: 'label', type: 'nominal', title: 'target' }];
  return [
    { data: { values }, mark: { type: 'rule', color: '#222', strokeWidth: 1.2, strokeDash: [5, 3], clip: true }, encoding: { [axis]: position, tooltip } },
    axis === 'x'
      ? { data: { values }, mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, fontSize: 11, fontWeight: 'bold', clip: true }, encoding: { x: position, y: { field: 'px', type: 'quantitative', scale: null }, text: { field: 'label' }, tooltip } }
      : { data: { values }, mark: { type: 'text', align: 'left', baseline: 'bottom', x: 4, dy: -2, fontSize: 11, fontWeight: 'bold', clip: true }, encoding: { y: position, text: { field: 'label' }, tooltip } },
  ];
}

/**
 * One fan panel: the bands between symmetric percentiles of the cumulative return at each
 * drawn step (shaded, inner bands darker where they overlap), the median as a line and each
 * target as a horizontal rule, x in months.
 */
function fanPanel(doc: SimulateReportDoc, rows: readonly (readonly (number | null)[])[], colour: string, title: string, targets: readonly TargetMark[], width = FAN_PANEL_WIDTH, yTitle = 'cumulative return'): Record<string, unknown> {
  const fan = doc.fan;
  const steps = fanSteps(doc);
  const months = steps.map((s) => s.month);
  const col = (q: number) => steps.map((s) => round(rows[s.row]?.[q], 5));
  const median = fan.percentiles.indexOf(50);
  const x = { field: 'm', type: 'quantitative', title: 'months from the start', scale: { domain: [0, doc.horizon.months], nice: false }, axis: { tickMinStep: 1 } };
  const y = { type: 'quantitative', title: yTitle, axis: { format: '+.0%' } };
  const layer: Record<string, unknown>[] = fanBands(fan.percentiles).map((b) => ({
    data: { values: [{ band: b.label, m: months, lo: col(b.lo), hi: col(b.hi) }] },
    transform: [{ flatten: ['m', 'lo', 'hi'] }],
    mark: { type: 'area', color: colour, opacity: 0.2 },
    encoding: {
      x, y: { field: 'lo', ...y }, y2: { field: 'hi' },
      tooltip: [{ field: 'band', type: 'nominal', title: 'band' }, { field: 'm', type: 'quantitative', title: 'month', format: '.1f' }, { field: 'lo', type: 'quantitative', title: 'from', format: '+.1%' }, { field: 'hi', type: 'quantitative', title: 'to', format: '+.1%' }],
    },
  }));
  if (median >= 0) {
    layer.push({
      data: { values: [{ m: months, v: col(median) }] },
      transform: [{ flatten: ['m', 'v'] }],
      mark: { type: 'line', color: colour, strokeWidth: 2 },
      encoding: { x, y: { field: 'v', ...y }, tooltip: [{ field: 'm', type: 'quantitative', title: 'month', format: '.1f' }, { field: 'v', type: 'quantitative', title: 'median', format: '+.1%' }] },
    });
  }
  layer.push(...targetLayers(targets, 'y'));
  return { title, width, height: 240, layer };
}

/**
 * Fan chart of a simulation, x in months: for small and large side by side, the bands between
 * symmetric percentiles of the cumulative return at each step (from the result's `fan`, its
 * first `fan.paths` paths), the median as a line, and each `--target` of the leg as a
 * horizontal rule; both panels on one y scale. Trading-day steps are drawn about weekly
 * (every fifth step and the last).
 */
export function fanSpec(doc: SimulateReportDoc): VegaLiteSpec | null {
  if (doc.fan.small.length === 0) return null;
  const names = simulateLegNames(doc);
  return {
    $schema: SCHEMA,
    hconcat: [
      fanPanel(doc, doc.fan.small, LEG_COLOURS.small, names.small, targetMarks(doc, 'small')),
      fanPanel(doc, doc.fan.large, LEG_COLOURS.large, names.large, targetMarks(doc, 'large')),
    ],
    resolve: { scale: { y: 'shared' } },
  };
}

/**
 * Fan chart of small minus large, x in months: the bands between symmetric percentiles of the
 * difference of the two legs' cumulative returns on the same paths at each step (the result's
 * `fan.spread`: percentiles of the difference, not differences of percentiles), the median as a
 * line, a rule at 0 (above it small caps are ahead) and each spread `--target`. Null when the
 * result holds no spread fan (files written before it did) or no steps.
 */
export function spreadFanSpec(doc: SimulateReportDoc): VegaLiteSpec | null {
  const rows = doc.fan.spread;
  if (rows === undefined || rows.length === 0 || doc.fan.small.length === 0) return null;
  const names = simulateLegNames(doc);
  const targets = targetMarks(doc, 'spread');
  // The even line, unless a target already sits at 0.
  const even: TargetMark[] = targets.some((t) => t.level === 0) ? [] : [{ level: 0, label: `even: ${names.small} ahead above this line` }];
  const panel = fanPanel(doc, rows, LEG_COLOURS.spread, `${names.small} minus ${names.large}`, [...even, ...targets], 2 * FAN_PANEL_WIDTH + 60, 'difference of cumulative returns');
  return { $schema: SCHEMA, ...panel };
}

/** The inner bins of a histogram (all but the two end bins, which also count the tails) and what the end bins hold. */
export interface InnerBins {
  /** Lower and upper edge and count of each inner bin. */
  readonly bins: readonly { readonly x0: number; readonly x1: number; readonly count: number }[];
  /** All counted paths. */
  readonly total: number;
  /** Paths in the first bin: below the first inner edge `from`. */
  readonly below: number;
  /** Paths in the last bin: at or above the last inner edge `to`. */
  readonly above: number;
  readonly from: number;
  readonly to: number;
}

/** The inner bins of a result's histogram (see {@link InnerBins}); null without finite edges or with fewer than three bins. */
export function innerBins(h: HistogramJson): InnerBins | null {
  const n = h.counts.length;
  if (n < 3 || h.edges.length !== n + 1 || h.edges.some((e) => e === null || !Number.isFinite(e))) return null;
  const e = h.edges as number[];
  return {
    bins: h.counts.slice(1, n - 1).map((count, i) => ({ x0: e[i + 1], x1: e[i + 2], count })),
    total: h.counts.reduce((s, c) => s + c, 0),
    below: h.counts[0],
    above: h.counts[n - 1],
    from: e[1],
    to: e[n - 1],
  };
}

/** One histogram panel: inner bins as density (percent of all paths per percentage point), target rules on top. */
function histogramPanel(inner: InnerBins, colour: string, title: string, xTitle: string, domain: readonly [number, number], targets: readonly TargetMark[], unit: string): Record<string, unknown> {
  const per = (b: { x0: number; x1: number; count: number }) => (inner.total > 0 && b.x1 > b.x0 ? b.count / inner.total / ((b.x1 - b.x0) * 100) : 0);
  const values = [{
    x0: inner.bins.map((b) => round(b.x0, 5)),
    x1: inner.bins.map((b) => round(b.x1, 5)),
    n: inner.bins.map((b) => b.count),
    d: inner.bins.map((b) => round(per(b), 6)),
  }];
  return {
    title,
    width: HISTOGRAM_WIDTH,
    height: 150,
    layer: [
      {
        data: { values },
        transform: [{ flatten: ['x0', 'x1', 'n', 'd'] }],
        mark: { type: 'rect', color: colour, opacity: 0.8, clip: true },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: xTitle, scale: { domain: [round(domain[0], 5), round(domain[1], 5)], nice: false }, axis: { format: '+.0%' } },
          x2: { field: 'x1' },
          y: { field: 'd', type: 'quantitative', title: `% of paths per ${unit}`, axis: { format: '.1%' }, scale: { zero: true } },
          y2: { datum: 0 },
          tooltip: [
            { field: 'x0', type: 'quantitative', title: 'from', format: '+.1%' },
            { field: 'x1', type: 'quantitative', title: 'to', format: '+.1%' },
            { field: 'n', type: 'quantitative', title: 'paths', format: ',' },
          ],
        },
      },
      ...targetLayers(targets, 'x'),
    ],
  };
}

/** What a histogram chart leaves out, in words: the end bins, which also hold the tails. */
export function endBinWords(inner: InnerBins, name: string): string {
  const share = (k: number) => probabilityWords(inner.total > 0 ? k / inner.total : null, 1);
  return `${name}: ${inner.below.toLocaleString('en-US')} paths (${share(inner.below)}) below ${levelWords(inner.from)} and ${inner.above.toLocaleString('en-US')} (${share(inner.above)}) at or above ${levelWords(inner.to)} are not drawn`;
}

/**
 * Histograms of the horizon returns of small (top) and large (bottom) on one x range: the
 * result's bins without the two end bins (they also count the tails, which would show as
 * spikes; see {@link endBinWords}), as percent of all paths per percentage point so that the two
 * legs' different bin widths compare, each `--target` as a labelled vertical rule.
 */
export function histogramSpec(doc: SimulateReportDoc): VegaLiteSpec | null {
  const small = innerBins(doc.histograms.small), large = innerBins(doc.histograms.large);
  if (small === null || large === null) return null;
  const names = simulateLegNames(doc);
  const domain = [Math.min(small.from, large.from), Math.max(small.to, large.to)] as const;
  const xTitle = `return over ${doc.horizon.months} months`;
  return {
    $schema: SCHEMA,
    vconcat: [
      histogramPanel(small, LEG_COLOURS.small, names.small, xTitle, domain, targetMarks(doc, 'small'), 'pp of return'),
      histogramPanel(large, LEG_COLOURS.large, names.large, xTitle, domain, targetMarks(doc, 'large'), 'pp of return'),
    ],
    resolve: { scale: { x: 'shared', y: 'shared' } },
  };
}

/**
 * Histogram of small minus large over the horizon (without its end bins, as in
 * {@link histogramSpec}), with a rule at 0 labelled with the share of paths in which small beats
 * large, and each spread `--target` as a labelled rule.
 */
export function spreadHistogramSpec(doc: SimulateReportDoc): VegaLiteSpec | null {
  const inner = innerBins(doc.histograms.spread);
  if (inner === null) return null;
  const names = simulateLegNames(doc);
  const targets = targetMarks(doc, 'spread');
  const beats = targets.some((t) => t.level === 0) ? [] : [{ level: 0, label: `${names.small} beats ${names.large}: ${probabilityWords(doc.probabilities.smallBeatsLarge)}` }];
  return {
    $schema: SCHEMA,
    ...histogramPanel(inner, LEG_COLOURS.spread, `${names.small} − ${names.large}`, `${names.small} minus ${names.large} over ${doc.horizon.months} months (percentage points)`, [inner.from, inner.to], [...beats, ...targets], 'pp'),
  };
}
