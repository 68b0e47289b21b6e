import type { ReportInput } from './report-input';
import { nowSpec } from './now-chart';
import { definitionList, esc, plainPct, signedPct, type SectionParts } from './section-parts';

/**
 * `ratecut now`: the answer first (where the cycle stands, the claim's probabilities and how well
 * such forecasts did), then the overlay chart, the probability table and every past cycle at the
 * same step, with the conventions folded away.
 */
export function nowSection(page: SectionParts, input: Extract<ReportInput, { kind: 'now' }>, index: number): void {
  const doc = input.doc, c = doc.current, f = doc.forecast, s = doc.settings;
  page.html(
    `<h2 id="file-${index}">Now: the ${esc(c.id)} easing cycle at step ${c.step} (${esc(c.stepDate)})</h2>`,
    doc.notice === undefined ? '' : `<p class="synthetic">${esc(doc.notice)}</p>`,
    `<p><b>So far</b> small ${signedPct(c.atStep.small)}, large ${signedPct(c.atStep.large)}: the spread is higher than in ${doc.rank.below} of ${doc.rank.of} past cycles at this step. `
      + `<b>Next ${s.horizonMonths} month${s.horizonMonths === 1 ? "" : "s"}</b> (from the nearest ${f.analogs.length} analogs, ${esc(f.analogs.join(', '))}): P(small beats large) ${plainPct(f.smallBeatsLarge)}`
      + f.targets.map((t) => `, P(${esc(t.target)}) ${plainPct(t.probability)}`).join('') + '.</p>',
  );
  page.chart(nowSpec(doc), `Cumulative return from each cycle's base close by step: the ${c.id} cycle in bold red, its nearest analogs in blue, the other past cycles in grey; the dashed rule marks step ${c.step}; the red band spans the analogs' continuations over the next ${s.horizonSteps} steps, rebased to today's level.`);
  const brier = doc.backtest.brier;
  const rows = [
    `<tr><th>P(small beats large)</th><td>${plainPct(f.smallBeatsLarge)}</td><td>${brier.smallBeatsLarge === null ? 'n/a' : brier.smallBeatsLarge.toFixed(3)}</td></tr>`,
    ...f.targets.map((t, i) => `<tr><th>P(${esc(t.target)})</th><td>${plainPct(t.probability)}</td><td>${brier.targets[i] === null ? 'n/a' : (brier.targets[i] as number).toFixed(3)}</td></tr>`),
  ];
  page.html(`<h3>Probabilities over the next ${s.horizonMonths} month${s.horizonMonths === 1 ? "" : "s"}</h3>`, `<table><thead><tr><th>event</th><th>forecast</th><th>backtest Brier (${doc.backtest.folds.length} cycles; 0.25 = always 50%)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  const past = doc.past.map((p) => `<tr><th>${esc(p.id)}</th><td>${esc(p.firstCut)}</td><td>${p.recession ? 'recession' : ''}${p.resumption ? ' resumption' : ''}</td><td>${signedPct(p.atStep.small)}</td><td>${signedPct(p.atStep.large)}</td><td>${signedPct(p.atStep.spread)}</td><td>${p.distance === null ? 'n/a' : p.distance.toFixed(2)}</td><td>${f.analogs.includes(p.id) ? 'analog' : p.continuation ? '' : 'no continuation'}</td></tr>`);
  page.html(`<h3>Every past cycle at step ${c.step}</h3>`, `<div class="scroll"><table><thead><tr><th>cycle</th><th>first cut</th><th>kind</th><th>small</th><th>large</th><th>spread</th><th>distance</th><th></th></tr></thead><tbody>${past.join('')}</tbody></table></div>`);
  for (const w of doc.warnings) page.html(`<p class="warn">warning: ${esc(w)}</p>`);
  page.html(`<details><summary>Conventions</summary>${definitionList([['file', `${input.file} (${doc.schema})`], ['command', doc.commandLine], ['data', `${doc.data.catalog} (${doc.data.pair}, ${doc.data.returnBasis}, ${doc.data.first} to ${doc.data.last})`], ...Object.entries(doc.conventions)])}</details>`);
}
