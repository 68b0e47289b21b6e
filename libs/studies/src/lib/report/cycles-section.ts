import type { CyclesResultJson } from '@ratecut/contracts';
import { CYCLE_BOOTSTRAP, headlineHorizon, pairCycleSpreads, type PairCycleSpreads } from './cycle-spreads';
import { cycleSpreadSpec, spreadRowLabel } from './cycles-charts';
import type { ReportInput } from './report-input';
import { capitalised, confidenceWords, esc, signedPp, type SectionParts } from './section-parts';

/** The question a cycles document answers. */
export const CYCLES_QUESTION = 'Do small caps beat large caps after the Fed starts cutting?';

/** What the counted cycles are, in words: "easing episodes" (by episode) or "first cuts" (every cycle). */
function countedWords(doc: CyclesResultJson, n: number): string {
  return doc.counting === 'episodes' ? `easing episode${n === 1 ? '' : 's'}` : `first cut${n === 1 ? '' : 's'}`;
}

/** The pair's return basis in a few words, from the document's `returnBasis` (up to its first ";"), e.g. "price return: index levels without dividends". */
export function basisWords(spreads: PairCycleSpreads): string {
  return spreads.pair.returnBasis.split(';')[0].trim();
}

/**
 * The answer of a cycles document in one or two sentences (HTML), from its first pair at 12
 * months (or its longest horizon): over the counted cycles the pair's data cover, how often small
 * beat large, the mean of small − large with its cycle-bootstrap interval, the median, the
 * recession cycles' record, which cycles are counted (the document's rule) and price or total return.
 */
export function cyclesHeadline(doc: CyclesResultJson): string {
  if (doc.pairs.length === 0) return 'No pair of series could be measured, so there is no answer here (see the skipped pairs below).';
  const spreads = pairCycleSpreads(doc, 0);
  const { small, large } = spreads.legs;
  if (spreads.horizons.length === 0 || spreads.rows.every((r) => !r.counted)) {
    return `The ${esc(small)} vs ${esc(large)} data cover no counted easing cycle: there is no answer here.`;
  }
  const hi = headlineHorizon(spreads);
  const h = spreads.horizons[hi];
  const counted = spreads.rows.filter((r) => r.counted && r.spread[hi] !== null);
  const span = counted.length === 0 ? '' : ` from ${esc(counted[0].cycleId)} to ${esc(counted[counted.length - 1].cycleId)}`;
  const interval = h.count >= 2 ? `, ${confidenceWords(CYCLE_BOOTSTRAP.confidence)} interval ${signedPp(h.meanLower)} to ${signedPp(h.meanUpper)}` : '';
  const rec = h.recession.count === 0 ? '' : `; in the ${h.recession.count} recession cycle${h.recession.count === 1 ? '' : 's'} among them, ${h.recession.wins} of ${h.recession.count} (mean ${signedPp(h.recession.mean)})`;
  const rule = doc.counting === 'episodes' ? 'One count per episode (a resumption within 24 months of its first cut joins it)' : 'Every first cut counted';
  return `After the ${h.count} ${countedWords(doc, h.count)}${span}, the <b>${esc(small)} beat the ${esc(large)} over ${esc(h.words)} in ${h.wins} of ${h.count}</b> `
    + `(mean ${signedPp(h.mean)}${interval}; median ${signedPp(h.median)})${rec}. ${rule}; ${esc(basisWords(spreads))}.`;
}


/** CSS class of a spread cell: gain, loss or not available. */
const cellClass = (x: number | null): string => (x === null ? 'na' : x > 0 ? 'pos' : x < 0 ? 'neg' : '');

/**
 * The per-cycle table of one pair: cycles as rows (base date, small − large at each horizon,
 * percentage points), then over the counted cycles the mean with its bootstrap interval, the
 * median and "won k of n". A cycle that is not counted is greyed and names its episode.
 */
export function cycleSpreadTable(spreads: PairCycleSpreads): string {
  if (spreads.rows.length === 0) return '<p class="note">The pair\'s data cover no easing cycle.</p>';
  const head = `<tr><th>cycle</th><th>base close</th>${spreads.horizons.map((h) => `<th>${esc(h.words)}</th>`).join('')}</tr>`;
  const body = spreads.rows.map((r) => {
    const style = r.counted ? '' : ' style="color:#888"';
    const cells = r.spread.map((x) => `<td class="${cellClass(x)}">${signedPp(x)}</td>`).join('');
    return `<tr${style}><th>${esc(spreadRowLabel(r))}</th><td>${esc(r.base)}</td>${cells}</tr>`;
  });
  const c = confidenceWords(CYCLE_BOOTSTRAP.confidence);
  const agg = (name: string, cell: (h: PairCycleSpreads['horizons'][number]) => string): string =>
    `<tr><th>${esc(name)}</th><td></td>${spreads.horizons.map((h) => `<td class="agg">${cell(h)}</td>`).join('')}</tr>`;
  const foot = [
    agg('mean over the counted', (h) => signedPp(h.mean)),
    agg(`${c} interval of the mean`, (h) => (h.count >= 2 ? `${signedPp(h.meanLower)} to ${signedPp(h.meanUpper)}` : 'n/a')),
    agg('median over the counted', (h) => signedPp(h.median)),
    agg(`${spreads.legs.small} won`, (h) => `${h.wins} of ${h.count}`),
  ].join('');
  return `<div class="scroll"><table class="cycles"><thead>${head}</thead><tbody>${body.join('')}</tbody><tfoot>${foot}</tfoot></table></div>`;
}

/** The chart's caption for one pair. */
function chartCaption(doc: CyclesResultJson, spreads: PairCycleSpreads): string {
  const { small, large } = spreads.legs;
  const steps = spreads.pair.horizons.map((h) => h.steps).join('/');
  const unit = spreads.pair.frequency === 'daily' ? 'trading days' : 'months';
  const notCounted = spreads.rows.some((r) => !r.counted)
    ? ' Faint bars: a resumption that joins an earlier cycle\'s episode, shown but not counted.' : '';
  const uncovered = spreads.uncovered > 0 ? ` ${spreads.uncovered} earlier cycle${spreads.uncovered === 1 ? '' : 's'} before the pair's data ${spreads.uncovered === 1 ? 'is' : 'are'} not drawn.` : '';
  return `Return of the ${small} minus that of the ${large} from the close before each first cut (the base) over ${steps} ${unit}, in percentage points; `
    + `green = ${small} ahead, red = behind; black outline = recession cycle (an NBER recession at the first cut or a peak within ${doc.rule.recessionWindowMonths} months after it). `
    + `Panel titles: how many counted cycles ${small} won and the mean.${notCounted} "n/a": the horizon runs past the data or across a gap.${uncovered} ${capitalised(basisWords(spreads))}.`;
}

/**
 * The section of a cycles document (`ratecut cycles`, `ratecut.cycles/1`): the headline (do small
 * caps beat large caps after the first cut?), then for each pair the per-cycle bars of small −
 * large at every horizon and the same numbers as a table with cycles as rows, and the rules and
 * conventions folded away.
 */
export function cyclesSection(page: SectionParts, input: Extract<ReportInput, { kind: 'cycles' }>, index: number): void {
  const doc = input.doc;
  const synthetic = doc.notice ?? (doc.data.synthetic ? 'SYNTHETIC SAMPLE: generated data, not market history.' : undefined);
  page.html(
    `<h2 id="file-${index}">Fed easing cycles: small vs large caps after the first cut</h2>`,
    synthetic === undefined ? '' : `<p class="synthetic">${esc(synthetic)}</p>`,
  );
  page.headline(CYCLES_QUESTION, cyclesHeadline(doc));
  const counted = doc.cycles.filter((c) => c.counted).length;
  page.html(`<p class="note">${esc(`${doc.cycles.length} easing cycles detected${doc.filter.since === null ? '' : ` with a first cut on or after ${doc.filter.since} (${doc.filter.detected} before the filter)`}, ${counted} counted (${doc.counting === 'episodes' ? 'one per episode' : 'every first cut'}), ${doc.cycles.filter((c) => c.recession).length} recession cycles in the policy-rate history; each pair below counts the cycles its own data cover.`)}</p>`);
  doc.pairs.forEach((_, p) => {
    const spreads = pairCycleSpreads(doc, p);
    page.html(`<h3>${esc(spreads.pair.title)}: ${esc(spreads.legs.small)} minus ${esc(spreads.legs.large)} after each first cut</h3>`,
      `<p class="note">${esc(`${spreads.pair.firstDate} to ${spreads.pair.lastDate}; ${spreads.pair.returnBasis}.`)}</p>`);
    page.chart(cycleSpreadSpec(spreads), chartCaption(doc, spreads));
    page.html(cycleSpreadTable(spreads));
  });
  if (doc.skippedPairs.length > 0) {
    page.html(`<p class="note">Not measured: ${doc.skippedPairs.map((s) => `${esc(s.id)} (${esc(s.reason)})`).join('; ')}.</p>`);
  }
  page.details('Details: file, data, cycle rule, counting and conventions', [
    ['file', `${input.file} (${input.schema})`],
    ['data', `${doc.data.catalog} (found via ${doc.data.origin})${doc.data.synthetic ? ', SYNTHETIC' : ''}`],
    ['cycle rule settings', `moves under ${doc.rule.minMoveBp} bp ignored; a pause of ${doc.rule.pauseMonths} months ends a cycle; recession window ${doc.rule.recessionWindowMonths} months`],
    ['counting', doc.counting],
    ['interval', `percentile bootstrap of the mean over the counted cycles (Efron 1979): ${CYCLE_BOOTSTRAP.resamples.toLocaleString('en-US')} resamples of the cycles with replacement, seed ${CYCLE_BOOTSTRAP.seed}, ${confidenceWords(CYCLE_BOOTSTRAP.confidence)} two-sided; computed by the report`],
    ...Object.entries(doc.conventions),
  ]);
}
