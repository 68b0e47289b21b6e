import type { CompareResultJson, DeflatedSharpeJson, IntervalJson } from '@ratecut/contracts';
import { bootstrapLocation, type LocationIntervals } from '@ratecut/sim-core';
import { compareCycleDotsSpec, compareDifferenceSpec, compareRowLabel } from './compare-charts';
import { CYCLE_BOOTSTRAP } from './cycle-spreads';
import type { ReportInput } from './report-input';
import { confidenceWords, esc, plainPct, signedPct, signedPp, type SectionParts } from './section-parts';

const num = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));
const signedNum = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`);
/**
 * The mean per-cycle difference A − B of a two-strategy comparison with a percentile-bootstrap
 * interval over the cycles (Efron 1979; `bootstrapLocation` of sim-core with the fixed
 * `CYCLE_BOOTSTRAP`), over the cycles where both returns are known. Null when the document does
 * not compare exactly two strategies per cycle.
 */
export function cycleDifference(doc: CompareResultJson): LocationIntervals | null {
  if (doc.cycles === null || doc.cycles.labels.length !== 2) return null;
  const xs = doc.cycles.rows.map((r) => r.difference).filter((x): x is number => x !== null);
  return bootstrapLocation(xs, { seed: CYCLE_BOOTSTRAP.seed, resamples: CYCLE_BOOTSTRAP.resamples, confidence: CYCLE_BOOTSTRAP.confidence });
}

/** An interval in words: `+0.11 (95 % interval −0.02 to +0.24)`, with `fmt` for each number. */
function intervalWords(i: IntervalJson, confidence: number, fmt: (x: number | null) => string): string {
  return `${fmt(i.estimate)} (${confidenceWords(confidence)} interval ${fmt(i.lower)} to ${fmt(i.upper)})`;
}

/** Whether an interval lies wholly above or below 0, in words. */
function excludesZero(i: IntervalJson): boolean {
  return i.lower !== null && i.upper !== null && (i.lower > 0 || i.upper < 0);
}

/** The deflated Sharpe ratio (Bailey and López de Prado 2014) of one entry in one sentence (HTML). */
export function deflatedSharpeWords(d: DeflatedSharpeJson): string {
  const verdict = d.probability === null ? 'no verdict (too little data)'
    : d.probability >= 0.95 ? '<b>above 0.95</b>: more than the luck of trying them all' : '<b>not above 0.95</b>: it could be the luck of trying them all';
  return `Of ${d.trials} trials (${esc(d.source)}), the best, ${esc(d.best)}, has a Sharpe ratio ${esc(d.statistic)} of ${num(d.bestSharpe)} against the ${num(d.expectedMaxSharpe)} the best of ${d.trials} with no skill would show; `
    + `deflated Sharpe ratio P = ${num(d.probability, 2)}, ${verdict}.`;
}

/** A simulation statistic of the compare table in words (`P(small:+20%)` → `chance small ≥ +20 %`). */
export function statisticWords(statistic: string): string {
  const target = /^P\((small|large|spread):([+-]?\d+(?:\.\d+)?)%\)$/.exec(statistic);
  if (target !== null) {
    const leg = target[1] === 'spread' ? 'small − large' : target[1];
    const level = Number(target[2]);
    return `chance ${leg} ≥ ${level > 0 ? '+' : level < 0 ? '−' : ''}${Math.abs(level)} %`;
  }
  if (statistic === 'P(small beats large)') return 'chance small beats large';
  return statistic.replace(/^small - large/, 'small − large').replace(/ p(\d+)$/, ' $1th percentile');
}

/**
 * The answer of a compare document in one or two sentences (HTML): with two strategies, how
 * often A beat B over the cycles, the mean per-cycle difference with its cycle-bootstrap
 * interval, and the paired stationary-bootstrap intervals of the Sharpe and annual-return
 * differences (Politis and Romano 1994) with whether they exclude 0; with more strategies or a
 * sweep, the deflated Sharpe ratio of the best; for simulations, the chance small beats large side by side.
 */
export function compareHeadline(doc: CompareResultJson): { question: string; answerHtml: string } {
  const sentences: string[] = [];
  let question = 'How do the compared results differ?';
  const cycles = doc.cycles, w = cycles?.aBeatB ?? null;
  if (w !== null) {
    question = `Is ${w.a} better than ${w.b}?`;
    const d = cycleDifference(doc);
    const diff = d === null || d.count === 0 ? '' : ` (mean difference ${signedPp(d.mean)} per cycle${d.count >= 2 ? `, ${confidenceWords(d.confidence)} interval ${signedPp(d.meanLower)} to ${signedPp(d.meanUpper)}` : ''})`;
    sentences.push(`<b>${esc(w.a)} beat ${esc(w.b)} in ${w.wins} of ${w.count} cycles</b>${diff}.`);
  }
  const p = doc.paired;
  if (p !== null) {
    if (w === null) question = `Is ${p.a} better than ${p.b}?`;
    const significant = excludesZero(p.sharpe) || excludesZero(p.annualReturn);
    sentences.push(`Over the full history, ${p.first} to ${p.last}: Sharpe ratio difference ${intervalWords(p.sharpe, p.confidence, (x) => signedNum(x))}, annual return difference ${intervalWords(p.annualReturn, p.confidence, signedPp)}; `
      + (significant ? '<b>an interval excludes 0</b>.' : '<b>both intervals include 0</b>: no clear difference.'));
  }
  if (doc.deflatedSharpe.length > 0) {
    if (w === null && p === null) question = 'Is the best strategy more than the luck of trying many?';
    sentences.push(...doc.deflatedSharpe.map(deflatedSharpeWords));
  }
  const sims = doc.simulations;
  if (sims !== null && w === null && p === null && doc.deflatedSharpe.length === 0) {
    question = 'How do the simulated outcomes differ?';
    const beat = sims.rows.find((r) => r.statistic === 'P(small beats large)');
    sentences.push(beat === undefined ? `${sims.labels.length} simulations side by side.`
      : `Chance small beats large: ${sims.labels.map((l, i) => `${esc(l)} ${plainPct(beat.values[i])}`).join(', ')}.`);
  }
  if (sentences.length === 0) sentences.push('The files hold nothing the comparison can set side by side.');
  if (!doc.comparable) sentences.unshift('<b>Not comparable</b> (compared anyway with --force; see the differences below).');
  return { question, answerHtml: sentences.join(' ') };
}

/** The headline metrics table, one row per strategy. */
function metricsTable(doc: CompareResultJson): string {
  const head = '<tr><th>strategy</th><th>total return</th><th>CAGR</th><th>volatility</th><th>Sharpe</th><th>max drawdown</th><th>Calmar</th><th>cycles beating the benchmark</th></tr>';
  const rows = doc.metrics.map((m) => `<tr><th>${esc(m.label)}</th><td>${signedPct(m.totalReturn, 0)}</td><td>${signedPct(m.cagr)}</td><td>${plainPct(m.volatility)}</td>`
    + `<td>${num(m.sharpe)}</td><td>${signedPct(m.maxDrawdown)}</td><td>${num(m.calmar)}</td><td>${plainPct(m.cycleHitRate)}</td></tr>`);
  return `<div class="scroll"><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The per-cycle table: cycles as rows, one column per strategy, then A − B with two strategies. */
function cycleTable(cycles: NonNullable<CompareResultJson['cycles']>): string {
  const two = cycles.labels.length === 2;
  const cls = (x: number | null): string => (x === null ? 'na' : x > 0 ? 'pos' : x < 0 ? 'neg' : '');
  const head = `<tr><th>cycle</th>${cycles.labels.map((l) => `<th>${esc(l)}</th>`).join('')}${two ? '<th>A − B</th>' : ''}</tr>`;
  const rows = cycles.rows.map((r) => `<tr><th>${esc(compareRowLabel(r))}</th>${r.values.map((v) => `<td>${signedPct(v)}</td>`).join('')}${two ? `<td class="${cls(r.difference)}">${signedPp(r.difference)}</td>` : ''}</tr>`);
  return `<div class="scroll"><table class="cycles"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The simulation statistics side by side, with the differences from the first file. */
function simulationTable(sims: NonNullable<CompareResultJson['simulations']>): string {
  const head = `<tr><th>statistic</th>${sims.labels.map((l) => `<th>${esc(l)}</th>`).join('')}${sims.labels.slice(1).map((_, i) => `<th>A − ${String.fromCharCode(66 + i)}</th>`).join('')}</tr>`;
  const rows = sims.rows.map((r) => {
    const chance = r.statistic.startsWith('P(');
    const value = (v: number | null): string => (chance ? plainPct(v) : signedPct(v));
    return `<tr><th>${esc(statisticWords(r.statistic))}</th>${r.values.map((v) => `<td>${value(v)}</td>`).join('')}${r.differences.map((d) => `<td>${signedPp(d)}</td>`).join('')}</tr>`;
  });
  return `<div class="scroll"><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/**
 * The section of a compare document (`ratecut compare`, `ratecut.compare/1`): the headline (is A
 * better than B, and is it more than luck?), the differences that make the files not comparable,
 * the A − B bars per cycle (or every strategy's return per cycle), the per-cycle and metrics
 * tables, the paired bootstrap and the deflated Sharpe ratio in words, the simulations side by
 * side, and the files and notes folded away.
 */
export function compareSection(page: SectionParts, input: Extract<ReportInput, { kind: 'compare' }>, index: number): void {
  const doc = input.doc;
  const letters = doc.files.map((f) => `${f.letter} = ${f.file}`).join(', ');
  page.html(
    `<h2 id="file-${index}">Comparison of ${doc.files.length} result file${doc.files.length === 1 ? '' : 's'} (${esc(letters)})</h2>`,
    doc.notice === undefined ? '' : `<p class="synthetic">${esc(doc.notice)}</p>`,
  );
  const headline = compareHeadline(doc);
  page.headline(headline.question, headline.answerHtml);
  if (doc.differences.length > 0) {
    page.html(`<p class="warn">Not comparable (${doc.differences.length} difference${doc.differences.length === 1 ? '' : 's'}; compared anyway):</p><ul>${doc.differences.map((d) => `<li>${esc(d.message)}</li>`).join('')}</ul>`);
  }
  const cycles = doc.cycles;
  if (cycles !== null && cycles.rows.length > 0) {
    page.html('<h3>Per easing cycle</h3>');
    if (cycles.labels.length === 2) {
      const d = cycleDifference(doc);
      page.chart(compareDifferenceSpec(doc), `Each bar: ${cycles.labels[0]}'s total return over the cycle window minus ${cycles.labels[1]}'s, in percentage points; green = A ahead, red = behind; black outline = recession cycle; "cut short" = the window runs past the data. `
        + (d === null || d.count < 2 ? '' : `Mean ${signedPp(d.mean)}, ${confidenceWords(d.confidence)} interval ${signedPp(d.meanLower)} to ${signedPp(d.meanUpper)}: percentile bootstrap over the ${d.count} cycles (Efron 1979; ${CYCLE_BOOTSTRAP.resamples.toLocaleString('en-US')} resamples, seed ${CYCLE_BOOTSTRAP.seed}), computed by the report.`));
    } else {
      page.chart(compareCycleDotsSpec(doc), 'Each dot: one strategy\'s total return over the cycle window (small and large caps in their colours); "cut short" = the window runs past the data.');
    }
    page.html(cycleTable(cycles));
  }
  const p = doc.paired;
  if (p !== null) {
    page.html(
      '<h3>Paired bootstrap over the full history</h3>',
      `<p>${esc(`${p.a} − ${p.b}, ${p.observations.toLocaleString('en-US')} daily returns on common dates ${p.first} to ${p.last}: Sharpe ratio difference ${intervalWords(p.sharpe, p.confidence, (x) => signedNum(x))}; annual return difference ${intervalWords(p.annualReturn, p.confidence, signedPp)}. Stationary bootstrap (Politis and Romano 1994), mean block ${p.meanBlock.toFixed(1)} days, ${p.resamples.toLocaleString('en-US')} resamples, seed ${p.seed}; Sharpe ratios without cash subtraction.`)}</p>`,
    );
  }
  if (doc.deflatedSharpe.length > 0) {
    page.html('<h3>Deflated Sharpe ratio (Bailey and López de Prado 2014)</h3>', ...doc.deflatedSharpe.map((d) => `<p>${deflatedSharpeWords(d)} <span class="note">${esc(`Null hypothesis: ${d.nullHypothesis}. ${d.observations.toLocaleString('en-US')} observations; skewness ${num(d.skewness)}, kurtosis ${num(d.kurtosis)} (${d.moments}).`)}</span></p>`));
  }
  if (doc.metrics.length > 0) page.html('<h3>Full-history metrics</h3>', metricsTable(doc), '<p class="note">Sharpe ratio over cash, annualised; max drawdown from the running peak; Calmar = CAGR / |max drawdown|; the last column: share of cycles in which the strategy beat its file\'s benchmark.</p>');
  if (doc.simulations !== null) page.html('<h3>Simulations side by side</h3>', simulationTable(doc.simulations), '<p class="note">Horizon returns; differences from the first file in percentage points.</p>');
  page.details('Details: files, bootstrap and notes', [
    ['file', `${input.file} (${input.schema})`],
    ...doc.files.map((f): [string, string] => [`${f.letter}: ${f.file}`, `${f.schema}${f.synthetic ? ', SYNTHETIC' : ''}; ${f.description}`]),
    ['bootstrap', `seed ${doc.seed}, ${doc.resamples.toLocaleString('en-US')} resamples`],
    ...(p === null ? [] : [['paired method', p.method] as [string, string]]),
    ...doc.notes.map((n, i): [string, string] => [`note ${i + 1}`, n]),
  ]);
}
