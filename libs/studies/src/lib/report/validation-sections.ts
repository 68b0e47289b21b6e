import type { ReportInput } from './report-input';
import { definitionList, esc, plainPct, signedPct, type SectionParts } from './section-parts';
import { calibrationSpec, outOfSampleSpec, placeboSpec } from './validation-charts';

type InputOf<K extends ReportInput['kind']> = Extract<ReportInput, { kind: K }>;

/** The header of a validation result: title, notice, file and command, then its conventions folded away. */
function validationHeader(page: SectionParts, input: ReportInput, index: number, title: string, conventions: Record<string, string>): void {
  const doc = input.doc;
  page.html(
    `<h2 id="file-${index}">${esc(title)}</h2>`,
    doc.notice === undefined ? '' : `<p class="synthetic">${esc(doc.notice)}</p>`,
    definitionList([['file', `${input.file} (${doc.schema})`], ['command', doc.commandLine]]),
    `<details><summary>Conventions</summary>${definitionList(Object.entries(conventions))}</details>`,
  );
}

const p3 = (x: number | null | undefined): string => (x === null || x === undefined ? 'n/a' : x < 0.001 ? '<0.001' : x.toFixed(3));

/** `ratecut validate event`: per pair, the spreads after first cuts with intervals and placebo p-values, then the placebo distributions. */
export function eventStudySection(page: SectionParts, input: InputOf<'event-study'>, index: number): void {
  const doc = input.doc;
  validationHeader(page, input, index, `Event study of first cuts (anchor: ${doc.settings.anchor})`, doc.conventions);
  for (const pair of doc.pairs) {
    const rows = pair.horizons.flatMap((h) => h.groups.map((g, i) => `<tr>${i === 0 ? `<th rowspan="${h.groups.length}">${esc(h.label)}</th>` : ''}<th>${esc(g.group)}</th><td>${g.count}</td>`
      + `<td class="${(g.meanLower ?? 0) > 0 ? 'pos' : (g.meanUpper ?? 0) < 0 ? 'neg' : ''}">${signedPct(g.mean)}</td><td>[${signedPct(g.meanLower)}, ${signedPct(g.meanUpper)}]</td>`
      + `<td>${signedPct(g.median)}</td><td>${p3(g.placebo?.pTwoSided)}</td><td>${g.placebo === null ? 'n/a' : plainPct(g.placebo.percentile)}</td>`
      + `${i === 0 ? `<td rowspan="${h.groups.length}">${signedPct(h.baseline.mean)}</td><td rowspan="${h.groups.length}">${plainPct(h.baseline.shareSmallBeat)}</td>` : ''}</tr>`));
    page.html(
      `<h3>${esc(pair.title)} (${esc(pair.firstDate)} to ${esc(pair.lastDate)}; ${esc(pair.returnBasis)})</h3>`,
      `<div class="scroll"><table><thead><tr><th>horizon</th><th>group</th><th>n</th><th>mean spread</th><th>${Math.round(doc.settings.confidence * 100)}% interval</th><th>median</th><th>placebo p</th><th>pctile</th><th>any date: mean</th><th>small beat</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
    );
  }
  for (const s of doc.skippedPairs) page.html(`<p class="note">${esc(s.id)} left out: ${esc(s.reason)}</p>`);
  page.html('<h3>Placebo distributions (all cycles)</h3>');
  page.chart(placeboSpec(doc), `Mean spread after ${doc.settings.placebos} draws of as many random dates more than ${doc.settings.excludeMonths} months from every first cut (grey), and the mean after the first cuts (red rule; its two-sided placebo p-value in the tooltip).`);
}

/** `ratecut validate loco` / `walk-forward`: the summary, the per-cycle table and the in- vs out-of-sample chart. */
export function outOfSampleSection(page: SectionParts, input: InputOf<'out-of-sample'>, index: number): void {
  const doc = input.doc;
  const method = doc.method === 'leave-one-cycle-out' ? 'Leave-one-cycle-out' : 'Walk-forward';
  validationHeader(page, input, index, `${method} validation of ${doc.strategy} (${doc.pair}, against ${doc.benchmark})`, doc.conventions);
  const s = doc.summary;
  const beat = doc.folds.filter((f) => f.beat).length;
  page.html(definitionList([
    ['grid', `${doc.grid.map((g) => `${g.name} (${g.values.length})`).join(' × ')}: ${doc.candidates} combinations; chosen by ${doc.objective}`],
    ['out of sample', `mean excess ${signedPct(s.outOfSampleMean)}; beat the benchmark in ${beat} of ${doc.folds.length} tested cycles`],
    ['in sample', `the choices averaged ${signedPct(s.inSampleMean)} on the cycles they were chosen on`],
    ['chosen on every cycle', `${s.fullSample.params ?? 'none'}: mean excess ${signedPct(s.fullSample.meanExcess)}, hit rate ${plainPct(s.fullSample.hitRate)}; chosen by ${s.sameAsFullSample} of ${s.folds} folds`],
  ]));
  const rows = doc.folds.map((f) => `<tr><th>${esc(f.test)}</th><td>${f.trainCycles}</td><td class="mono">${esc(f.chosen.params ?? 'none')}</td><td>${signedPct(f.inSampleExcess)}</td>`
    + `<td class="${f.beat ? 'pos' : 'neg'}">${signedPct(f.outOfSampleExcess)}</td><td>${signedPct(f.fullSampleExcess)}</td></tr>`);
  page.html(`<div class="scroll"><table><thead><tr><th>tested cycle</th><th>trained on</th><th>chosen</th><th>in-sample</th><th>out-of-sample</th><th>full-sample choice</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`);
  page.chart(outOfSampleSpec(doc), 'Excess total return over each cycle\'s window, percentage points: the choice on the cycles it was chosen on (in-sample), on the tested cycle (out-of-sample), and the choice made on every cycle (what a table without validation shows).');
}

/** `ratecut validate calibration`: per scenario the coverage table, then the calibration plot of every PIT. */
export function calibrationSection(page: SectionParts, input: InputOf<'calibration'>, index: number): void {
  const doc = input.doc;
  validationHeader(page, input, index, `Calibration of the scenario simulator (${doc.settings.paths} paths per held-out cycle)`, doc.conventions);
  const rows = doc.scenarios.flatMap((s) => (['small', 'large', 'spread'] as const).map((leg, i) => {
    const c = s.calibration[leg];
    return `<tr>${i === 0 ? `<th rowspan="3">${esc(s.name)}</th>` : ''}<th>${leg}</th><td>${c.n}</td><td>${plainPct(c.coverage50)}</td><td>${plainPct(c.coverage90)}</td><td>${p3(c.pCoverage90)}</td><td class="mono">${c.histogram.join(' ')}</td></tr>`;
  }));
  page.html(`<div class="scroll"><table><thead><tr><th>scenario</th><th>outcome</th><th>held out</th><th>in 50%</th><th>in 90%</th><th>p (90%)</th><th>PIT in ${doc.settings.bins} bins</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`);
  const skipped = doc.scenarios.flatMap((s) => s.skipped.map((k) => `${s.name}: ${k.cycle} (${k.reason})`));
  if (skipped.length > 0) page.html(`<p class="note">Not held out: ${esc(skipped.join('; '))}.</p>`);
  page.chart(calibrationSpec(doc), 'Where each held-out cycle\'s realized return fell in the simulation from the other analogs (PIT). A calibrated simulator puts half the dots in the darker band and 90% in the lighter one; dots piled at the edges mean too narrow, in the middle too wide.');
}
