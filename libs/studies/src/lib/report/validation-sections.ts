import type { CalibrationResultJson, EventStudyResultJson, OutOfSampleResultJson } from '@ratecut/contracts';
import type { ReportInput } from './report-input';
import { esc, plainPct, pValueHtml, signedPct, type SectionParts } from './section-parts';
import { calibrationSpec, outOfSampleSpec, placeboSpec } from './validation-charts';

type InputOf<K extends ReportInput['kind']> = Extract<ReportInput, { kind: K }>;
type ValidationInput = InputOf<'event-study' | 'out-of-sample' | 'calibration'>;

/** The title and notice of a validation result. */
function validationTitle(page: SectionParts, input: ValidationInput, index: number, title: string): void {
  page.html(`<h2 id="file-${index}">${esc(title)}</h2>`, input.doc.notice === undefined ? '' : `<p class="synthetic">${esc(input.doc.notice)}</p>`);
}

/** The file, the command and the conventions as the result states them, folded away. */
function validationConventions(page: SectionParts, input: ValidationInput, conventions: Record<string, string>): void {
  page.details('Conventions', [['file', `${input.file} (${input.schema})`], ['command', input.doc.commandLine], ...Object.entries(conventions)]);
}

/** A decimal spread as signed percentage points, e.g. `+3.6 pp`; "n/a" when missing. */
const pp = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pp`);

/** The horizon an event-study headline reads: 12 months when the pair has it, else its longest. */
export function headlineHorizon(pair: EventStudyResultJson['pairs'][number]): EventStudyResultJson['pairs'][number]['horizons'][number] | undefined {
  return pair.horizons.find((h) => h.label === '12m') ?? pair.horizons[pair.horizons.length - 1];
}

/**
 * The event study's answer (HTML): for the first pair at 12 months (see {@link headlineHorizon}),
 * group `all`, the number of first cuts, the mean small − large spread with its bootstrap
 * interval, the spread from any date, and the placebo p-value, with the verdict at 5 %
 * (two-sided placebo p below 0.05) in words.
 */
export function eventStudyHeadline(doc: EventStudyResultJson): string {
  const pair = doc.pairs[0];
  const h = pair === undefined ? undefined : headlineHorizon(pair);
  const g = h?.groups.find((x) => x.group === 'all');
  if (pair === undefined || h === undefined || g === undefined || g.count === 0) return 'No counted first cut has a spread over the horizons studied: nothing to test.';
  const months = h.label.replace(/m$/, '');
  const level = Math.round(doc.settings.confidence * 100);
  const p = g.placebo?.pTwoSided;
  const verdict = p === undefined ? 'no placebo test (too few eligible dates).'
    : p < 0.05 ? `random dates give a mean this far out in ${pValueHtml(p)} of draws: <b>unlikely to be chance</b> at 5 %.`
      : `random dates give a mean this far out with p = ${pValueHtml(p)}: <b>not distinguishable from chance</b> at 5 %.`;
  return `After the ${g.count === 1 ? 'one first cut' : `${g.count} first cuts`} in ${esc(pair.title)} (${esc(pair.firstDate.slice(0, 4))}–${esc(pair.lastDate.slice(0, 4))}), small minus large over the next ${months} months averaged <b>${pp(g.mean)}</b> `
    + `(${level} % interval ${pp(g.meanLower)} to ${pp(g.meanUpper)}), against ${pp(h.baseline.mean)} from any date; ${verdict}`;
}

/**
 * The out-of-sample answer (HTML): how often the parameters chosen on the training cycles beat
 * the benchmark on the cycle they did not see, their mean excess there against the in-sample
 * mean, and the choice made on every cycle (what a table without validation shows).
 */
export function outOfSampleHeadline(doc: OutOfSampleResultJson): string {
  const s = doc.summary;
  if (doc.folds.length === 0) return `No cycle could be tested (too few counted cycles for ${doc.method === 'walk-forward' ? 'walk-forward with these settings' : 'leave-one-cycle-out'}).`;
  const beat = doc.folds.filter((f) => f.beat).length;
  const how = doc.method === 'leave-one-cycle-out' ? 'Chosen on the other cycles' : 'Chosen on the cycles before each one';
  return `${how}, ${esc(doc.strategy)}'s parameters beat ${esc(doc.benchmark)} in <b>${beat} of ${doc.folds.length}</b> tested cycles, `
    + `mean excess <b>${pp(s.outOfSampleMean)}</b> out of sample against ${pp(s.inSampleMean)} on the cycles they were chosen on. `
    + `The choice made on every cycle (${esc(s.fullSample.params ?? 'none')}) shows ${pp(s.fullSample.meanExcess)}: what a table without validation reports.`;
}

/** Pooled coverage of a calibration document: held-out outcomes (small, large and spread), and how many fell inside the 50 % and 90 % intervals. */
export function pooledCoverage(doc: CalibrationResultJson): { n: number; in50: number; in90: number; cycles: number } {
  let n = 0, in50 = 0, in90 = 0, cycles = 0;
  for (const s of doc.scenarios) {
    cycles += s.folds.length;
    for (const leg of ['small', 'large', 'spread'] as const) {
      const c = s.calibration[leg];
      n += c.n;
      in50 += Math.round((c.coverage50 ?? 0) * c.n);
      in90 += Math.round((c.coverage90 ?? 0) * c.n);
    }
  }
  return { n, in50, in90, cycles };
}

/**
 * The calibration answer (HTML): the outcomes (small, large, spread) of every held-out cycle of
 * every scenario pooled, the share inside the 90 % and 50 % intervals, and a verdict in words:
 * too narrow when under 80 % fall inside the 90 % intervals, too wide when over 97 % do, else
 * close to calibrated (a rough reading: the pooled outcomes are not independent; each
 * scenario's exact binomial test is in the table).
 */
export function calibrationHeadline(doc: CalibrationResultJson): string {
  const c = pooledCoverage(doc);
  if (c.n === 0) return 'No analog cycle could be held out (none with a realized outcome and another analog to draw from).';
  const s90 = c.in90 / c.n, s50 = c.in50 / c.n;
  const verdict = s90 < 0.8 ? 'the intervals look <b>too narrow</b>: realized outcomes fall outside them more often than claimed.'
    : s90 > 0.97 ? 'the intervals look <b>too wide</b>: they hold more than they claim.' : 'the intervals look <b>close to calibrated</b> (a calibrated simulator holds about 90 % and 50 %).';
  return `Over ${doc.scenarios.length} scenario${doc.scenarios.length === 1 ? '' : 's'} and ${c.cycles} held-out cycle${c.cycles === 1 ? '' : 's'}, the 90 % intervals held <b>${c.in90} of ${c.n}</b> realized outcomes (${plainPct(s90)}; small, large and spread pooled) `
    + `and the 50 % intervals ${c.in50} (${plainPct(s50)}): ${verdict}`;
}

/** `ratecut validate event`: per pair, the spreads after first cuts with intervals and placebo p-values, then the placebo distributions. */
export function eventStudySection(page: SectionParts, input: InputOf<'event-study'>, index: number): void {
  const doc = input.doc;
  validationTitle(page, input, index, `Event study of first cuts (anchor: ${doc.settings.anchor})`);
  page.headline('Does the Russell 2000 beat the S&P 500 after a first cut by more than chance?', eventStudyHeadline(doc));
  for (const pair of doc.pairs) {
    const rows = pair.horizons.flatMap((h) => h.groups.map((g, i) => `<tr>${i === 0 ? `<th rowspan="${h.groups.length}">${esc(h.label)}</th>` : ''}<th>${esc(g.group)}</th><td>${g.count}</td>`
      + `<td class="${(g.meanLower ?? 0) > 0 ? 'pos' : (g.meanUpper ?? 0) < 0 ? 'neg' : ''}">${signedPct(g.mean)}</td><td>[${signedPct(g.meanLower)}, ${signedPct(g.meanUpper)}]</td>`
      + `<td>${signedPct(g.median)}</td><td>${pValueHtml(g.placebo?.pTwoSided)}</td><td>${g.placebo === null ? 'n/a' : plainPct(g.placebo.percentile)}</td>`
      + `${i === 0 ? `<td rowspan="${h.groups.length}">${signedPct(h.baseline.mean)}</td><td rowspan="${h.groups.length}">${plainPct(h.baseline.shareSmallBeat)}</td>` : ''}</tr>`));
    page.html(
      `<h3>${esc(pair.title)} (${esc(pair.firstDate)} to ${esc(pair.lastDate)}; ${esc(pair.returnBasis)})</h3>`,
      `<div class="scroll"><table><thead><tr><th>horizon</th><th>group</th><th>n</th><th>mean spread</th><th>${Math.round(doc.settings.confidence * 100)}% interval</th><th>median</th><th>placebo p</th><th>pctile</th><th>any date: mean</th><th>small beat</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
    );
  }
  for (const s of doc.skippedPairs) page.html(`<p class="note">${esc(s.id)} left out: ${esc(s.reason)}</p>`);
  page.html('<h3>Placebo distributions (all cycles)</h3>');
  page.chart(placeboSpec(doc), `Mean spread after ${doc.settings.placebos} draws of as many random dates more than ${doc.settings.excludeMonths} months from every first cut (grey), and the mean after the first cuts (red rule; its two-sided placebo p-value in the tooltip).`);
  validationConventions(page, input, doc.conventions);
}

/** `ratecut validate loco` / `walk-forward`: the summary, the per-cycle table and the in- vs out-of-sample chart. */
export function outOfSampleSection(page: SectionParts, input: InputOf<'out-of-sample'>, index: number): void {
  const doc = input.doc;
  const method = doc.method === 'leave-one-cycle-out' ? 'Leave-one-cycle-out' : 'Walk-forward';
  validationTitle(page, input, index, `${method} validation of ${doc.strategy} (${doc.pair}, against ${doc.benchmark})`);
  page.headline('Do parameters chosen on some cycles still beat the benchmark on a cycle they did not see?', outOfSampleHeadline(doc));
  const s = doc.summary;
  const rows = doc.folds.map((f) => `<tr><th>${esc(f.test)}</th><td>${f.trainCycles}</td><td class="mono">${esc(f.chosen.params ?? 'none')}</td><td>${signedPct(f.inSampleExcess)}</td>`
    + `<td class="${f.beat ? 'pos' : 'neg'}">${signedPct(f.outOfSampleExcess)}</td><td>${signedPct(f.fullSampleExcess)}</td></tr>`);
  page.html(`<div class="scroll"><table><thead><tr><th>tested cycle</th><th>trained on</th><th>chosen</th><th>in-sample</th><th>out-of-sample</th><th>full-sample choice</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`);
  page.chart(outOfSampleSpec(doc), 'Excess total return over each cycle\'s window, percentage points: the choice on the cycles it was chosen on (in-sample), on the tested cycle (out-of-sample), and the choice made on every cycle (what a table without validation shows).');
  validationConventions(page, input, {
    grid: `${doc.grid.map((g) => `${g.name} (${g.values.length} values)`).join(' × ')}: ${doc.candidates} combinations; chosen by ${doc.objective}`,
    'chosen on every cycle': `${s.fullSample.params ?? 'none'}: mean excess ${signedPct(s.fullSample.meanExcess)}, hit rate ${plainPct(s.fullSample.hitRate)}; chosen by ${s.sameAsFullSample} of ${s.folds} folds`,
    ...doc.conventions,
  });
}

/** `ratecut validate calibration`: per scenario the coverage table, then the calibration plot of every PIT. */
export function calibrationSection(page: SectionParts, input: InputOf<'calibration'>, index: number): void {
  const doc = input.doc;
  validationTitle(page, input, index, `Calibration of the scenario simulator (${doc.settings.paths} paths per held-out cycle)`);
  page.headline('Does the scenario simulator\'s spread of outcomes match what happened?', calibrationHeadline(doc));
  const rows = doc.scenarios.flatMap((s) => (['small', 'large', 'spread'] as const).map((leg, i) => {
    const c = s.calibration[leg];
    return `<tr>${i === 0 ? `<th rowspan="3">${esc(s.name)}</th>` : ''}<th>${leg}</th><td>${c.n}</td><td>${plainPct(c.coverage50)}</td><td>${plainPct(c.coverage90)}</td><td>${pValueHtml(c.pCoverage90)}</td><td class="mono">${c.histogram.join(' ')}</td></tr>`;
  }));
  page.html(`<div class="scroll"><table><thead><tr><th>scenario</th><th>outcome</th><th>held out</th><th>in 50%</th><th>in 90%</th><th>p (90%)</th><th>PIT in ${doc.settings.bins} bins</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`);
  const skipped = doc.scenarios.flatMap((s) => s.skipped.map((k) => `${s.name}: ${k.cycle} (${k.reason})`));
  if (skipped.length > 0) page.html(`<p class="note">Not held out: ${esc(skipped.join('; '))}.</p>`);
  page.chart(calibrationSpec(doc), 'Where each held-out cycle\'s realized return fell in the simulation from the other analogs (PIT). A calibrated simulator puts half the dots in the darker band and 90% in the lighter one; dots piled at the edges mean too narrow, in the middle too wide.');
  validationConventions(page, input, doc.conventions);
}
