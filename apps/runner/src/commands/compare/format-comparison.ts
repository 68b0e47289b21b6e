import { stringify } from 'csv-stringify/sync';
import type { CompareResultJson, IntervalJson } from '@ratecut/contracts';

const MINUS = '\u2212';

/** `+9.5%` style; `n/a` for null. */
function pct(x: number | null, digits = 1): string {
  if (x === null) return 'n/a';
  const s = (x * 100).toFixed(digits);
  return `${x >= 0 && !s.startsWith('-') ? '+' : ''}${s}%`;
}
function plainPct(x: number | null, digits = 0): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(digits)}%`;
}
function num(x: number | null, digits = 2): string {
  return x === null ? 'n/a' : x.toFixed(digits);
}
/** Signed with a true minus sign: `+0.07`, `−0.05`. */
function signed(x: number | null, digits: number, scale = 1, suffix = ''): string {
  if (x === null) return 'n/a';
  const s = Math.abs(x * scale).toFixed(digits);
  const zero = Number(s) === 0;
  return `${zero ? '' : x < 0 ? MINUS : '+'}${s}${suffix}`;
}

/** Left-aligned first column, right-aligned others. */
function grid(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: readonly string[]) => indent + r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

function ci(d: IntervalJson, digits: number, scale: number, suffix: string, confidence: number): string {
  return `${signed(d.estimate, digits, scale, suffix)} (${Math.round(confidence * 100)}% CI ${signed(d.lower, digits, scale, suffix)} to ${signed(d.upper, digits, scale, suffix)}`;
}

/** The comparison as a table for a person: file headers, differences, metrics, per-cycle table, paired test, deflated Sharpe ratio. */
export function formatComparisonTable(c: CompareResultJson): string {
  const out: string[] = [];
  const synthetic = c.files.some((f) => f.synthetic);
  if (synthetic) out.push('SYNTHETIC SAMPLE: at least one file was computed on the bundled synthetic data, not on real markets');
  out.push(`ratecut compare: ${c.files.length} file${c.files.length === 1 ? '' : 's'}`);
  for (const f of c.files) out.push(`  ${f.letter}  ${f.file}  [${f.schema}]  ${f.description}`);
  if (c.differences.length > 0) {
    out.push('', `NOT COMPARABLE: ${c.differences.length} difference${c.differences.length === 1 ? '' : 's'} (compared anyway because of --force):`);
    for (const d of c.differences) out.push(`  - ${d.message}`);
  }
  if (c.metrics.length > 0) {
    out.push('', 'Headline metrics, full history (Sharpe over cash, annualised; hit = share of cycles beating the benchmark)');
    out.push(...grid(['strategy', 'total', 'CAGR', 'vol', 'Sharpe', 'max DD', 'Calmar', 'cycle hit'],
      c.metrics.map((m) => [m.label, pct(m.totalReturn, 0), pct(m.cagr), plainPct(m.volatility, 1), num(m.sharpe), pct(m.maxDrawdown), num(m.calmar), plainPct(m.cycleHitRate)])));
  }
  if (c.cycles && c.cycles.rows.length > 0) {
    const two = c.cycles.labels.length === 2;
    out.push('', `Total return per cycle window (R = recession cycle; * = window runs past the end of the data${two ? '; A-B in percentage points' : ''})`);
    const header = ['cycle', ...c.cycles.labels, ...(two ? ['A-B'] : [])];
    out.push(...grid(header, c.cycles.rows.map((r) => [`${r.cycleId}${r.complete ? '' : '*'}${r.recession ? ' R' : ''}`, ...r.values.map((v) => pct(v)), ...(two ? [r.difference === null ? 'n/a' : signed(r.difference, 1, 100, '').replace(MINUS, '-')] : [])])));
    const w = c.cycles.aBeatB;
    if (w) out.push(`  A beat B in ${w.wins} of ${w.count} cycles (${plainPct(w.share)}); A = ${w.a}, B = ${w.b}`);
  }
  if (c.paired) {
    const p = c.paired;
    out.push('', `Paired test, A = ${p.a}, B = ${p.b}: ${p.observations} daily returns on common dates ${p.first} to ${p.last} (no cash subtraction)`);
    const tail = `; stationary bootstrap, mean block ${Math.round(p.meanBlock)}, ${p.resamples} resamples)`;
    out.push(`  Sharpe difference A${MINUS}B: ${ci(p.sharpe, 2, 1, '', p.confidence)}${tail}`);
    out.push(`  Annual return difference A${MINUS}B (mean daily return × ${p.periodsPerYear}): ${ci(p.annualReturn, 1, 100, ' pp', p.confidence)}${tail}`);
  }
  for (const d of c.deflatedSharpe) {
    out.push('', `Deflated Sharpe ratio (Bailey and Lopez de Prado, 2014) over ${d.source}; Sharpe ratio ${d.statistic}`);
    out.push(`  null hypothesis: ${d.nullHypothesis}`);
    out.push(`  best ${d.best}: Sharpe ${d.statistic} ${num(d.bestSharpe)} vs ${num(d.expectedMaxSharpe)} expected from the best of ${d.trials} trials with no skill (trial Sharpe sd ${num(d.trialSharpeSd)}; T = ${d.observations})`);
    out.push(`  P(true Sharpe > expected maximum) = ${d.probability === null ? 'n/a' : d.probability.toFixed(3)} ${d.probability === null ? '' : d.probability >= 0.95 ? '(significant at 5%)' : '(not significant at 5%)'}`.trimEnd());
    out.push(`  skewness ${num(d.skewness)}, kurtosis ${num(d.kurtosis)}: ${d.moments}`);
  }
  if (c.simulations) {
    const s = c.simulations;
    const diffs = s.labels.slice(1).map((_, i) => `A-${String.fromCharCode(66 + i)}`);
    out.push('', `Simulated ${s.labels.length > 1 ? 'distributions side by side' : 'distribution'} (horizon returns; differences in percentage points)`);
    out.push(...grid(['statistic', ...s.labels, ...diffs], s.rows.map((r) => [r.statistic, ...r.values.map((v) => (r.statistic.startsWith('P(') ? plainPct(v, 1) : pct(v))), ...r.differences.map((d) => (d === null ? 'n/a' : signed(d, 1, 100, '').replace(MINUS, '-')))])));
  }
  if (c.notes.length > 0) out.push('', ...c.notes.map((n) => `Note: ${n}`));
  return out.join('\n') + '\n';
}

/** The comparison as JSON (schema `ratecut.compare/1`; NaN written as null; the synthetic-data notice, when there is one, first). */
export function formatComparisonJson(c: CompareResultJson): string {
  return JSON.stringify(c, null, 2) + '\n';
}

/**
 * The comparison as one long CSV table: `section,key,label,statistic,value,lower,upper`, decimals
 * (returns as decimals, Sharpe annualised), empty cells for missing values. Sections: file,
 * difference, metric, cycle, paired, deflated-sharpe, simulation.
 */
export function formatComparisonCsv(c: CompareResultJson): string {
  const rows: (string | number | null)[][] = [];
  const v = (x: number | null) => (x === null ? null : x);
  for (const f of c.files) rows.push(['file', f.letter, f.file, f.schema, null, null, null]);
  for (const d of c.differences) rows.push(['difference', d.what, d.message, null, null, null, null]);
  for (const m of c.metrics) {
    for (const [k, x] of [['total_return', m.totalReturn], ['cagr', m.cagr], ['volatility', m.volatility], ['sharpe', m.sharpe], ['max_drawdown', m.maxDrawdown], ['calmar', m.calmar], ['cycle_hit_rate', m.cycleHitRate]] as const) {
      rows.push(['metric', m.label, m.label, k, v(x), null, null]);
    }
  }
  if (c.cycles) {
    for (const r of c.cycles.rows) {
      c.cycles.labels.forEach((l, i) => rows.push(['cycle', r.cycleId, l, 'total_return', v(r.values[i]), null, null]));
      if (c.cycles.labels.length === 2) rows.push(['cycle', r.cycleId, 'A-B', 'total_return_difference', v(r.difference), null, null]);
    }
    const w = c.cycles.aBeatB;
    if (w) rows.push(['cycle', 'all', `${w.a} vs ${w.b}`, 'share_a_beat_b', v(w.share), null, null]);
  }
  if (c.paired) {
    const p = c.paired, key = `${p.a} vs ${p.b}`;
    rows.push(['paired', key, `block ${p.meanBlock.toFixed(2)}; ${p.resamples} resamples; seed ${p.seed}; ${p.observations} days`, 'sharpe_difference', v(p.sharpe.estimate), v(p.sharpe.lower), v(p.sharpe.upper)]);
    rows.push(['paired', key, `block ${p.meanBlock.toFixed(2)}; ${p.resamples} resamples; seed ${p.seed}; ${p.observations} days`, 'annual_return_difference', v(p.annualReturn.estimate), v(p.annualReturn.lower), v(p.annualReturn.upper)]);
  }
  for (const d of c.deflatedSharpe) {
    rows.push(['deflated-sharpe', d.source, d.best, 'probability', v(d.probability), null, null]);
    rows.push(['deflated-sharpe', d.source, d.best, d.statistic === 'over cash' ? 'best_sharpe' : 'best_sharpe_excess_over_benchmark', v(d.bestSharpe), null, null]);
    rows.push(['deflated-sharpe', d.source, d.best, 'expected_max_sharpe', v(d.expectedMaxSharpe), null, null]);
    rows.push(['deflated-sharpe', d.source, d.best, 'trials', d.trials, null, null]);
    rows.push(['deflated-sharpe', d.source, d.best, 'observations', d.observations, null, null]);
  }
  if (c.simulations) {
    for (const r of c.simulations.rows) {
      c.simulations.labels.forEach((l, i) => rows.push(['simulation', r.statistic, l, 'value', v(r.values[i]), null, null]));
      r.differences.forEach((d, i) => rows.push(['simulation', r.statistic, `A-${String.fromCharCode(66 + i)}`, 'difference', v(d), null, null]));
    }
  }
  const header = c.files.some((f) => f.synthetic) ? '# SYNTHETIC SAMPLE: computed on the bundled synthetic data\n' : '';
  return header + stringify(rows, { header: true, columns: ['section', 'key', 'label', 'statistic', 'value', 'lower', 'upper'] });
}
