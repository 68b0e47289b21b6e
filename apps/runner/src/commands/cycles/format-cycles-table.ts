import type { CyclesResultJson, PairCyclesJson } from '@ratecut/contracts';
import { textGrid } from '../../cli/text-grid';

const pct = (x: number | null, digits = 1): string => (x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(digits)}`);
const BASIS: Record<string, string> = { 'effective-proxy': 'DFF proxy', 'target-point': 'target', 'target-range': 'range' };

const grid = textGrid;

function cyclesTable(report: CyclesResultJson): string[] {
  const rows = [['cycle', 'first cut', 'last cut', 'cuts', 'easing bp', 'from %', 'to %', 'resumes', 'overlaps', 'joins episode', 'recession', 'basis']];
  for (const c of report.cycles) {
    rows.push([
      c.id, c.firstCut, c.lastCut + (c.open ? '*' : ''), String(c.cuts), String(c.totalEasingBp),
      c.rateBeforePct.toFixed(2), c.rateAfterPct.toFixed(2), c.resumption ? 'yes' : '',
      c.overlapsPrevious ?? '', c.episode === c.id ? '' : c.episode,
      c.recession ? (c.recessionReason === 'in-recession' ? 'in recession' : `peak ${c.nberPeak}`) : 'no',
      BASIS[c.basis] ?? c.basis,
    ]);
  }
  return grid(rows, (col) => col >= 3 && col <= 6);
}

function pairTable(pair: PairCyclesJson, report: CyclesResultJson): string[] {
  const header = ['cycle', 'base'];
  for (const h of pair.horizons) header.push(`${h.label} small`, 'large', 'S-L');
  const rows = [header];
  const recessionOf = new Map(report.cycles.map((c) => [c.id, c.recession]));
  const countedOf = new Map(report.cycles.map((c) => [c.id, c.counted]));
  for (const row of pair.cycles) {
    if (row.anchorDate === null) continue;
    const joined = report.counting === 'episodes' && !countedOf.get(row.cycleId);
    const cells = [row.cycleId + (recessionOf.get(row.cycleId) ? ' R' : '') + (joined ? ' ^' : ''), row.anchorDate];
    for (const h of row.horizons) {
      const diff = h.small === null || h.large === null ? null : h.small - h.large;
      const gap = h.missing !== null && h.missing.startsWith('crosses a gap');
      cells.push(gap ? 'gap' : pct(h.small), gap ? 'gap' : pct(h.large), gap ? 'gap' : pct(diff));
    }
    rows.push(cells);
  }
  const groups: Record<string, string> = { all: 'all', recession: 'recession', 'non-recession': 'non-rec.' };
  for (const group of ['all', 'recession', 'non-recession']) {
    const stats = pair.horizons.map((h) => pair.summary.find((s) => s.horizon === h.label && s.group === group));
    const mean = [`mean ${groups[group]}`, ''];
    const med = [`median ${groups[group]}`, ''];
    const won = [`small won ${groups[group]}`, ''];
    for (const s of stats) {
      mean.push(pct(s?.meanSmall ?? null), pct(s?.meanLarge ?? null), pct(s?.meanDifference ?? null));
      med.push('', '', pct(s?.medianDifference ?? null));
      won.push('', '', s && s.count > 0 ? `${Math.round((s.shareSmallBeat ?? 0) * s.count)}/${s.count}` : 'n/a');
    }
    rows.push(mean, med, won);
  }
  const lines = grid(rows, (col) => col >= 2);
  const skipped = pair.cycles.filter((r) => r.anchorDate === null).map((r) => r.cycleId);
  const firstCovered = pair.cycles.findIndex((r) => r.anchorDate !== null);
  const allBefore = firstCovered >= 0 && skipped.length === firstCovered;
  return [
    `${pair.title}: ${pair.firstDate} to ${pair.lastDate}`,
    `  ${pair.returnBasis}`,
    `  returns in % from the base close; S-L = small minus large in percentage points; R = recession cycle; n/a = horizon past the data; gap = horizon crosses a gap in the data`,
    `  summaries ${report.counting === 'episodes' ? 'by episode: one per episode, from its first cycle (^ = joins an earlier cycle\'s episode: listed, not counted)' : 'by first cut: every cycle counts, overlapping windows included'}`,
    ...lines.map((l) => `  ${l}`),
    ...(skipped.length === 0
      ? []
      : allBefore
        ? [`  not covered by this pair (before its data): ${skipped.length} cycles, ${skipped[0]} to ${skipped[skipped.length - 1]}`]
        : [`  not covered by this pair: ${skipped.join(', ')}`]),
  ];
}

/** The human-readable form: cycle table, then one block per pair with summary rows. */
export function formatCyclesTable(report: CyclesResultJson): string {
  const lines: string[] = [];
  if (report.notice) lines.push(report.notice);
  lines.push(`ratecut ${report.ratecutVersion}: Fed easing cycles and small vs large caps after the first cut`);
  lines.push(`Data:        ${report.data.catalog} (${report.data.origin})`);
  lines.push(`Policy rate: ${report.conventions.policyRate}`);
  lines.push(`Cycle rule:  ${report.conventions.cycleRule}`);
  lines.push(`Recession:   ${report.conventions.recessionRule}`);
  lines.push(`Anchor:      ${report.conventions.anchor}`);
  lines.push(`Counting:    ${report.conventions.counting}`);
  lines.push('');
  const shown = report.filter.since === null ? `${report.cycles.length}` : `${report.cycles.length} of ${report.filter.detected} detected: first cut on or after ${report.filter.since}`;
  const episodes = report.cycles.filter((c) => c.episode === c.id).length;
  lines.push(`Easing cycles (${shown}; ${episodes} episodes; * = end not seen (data end or a gap); rates are the upper bound, % per year; overlaps = previous cycle whose 24-month window this one's overlaps)`);
  lines.push(...cyclesTable(report).map((l) => `  ${l}`));
  for (const pair of report.pairs) {
    lines.push('');
    lines.push(...pairTable(pair, report));
  }
  for (const s of report.skippedPairs) lines.push('', `Skipped pair ${s.id}: ${s.reason}`);
  return lines.join('\n') + '\n';
}
