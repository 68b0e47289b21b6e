import type { OutcomeDistributionJson } from '@ratecut/contracts';
import { simulatedExceedance, type ExceedanceLeg, type ExceedanceValue } from './exceedance';
import type { SimulateReportDoc } from './report-input';
import { esc, plainPct, signedPct } from './section-parts';
import { exceedanceWords, levelWords, probabilityWords, simulateLegNames, thresholdWords } from './simulate-words';

/** Thresholds of the probability table for each leg's return (decimals). */
export const LEG_THRESHOLDS = [0, 0.1, 0.2, 0.3] as const;
/** Thresholds of the probability table for small minus large (decimals: 0, 5 and 10 percentage points). */
export const SPREAD_THRESHOLDS = [0, 0.05, 0.1] as const;

/** One row of the probability table: an outcome and its share of paths at or above each threshold. */
export interface ProbabilityRow {
  readonly leg: ExceedanceLeg;
  readonly name: string;
  readonly cells: readonly (ExceedanceValue | null)[];
}

/** The probability table of a simulate result: thresholds per row kind and one row per outcome. */
export interface ProbabilityTable {
  /** Thresholds of the two leg rows (the fixed ones and every small or large `--target` level, ascending). */
  readonly legLevels: readonly number[];
  /** Thresholds of the spread row (the fixed ones and every spread `--target` level, ascending). */
  readonly spreadLevels: readonly number[];
  readonly rows: readonly ProbabilityRow[];
}

/** Ascending distinct levels (equal to 1e-9). */
function levelsWith(fixed: readonly number[], extra: readonly number[]): number[] {
  const out: number[] = [];
  for (const x of [...fixed, ...extra].sort((a, b) => a - b)) if (out.length === 0 || Math.abs(out[out.length - 1] - x) > 1e-9) out.push(x);
  return out;
}

/**
 * P(leg ≥ threshold) for the legs at 0, +10, +20, +30 % (and any `--target` level) and for small
 * minus large at 0, 5, 10 pp (and any spread target level): exact where the run counted it (a
 * target, or a histogram edge), else interpolated between the histogram's edges (see
 * `simulatedExceedance`).
 */
export function probabilityTable(doc: SimulateReportDoc): ProbabilityTable {
  const names = simulateLegNames(doc);
  const targets = doc.probabilities.targets;
  const legLevels = levelsWith(LEG_THRESHOLDS, targets.filter((t) => t.leg !== 'spread').map((t) => t.level));
  const spreadLevels = levelsWith(SPREAD_THRESHOLDS, targets.filter((t) => t.leg === 'spread').map((t) => t.level));
  const row = (leg: ExceedanceLeg, levels: readonly number[]): ProbabilityRow => ({
    leg, name: leg === 'spread' ? `${names.small} ahead of ${names.large} by` : names[leg], cells: levels.map((l) => simulatedExceedance(doc, leg, l)),
  });
  return { legLevels, spreadLevels, rows: [row('small', legLevels), row('large', legLevels), row('spread', spreadLevels)] };
}

/** The probability table as HTML: the legs' rows under their thresholds, the spread's under its own, and P(small beats large). */
export function probabilityTableHtml(doc: SimulateReportDoc, table: ProbabilityTable): string {
  const names = simulateLegNames(doc);
  const cell = (v: ExceedanceValue | null) => `<td${v === null ? ' class="na"' : ''}>${esc(exceedanceWords(v))}</td>`;
  const [small, large, spread] = table.rows;
  const legHead = `<tr><th>return over ${doc.horizon.months} months at least</th>${table.legLevels.map((l) => `<th>${esc(levelWords(l))}</th>`).join('')}</tr>`;
  const spreadHead = `<tr><th>${esc(spread.name)} at least</th>${table.spreadLevels.map((l) => `<th>${esc(l === 0 ? '0 pp' : levelWords(l, 'pp'))}</th>`).join('')}</tr>`;
  const beats = `<tr><th>${esc(`${names.small} beats ${names.large}`)}</th><td colspan="${Math.max(1, table.spreadLevels.length)}" style="text-align:left">${esc(probabilityWords(doc.probabilities.smallBeatsLarge, 1))}</td></tr>`;
  return [
    `<div class="scroll"><table class="probabilities"><thead>${legHead}</thead><tbody>`,
    [small, large].map((r) => `<tr><th>${esc(r.name)}</th>${r.cells.map(cell).join('')}</tr>`).join(''),
    `</tbody></table></div>`,
    `<div class="scroll"><table class="probabilities"><thead>${spreadHead}</thead><tbody>`,
    `<tr><th>share of paths</th>${spread.cells.map(cell).join('')}</tr>`,
    beats,
    `</tbody></table></div>`,
  ].join('');
}

const PERCENTILE_KEYS = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;
const percentileHead = (k: (typeof PERCENTILE_KEYS)[number]): string => (k === 'p50' ? 'median' : `${k.slice(1)}th pct`);

/**
 * The horizon returns of small, large and small minus large: percentiles 5 to 95, mean,
 * standard deviation, and value at risk and expected shortfall (CVaR) at 95 % and 99 % as the
 * result states them (losses, positive numbers).
 */
export function returnsTableHtml(doc: SimulateReportDoc): string {
  const names = simulateLegNames(doc);
  const head = `<tr><th>return over ${doc.horizon.months} months</th>${PERCENTILE_KEYS.map((k) => `<th>${percentileHead(k)}</th>`).join('')}<th>mean</th><th>std. dev.</th><th>VaR 95 %</th><th>CVaR 95 %</th><th>VaR 99 %</th><th>CVaR 99 %</th></tr>`;
  const row = (name: string, d: OutcomeDistributionJson) => `<tr><th>${esc(name)}</th>${PERCENTILE_KEYS.map((k) => `<td>${signedPct(d.percentiles[k])}</td>`).join('')}<td>${signedPct(d.mean)}</td><td>${plainPct(d.sd)}</td><td>${plainPct(d.var95)}</td><td>${plainPct(d.cvar95)}</td><td>${plainPct(d.var99)}</td><td>${plainPct(d.cvar99)}</td></tr>`;
  const body = row(names.small, doc.legs.small) + row(names.large, doc.legs.large) + row(`${names.small} − ${names.large}`, doc.legs.spread);
  return `<div class="scroll"><table class="returns"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

/** The maximum drawdown of each leg over the horizon (from the path's running peak; negative decimals): worst 1 % and 5 %, quartiles, median, mean. */
export function drawdownTableHtml(doc: SimulateReportDoc): string {
  const names = simulateLegNames(doc);
  const keys = ['p1', 'p5', 'p25', 'p50', 'p75'] as const;
  const heads = ['worst 1 %', 'worst 5 %', 'worst 25 %', 'median', 'best 25 %'];
  const head = `<tr><th>maximum drawdown over ${doc.horizon.months} months</th>${heads.map((h) => `<th>${h}</th>`).join('')}<th>mean</th></tr>`;
  const row = (name: string, d: OutcomeDistributionJson) => `<tr><th>${esc(name)}</th>${keys.map((k) => `<td>${signedPct(d.percentiles[k])}</td>`).join('')}<td>${signedPct(d.mean)}</td></tr>`;
  return `<div class="scroll"><table class="drawdowns"><thead>${head}</thead><tbody>${row(names.small, doc.drawdowns.small)}${row(names.large, doc.drawdowns.large)}</tbody></table></div>`;
}

/** A built-in strategy's name in words where it holds one leg ("buy and hold Russell 2000"), else as written. */
export function strategyWords(doc: SimulateReportDoc, name: string): string {
  const names = simulateLegNames(doc);
  if (name === 'buy-hold-small') return `buy and hold ${names.small}`;
  if (name === 'buy-hold-large') return `buy and hold ${names.large}`;
  return name;
}

/**
 * The strategies replayed on the first paths: median, 5th and 95th percentile of the horizon
 * return, VaR 95 % (loss), and the median and worst-5 % maximum drawdown; the best median return
 * and the shallowest median drawdown in bold. Null when no strategy was replayed.
 */
export function strategiesTableHtml(doc: SimulateReportDoc): string | null {
  const results = doc.strategies.results;
  if (doc.strategies.paths === 0 || results.length === 0) return null;
  const best = (xs: readonly (number | null)[]) => Math.max(...xs.filter((x): x is number => x !== null));
  const bestReturn = best(results.map((s) => s.horizonReturn.percentiles.p50));
  const bestDrawdown = best(results.map((s) => s.maxDrawdown.percentiles.p50));
  const bold = (x: number | null, b: number, text: string) => (x !== null && x === b && results.length > 1 ? `<b>${text}</b>` : text);
  const head = `<tr><th>strategy</th><th>median return</th><th>5th pct return</th><th>95th pct return</th><th>VaR 95 % (loss)</th><th>median max drawdown</th><th>worst 5 % max drawdown</th></tr>`;
  const body = results.map((s) => {
    const r = s.horizonReturn, d = s.maxDrawdown;
    return `<tr><th>${esc(strategyWords(doc, s.name))}</th><td>${bold(r.percentiles.p50, bestReturn, signedPct(r.percentiles.p50))}</td><td>${signedPct(r.percentiles.p5)}</td><td>${signedPct(r.percentiles.p95)}</td><td>${plainPct(r.var95)}</td><td>${bold(d.percentiles.p50, bestDrawdown, signedPct(d.percentiles.p50))}</td><td>${signedPct(d.percentiles.p5)}</td></tr>`;
  }).join('');
  return `<div class="scroll"><table class="strategies"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

/** The `--target`s in words with their probabilities ("Russell 2000 ≥ +20 %: 49.2 %"), for the details. */
export function targetEntries(doc: SimulateReportDoc): [string, string][] {
  const names = simulateLegNames(doc);
  return doc.probabilities.targets.map((t) => [thresholdWords(names, t.leg, t.level), probabilityWords(t.probability, 1)]);
}
