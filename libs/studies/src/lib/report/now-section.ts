import type { NowResultJson } from '@ratecut/contracts';
import type { ReportInput } from './report-input';
import { nowSpec } from './now-chart';
import { esc, plainPct, signedPct, type SectionParts } from './section-parts';

/** A leg in words: `small caps`, `large caps`, `small minus large`. */
const LEG_WORDS = { small: 'small caps', large: 'large caps', spread: 'small minus large' } as const;

/** A forecast target in words, e.g. `small caps at least +20%`, `small minus large at least +9.0 pp`. */
export function targetWords(t: { readonly leg: 'small' | 'large' | 'spread'; readonly level: number }): string {
  const level = t.leg === 'spread' ? `${t.level >= 0 ? '+' : '−'}${Math.abs(t.level * 100).toFixed(1)} pp` : signedPct(t.level, 0);
  return `${LEG_WORDS[t.leg]} at least ${level}`;
}

/**
 * The `now` answer (HTML): where the current cycle stands at its step (both legs' returns so far
 * and the rank of the spread among the past cycles at the same step), then the forecast's
 * probabilities over the horizon (small beats large, each target) from the nearest analogs, and
 * how such forecasts scored on the past cycles (Brier score of P(small beats large); 0.25 is
 * always saying 50 %).
 */
export function nowHeadline(doc: NowResultJson): string {
  const c = doc.current, f = doc.forecast, s = doc.settings;
  const brier = doc.backtest.brier.smallBeatsLarge;
  const months = `${s.horizonMonths} month${s.horizonMonths === 1 ? '' : 's'}`;
  return `At step ${c.step} of the ${esc(c.id)} cycle (${esc(c.stepDate)}), small caps are ${signedPct(c.atStep.small)} and large caps ${signedPct(c.atStep.large)}: `
    + `the spread is higher than in <b>${doc.rank.below} of ${doc.rank.of}</b> past cycles at this step. `
    + `Over the next ${months}, from the ${f.analogs.length} nearest analog${f.analogs.length === 1 ? '' : 's'}: P(small beats large) = <b>${plainPct(f.smallBeatsLarge)}</b>`
    + f.targets.map((t) => `, P(${esc(targetWords(t))}) = ${plainPct(t.probability)}`).join('')
    + (brier === null ? '; no past cycle to score such forecasts on.' : `; on ${doc.backtest.folds.length} past cycles such forecasts scored a Brier score of ${brier.toFixed(2)} (0.25 = always 50 %).`);
}

/**
 * `ratecut now`: the headline (where the cycle stands, the claim's probabilities and how well
 * such forecasts did), then the overlay chart, the probability table and every past cycle at the
 * same step, with the conventions folded away.
 */
export function nowSection(page: SectionParts, input: Extract<ReportInput, { kind: 'now' }>, index: number): void {
  const doc = input.doc, c = doc.current, f = doc.forecast, s = doc.settings;
  page.html(
    `<h2 id="file-${index}">Now: the ${esc(c.id)} easing cycle at step ${c.step} (${esc(c.stepDate)})</h2>`,
    doc.notice === undefined ? '' : `<p class="synthetic">${esc(doc.notice)}</p>`,
  );
  page.headline('Where does the current easing cycle stand against past cycles, and how likely is the claim?', nowHeadline(doc));
  page.chart(nowSpec(doc), `Cumulative return from each cycle's base close by step: the ${c.id} cycle in bold red, its nearest analogs in dark grey, the other past cycles in light grey; the dashed rule marks step ${c.step}; the red band spans the analogs' continuations over the next ${s.horizonSteps} steps, rebased to today's level.`);
  const brier = doc.backtest.brier;
  const rows = [
    `<tr><th>P(small beats large)</th><td>${plainPct(f.smallBeatsLarge)}</td><td>${brier.smallBeatsLarge === null ? 'n/a' : brier.smallBeatsLarge.toFixed(3)}</td></tr>`,
    ...f.targets.map((t, i) => `<tr><th>P(${esc(targetWords(t))})</th><td>${plainPct(t.probability)}</td><td>${brier.targets[i] === null ? 'n/a' : (brier.targets[i] as number).toFixed(3)}</td></tr>`),
  ];
  page.html(`<h3>Probabilities over the next ${s.horizonMonths} month${s.horizonMonths === 1 ? "" : "s"}</h3>`, `<table><thead><tr><th>event</th><th>forecast</th><th>backtest Brier (${doc.backtest.folds.length} cycles; 0.25 = always 50%)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  const past = doc.past.map((p) => `<tr><th>${esc(p.id)}</th><td>${esc(p.firstCut)}</td><td>${p.recession ? 'recession' : ''}${p.resumption ? ' resumption' : ''}</td><td>${signedPct(p.atStep.small)}</td><td>${signedPct(p.atStep.large)}</td><td>${signedPct(p.atStep.spread)}</td><td>${p.distance === null ? 'n/a' : p.distance.toFixed(2)}</td><td>${f.analogs.includes(p.id) ? 'analog' : p.continuation ? '' : 'no continuation'}</td></tr>`);
  page.html(`<h3>Every past cycle at step ${c.step}</h3>`, `<div class="scroll"><table><thead><tr><th>cycle</th><th>first cut</th><th>kind</th><th>small</th><th>large</th><th>spread</th><th>distance</th><th></th></tr></thead><tbody>${past.join('')}</tbody></table></div>`);
  for (const w of doc.warnings) page.html(`<p class="warn">warning: ${esc(w)}</p>`);
  page.details('Conventions', [['file', `${input.file} (${input.schema})`], ['command', doc.commandLine], ['data', `${doc.data.catalog} (${doc.data.pair}, ${doc.data.returnBasis}, ${doc.data.first} to ${doc.data.last})`], ...Object.entries(doc.conventions)]);
}
