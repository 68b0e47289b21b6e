import type { CyclesReport, PairReport } from './cycles-report';

const pct = (x: number | null, digits = 1): string => (x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(digits)}`);
const BASIS: Record<string, string> = { 'effective-proxy': 'DFF proxy', 'target-point': 'target', 'target-range': 'range' };

function grid(rows: string[][], rightAlign: (col: number) => boolean): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (rightAlign(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

function cyclesTable(report: CyclesReport): string[] {
  const rows = [['cycle', 'first cut', 'last cut', 'cuts', 'easing bp', 'from %', 'to %', 'resumes', 'recession', 'basis']];
  for (const c of report.cycles) {
    rows.push([
      c.id, c.firstCut, c.lastCut + (c.open ? '*' : ''), String(c.cuts), String(c.totalEasingBp),
      c.rateBeforePct.toFixed(2), c.rateAfterPct.toFixed(2), c.resumption ? 'yes' : '',
      c.recession ? (c.recessionReason === 'in-recession' ? 'in recession' : `peak ${c.nberPeak}`) : 'no',
      BASIS[c.basis] ?? c.basis,
    ]);
  }
  return grid(rows, (col) => col >= 3 && col <= 6);
}

function pairTable(pair: PairReport, report: CyclesReport): string[] {
  const header = ['cycle', 'base'];
  for (const h of pair.horizons) header.push(`${h.label} small`, 'large', 'S-L');
  const rows = [header];
  const recessionOf = new Map(report.cycles.map((c) => [c.id, c.recession]));
  for (const row of pair.cycles) {
    if (row.anchorDate === null) continue;
    const cells = [row.cycleId + (recessionOf.get(row.cycleId) ? ' R' : ''), row.anchorDate];
    for (const h of row.horizons) {
      const diff = h.small === null || h.large === null ? null : h.small - h.large;
      cells.push(pct(h.small), pct(h.large), pct(diff));
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
    `  returns in % from the base close; S-L = small minus large in percentage points; R = recession cycle; n/a = horizon past the data`,
    ...lines.map((l) => `  ${l}`),
    ...(skipped.length === 0
      ? []
      : allBefore
        ? [`  not covered by this pair (before its data): ${skipped.length} cycles, ${skipped[0]} to ${skipped[skipped.length - 1]}`]
        : [`  not covered by this pair: ${skipped.join(', ')}`]),
  ];
}

/** The human-readable form: cycle table, then one block per pair with summary rows. */
export function formatCyclesTable(report: CyclesReport): string {
  const lines: string[] = [];
  if (report.notice) lines.push(report.notice);
  lines.push(`ratecut ${report.ratecutVersion}: Fed easing cycles and small vs large caps after the first cut`);
  lines.push(`Data:        ${report.data.catalog} (${report.data.origin})`);
  lines.push(`Policy rate: ${report.conventions.policyRate}`);
  lines.push(`Cycle rule:  ${report.conventions.cycleRule}`);
  lines.push(`Recession:   ${report.conventions.recessionRule}`);
  lines.push(`Anchor:      ${report.conventions.anchor}`);
  lines.push('');
  lines.push(`Easing cycles (${report.cycles.length}; * = still open at the end of the data; rates are the upper bound, % per year)`);
  lines.push(...cyclesTable(report).map((l) => `  ${l}`));
  for (const pair of report.pairs) {
    lines.push('');
    lines.push(...pairTable(pair, report));
  }
  for (const s of report.skippedPairs) lines.push('', `Skipped pair ${s.id}: ${s.reason}`);
  return lines.join('\n') + '\n';
}
