import { simulatedExceedance } from './exceedance';
import type { SimulateReportDoc } from './report-input';
import { esc } from './section-parts';
import { methodWords, probabilityWords, returnWords, simulateLegNames, sourceWords, thresholdWords } from './simulate-words';

/** The small leg's level the headline states when the run set no target: +20 %. */
const DEFAULT_LEVEL = 0.2;

/** The question a simulate section answers and its answer (HTML, escaped), with the numbers in it. */
export interface SimulateHeadline {
  readonly question: string;
  readonly answerHtml: string;
}

/**
 * The headline of a simulate result: "What could the next 12 months bring in the <scenario>
 * scenario?", answered with the share of paths in which small beats large, the probability of
 * each `--target` in words (without targets, of small at least +20 %, from the histogram: see
 * `simulatedExceedance`), the median return of each leg, and the paths and method in a short clause.
 */
export function simulateHeadline(doc: SimulateReportDoc): SimulateHeadline {
  const names = simulateLegNames(doc);
  const months = doc.horizon.months;
  const scenario = doc.scenario.title ?? doc.scenario.name;
  const question = `What could the next ${months} month${months === 1 ? '' : 's'} bring in the ${scenario} scenario?`;
  const beats = `The ${esc(names.small)} beats the ${esc(names.large)} in <b>${esc(probabilityWords(doc.probabilities.smallBeatsLarge))}</b> of ${doc.paths.toLocaleString('en-US')} simulated paths (${esc(methodWords(doc))} of ${esc(sourceWords(doc))}).`;
  const targets = doc.probabilities.targets.map((t) => `P(${esc(thresholdWords(names, t.leg, t.level))}) = <b>${esc(probabilityWords(t.probability))}</b>`);
  if (targets.length === 0) {
    // No --target: the small leg at +20 % from the histogram (marked "≈" when interpolated).
    const v = simulatedExceedance(doc, 'small', DEFAULT_LEVEL);
    if (v !== null) targets.push(`P(${esc(thresholdWords(names, 'small', DEFAULT_LEVEL))}) ${v.kind === 'exact' ? '=' : v.kind === 'interpolated' ? '≈' : v.kind === 'at least' ? '≥' : '≤'} <b>${esc(probabilityWords(v.probability))}</b>`);
  }
  const medians = `Median return: ${esc(names.small)} <b>${esc(returnWords(doc.legs.small.percentiles.p50))}</b>, ${esc(names.large)} <b>${esc(returnWords(doc.legs.large.percentiles.p50))}</b>.`;
  return { question, answerHtml: [beats, targets.length > 0 ? `${targets.join('; ')}.` : '', medians].filter((s) => s !== '').join(' ') };
}
