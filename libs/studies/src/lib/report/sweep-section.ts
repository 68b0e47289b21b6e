import type { SweepTable } from '@ratecut/contracts';
import type { ReportInput } from './report-input';
import { capitalised, esc, signedPct, signedPp, type SectionParts } from './section-parts';
import { parameterWords, rowParameters, sweepDeflatedSharpe, sweepGrid, sweepSpec, type SweepGrid } from './sweep-charts';


/** Rows the section's table lists: the best by the heatmap's metric. */
export const SWEEP_TABLE_ROWS = 10;

/** The synthetic-sample notice of a sweep table: its own comment line, else a standard one when its header says synthetic; undefined for market data. */
export function sweepNotice(table: SweepTable): string | undefined {
  const own = table.comments.find((c) => /^SYNTHETIC/i.test(c));
  return own ?? (table.header.synthetic ? 'SYNTHETIC SAMPLE: generated data, not market history.' : undefined);
}

/** Counted cycles a hit rate stands for (the rate × the cycles, rounded), or "n/a". */
const hits = (rate: number | null, cycles: number): string => (rate === null ? 'n/a' : String(Math.round(rate * cycles)));

const fmt = (x: number | null | undefined, digits: number): string => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));

/**
 * The answer of a sweep table in one or two sentences (HTML): how many combinations were tried,
 * the best by the heatmap's metric (mean excess over the benchmark across the counted cycles, or
 * the Sharpe ratio over cash) with its figures, and the deflated Sharpe ratio (Bailey and López
 * de Prado 2014) of the best Sharpe ratio over cash with the number of trials, in words.
 */
export function sweepHeadline(table: SweepTable, grid: SweepGrid = sweepGrid(table)): string {
  const h = table.header, n = table.rows.length;
  const tried = `Of ${n.toLocaleString('en-US')} combination${n === 1 ? '' : 's'} of ${h.parameters.map(parameterWords).join(' × ')} tried on ${esc(h.strategy)}`;
  if (grid.best === null) return `${tried}, none has a ${grid.metric.column === 'sharpe' ? 'Sharpe ratio' : 'mean excess'}: nothing to compare.`;
  const row = grid.cells[grid.best].row;
  const cell = (name: string): number | null => table.rows[row][table.columns.indexOf(name)];
  const counted = h.counted.length;
  const bestText = grid.metric.column === 'mean_cycle_excess'
    ? `<b>${esc(rowParameters(table, row))}</b> had the largest mean excess over ${esc(h.benchmark)} across the ${counted} counted cycles: ${signedPp(cell('mean_cycle_excess'))} (beat it in ${hits(cell('cycle_hit_rate'), counted)} of ${counted})`
    : `<b>${esc(rowParameters(table, row))}</b> had the largest Sharpe ratio over cash: ${fmt(cell('sharpe'), 2)}`;
  const d = sweepDeflatedSharpe(table);
  const dsr = d === null || d.probability === null
    ? ' There is no deflated Sharpe ratio (fewer than 2 combinations with a Sharpe ratio).'
    : ` The best Sharpe ratio over cash${grid.metric.column === 'sharpe' ? '' : ` (${esc(d.best)}, ${fmt(d.bestSharpe, 2)})`} has a deflated Sharpe ratio P = ${d.probability.toFixed(2)} over ${d.trials.toLocaleString('en-US')} trials: `
      + (d.probability > 0.95 ? `above 0.95, more than the luck of the search (skill over cash, not over ${esc(h.benchmark)}).` : '<b>not above 0.95</b>: it could be the luck of the search.');
  return `${tried}, ${bestText}.${dsr}`;
}

/**
 * A sweep table (`ratecut backtest --sweep`, `ratecut.sweep/2`): the headline (which parameters
 * did best, and is the best more than the luck of the search?), the heatmap of the metric over
 * the two parameters with the most values (best outlined), the best rows, and the sweep's
 * settings folded away.
 */
export function sweepSection(page: SectionParts, input: Extract<ReportInput, { kind: 'sweep' }>, index: number): void {
  const table = input.table, h = table.header;
  const notice = sweepNotice(table);
  page.html(
    `<h2 id="file-${index}">Parameter sweep of ${esc(h.strategy)} (${esc(h.pair)}, ${esc(h.first)} to ${esc(h.last)})</h2>`,
    notice === undefined ? '' : `<p class="synthetic">${esc(notice)}</p>`,
  );
  const grid = sweepGrid(table);
  page.headline('Which parameters did best, and is the best more than the luck of the search?', sweepHeadline(table, grid));
  const collapsed = grid.others.length === 0 ? '' : ` Each cell shows the best over ${grid.others.map(parameterWords).join(', ')}.`;
  page.chart(sweepSpec(table), grid.y === null
    ? `${capitalised(grid.metric.title)} for each ${parameterWords(grid.x)}; the best in red.${collapsed}`
    : `${capitalised(grid.metric.title)}, for each ${parameterWords(grid.x)} (across) and ${parameterWords(grid.y)} (up): green above 0, red below; the best cell outlined in red.${collapsed}`);
  const at = (name: string): number => table.columns.indexOf(name);
  const m = at(grid.metric.column);
  const order = table.rows.map((_, i) => i).filter((i) => table.rows[i][m] !== null)
    .sort((a, b) => (table.rows[b][m] as number) - (table.rows[a][m] as number) || a - b).slice(0, SWEEP_TABLE_ROWS);
  const cycles = h.counted.length > 0;
  const rows = order.map((i) => {
    const r = table.rows[i];
    const v = (name: string): number | null => r[at(name)];
    return `<tr>${h.parameters.map((_, p) => `<td>${r[p]}</td>`).join('')}`
      + (cycles ? `<td class="${(v('mean_cycle_excess') ?? 0) > 0 ? 'pos' : 'neg'}">${signedPp(v('mean_cycle_excess'))}</td><td>${hits(v('cycle_hit_rate'), h.counted.length)} of ${h.counted.length}</td>` : '')
      + `<td>${fmt(v('sharpe'), 2)}</td><td>${signedPct(v('cagr'), 2)}</td><td>${signedPct(v('max_drawdown'))}</td><td>${fmt(v('rebalances'), 0)}</td></tr>`;
  });
  page.html(
    `<h3>The ${order.length} best by ${grid.metric.column === 'sharpe' ? 'Sharpe ratio' : 'mean excess over the benchmark'}</h3>`,
    `<div class="scroll"><table><thead><tr>${h.parameters.map((p) => `<th>${esc(parameterWords(p))}</th>`).join('')}`
      + (cycles ? `<th>mean excess over ${esc(h.benchmark)}</th><th>beat it in</th>` : '')
      + `<th>Sharpe over cash</th><th>CAGR</th><th>max drawdown</th><th>rebalances</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
    '<p class="note">In-sample: the best of many tries overstates what to expect (see ratecut validate loco, walk-forward and spa).</p>',
  );
  const d = sweepDeflatedSharpe(table);
  page.details('Conventions', [
    ['file', `${input.file} (${input.schema})`],
    ...table.comments.filter((c) => !/^SYNTHETIC/i.test(c)).map((c, i) => [i === 0 ? 'command' : 'sweep', c] as const),
    ['execution', `lag ${h.executionLag} row${h.executionLag === 1 ? '' : 's'}, costs ${h.costBps} + ${h.slippageBps} bp, cash ${h.cash}, ${h.returnBasis}, schedule ${h.schedule.kind}`],
    ['cycles', `${h.cycles.length} replayed (${h.window.beforeMonths} months before to ${h.window.afterMonths} after the ${h.window.anchor.replace('-', ' ')}), ${h.counted.length} counted: ${h.counted.join(', ') || 'none'}; each window's excess is the combination's total return minus ${h.benchmark}'s, both starting in cash at the window's first close`],
    ['deflated Sharpe ratio', d === null ? 'n/a (fewer than 2 combinations with a Sharpe ratio)'
      : `Bailey and López de Prado (2014): P ${fmt(d.probability, 3)} that the best Sharpe ratio over cash, ${fmt(d.bestSharpe, 2)} (${d.best}), beats the ${fmt(d.expectedMaxSharpe, 2)} expected from the best of ${d.trials} trials with no skill (trials' Sharpe sd ${fmt(d.trialSharpeSd, 2)}, ${d.observations} observations; moments ${d.moments}). It tests skill over cash, not over ${h.benchmark}; every trial counted as independent (conservative for correlated parameter sets).`],
  ]);
}
