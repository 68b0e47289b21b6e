import type { EventStudyResultJson, PairEventStudyJson } from '@ratecut/contracts';
import { textGrid } from '../../cli/text-grid';

/** The anchor in a few words (the document's conventions say it in full). */
const BASE_WORDS: Readonly<Record<EventStudyResultJson['settings']['anchor'], string>> = {
  effective: "the close before the first cut's effective date",
  announcement: 'the close before the FOMC announced the first cut (cycles before 1994 have no announcement date and are left out)',
  'cut-day': 'the close of the day the FOMC announced the first cut (cycles before 1994 are left out)',
};

/** Percentage points with a sign, one decimal: 0.0123 → `+1.2`. */
const pp = (x: number | null): string => (x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`);
const p = (x: number): string => (x < 0.001 ? '<0.001' : x.toFixed(3));

function pairTable(pair: PairEventStudyJson): string[] {
  const rows: string[][] = [['horizon', 'group', 'n', 'mean', 'interval', 'median', 'interval', 'placebo p', 'pctile', 'any date: mean', 'p10..p90', 'small beat']];
  for (const h of pair.horizons) {
    h.groups.forEach((g, i) => {
      const first = i === 0;
      rows.push([
        first ? h.label : '', g.group, String(g.count),
        pp(g.mean), g.count === 0 ? '' : `[${pp(g.meanLower)}, ${pp(g.meanUpper)}]`,
        pp(g.median), g.count === 0 ? '' : `[${pp(g.medianLower)}, ${pp(g.medianUpper)}]`,
        g.placebo === null ? 'n/a' : p(g.placebo.pTwoSided), g.placebo === null ? '' : `${Math.round(g.placebo.percentile * 100)}%`,
        first ? pp(h.baseline.mean) : '', first ? `${pp(h.baseline.p10)}..${pp(h.baseline.p90)}` : '',
        first && h.baseline.shareSmallBeat !== null ? `${Math.round(h.baseline.shareSmallBeat * 100)}%` : '',
      ]);
    });
  }
  return textGrid(rows, (c) => c === 2 || c === 3 || c === 5 || c === 7 || c === 8 || c === 9);
}

/** The event-study document as tables a person reads at a glance, one per pair, with the settings above them. */
export function formatEventStudy(doc: EventStudyResultJson): string {
  const s = doc.settings;
  const lines = [
    ...(doc.notice === undefined ? [] : [doc.notice]),
    `Event study of first cuts: small minus large return after the first cut (spread, percentage points), ${s.counting === 'episodes' ? 'one per episode' : 'every first cut'}`,
    `Intervals: ${+(s.confidence * 100).toFixed(1)}% from ${s.resamples} resamples of the cycles. Placebo: ${s.placebos} draws of as many random dates more than ${s.excludeMonths} months from every first cut; p two-sided, pctile = share of placebo means below the event mean. Seed ${s.seed}.`,
    `Base (--anchor ${s.anchor}): ${BASE_WORDS[s.anchor]}. Any date: the spread from every date (the baseline).`,
  ];
  for (const pair of doc.pairs) {
    lines.push('', `${pair.id}: ${pair.title}, ${pair.firstDate}..${pair.lastDate}; ${pair.returnBasis}`, ...pairTable(pair).map((l) => `  ${l}`));
  }
  for (const sp of doc.skippedPairs) lines.push('', `${sp.id}: skipped (${sp.reason})`);
  return lines.join('\n') + '\n';
}
