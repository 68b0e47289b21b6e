import type { OutcomeDistributionJson as Dist, SimulateResultJson } from '@ratecut/contracts';

const pct = (x: unknown, d = 1): string => (typeof x === 'number' ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(d)}%` : 'n/a');
const loss = (x: unknown): string => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : 'n/a');
const share = (x: unknown): string => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : 'n/a');

/**
 * A summary a person can read in ten seconds: odds first, then the spread of outcomes.
 * `threads` (how many worker threads ran and why) is printed but never stored in the result
 * file, whose bytes do not depend on the thread count.
 */
export function formatSimulateSummary(doc: SimulateResultJson, threads?: string): string {
  const { scenario, horizon, method, analogs, legs, drawdowns: dd, probabilities: probs, data } = doc;
  const lines: string[] = [];
  if (typeof doc.notice === 'string') lines.push(doc.notice);
  const meanBlock = 'meanBlock' in method ? method.meanBlock : undefined;
  lines.push(`${scenario.title}: ${horizon.months} months${horizon.unit === 'months' ? '' : ` (${horizon.steps} ${horizon.unit})`}, ${doc.paths} paths, ${method.kind}${meanBlock ? ` (mean block ${meanBlock})` : ''}, seed ${doc.seed}`);
  const source = analogs.cycleIds.length ? analogs.cycleIds.join(', ') : 'the full history';
  const drawn = method.kind === 'rate-sensitivity'
    ? `Regression over the full monthly history, cut path applied; analog cycles ${source}`
    : method.kind === 'student-t'
      ? `Fitted to ${source} (${analogs.monthlyObservations} monthly observations)`
      : `Drawn from ${source} (${analogs.observations} observations)`;
  lines.push(`${drawn}; ${data.pair.id}, ${data.pair.returnBasis}`);
  if (threads !== undefined) lines.push(`Threads: ${threads}`);
  for (const w of analogs.warnings) lines.push(`WARNING: ${w}`);
  if (method.kind === 'rate-sensitivity') {
    const reg = method.regression;
    const fmt = (k: keyof typeof reg) => `${((reg[k].slope ?? NaN) * 100).toFixed(2)} ± ${((reg[k].seSlopeRobust ?? NaN) * 100).toFixed(2)} pp`;
    lines.push(`Monthly return per +1 pp policy-rate change (robust s.e., n=${reg.spread.n}): small ${fmt('small')}, large ${fmt('large')}, small - large ${fmt('spread')}`);
  }
  lines.push('');
  lines.push(`P(small beats large)      ${share(probs.smallBeatsLarge)}`);
  for (const t of probs.targets) lines.push(`P(${t.target})`.padEnd(26) + `${share(t.probability)}`);
  lines.push('');
  const head = ['', 'p5', 'p25', 'median', 'p75', 'p95', 'mean', 'VaR95 loss', 'CVaR95 loss'];
  const row = (name: string, d: Dist, risk: boolean) => [name, pct(d.percentiles.p5), pct(d.percentiles.p25), pct(d.percentiles.p50), pct(d.percentiles.p75), pct(d.percentiles.p95), pct(d.mean), risk ? loss(d.var95) : '', risk ? loss(d.cvar95) : ''];
  const rows = [head, row('small return', legs.small, true), row('large return', legs.large, true), row('small - large', legs.spread, true), row('small max DD', dd.small, false), row('large max DD', dd.large, false)];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) lines.push(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
  lines.push(`Max DD (here and below): ${doc.drawdownSampling.note}`);
  const strat = doc.strategies;
  if (strat.paths > 0) {
    const w = strat.warmUp;
    const after = w === undefined ? '' : `, after the real ${w.rows} ${w.unit} ${w.first}..${w.last}`;
    lines.push('', `Strategies on the first ${strat.paths.toLocaleString('en-US')} paths${after} (median return, p5, median max drawdown):`);
    if (w !== undefined && w.warning !== null) lines.push(`WARNING: ${w.warning}`);
    for (const s of strat.results) lines.push(`  ${s.name.padEnd(18)} ${pct(s.horizonReturn.percentiles.p50).padStart(7)}  ${pct(s.horizonReturn.percentiles.p5).padStart(7)}  ${pct(s.maxDrawdown.percentiles.p50).padStart(7)}`);
  }
  return lines.join('\n') + '\n';
}
