import { stringify } from 'csv-stringify/sync';
import type { CyclesResultJson } from '@ratecut/contracts';

/**
 * Long CSV: one row per pair, cycle and horizon (`row_type` = cycle), then the summary rows
 * (`row_type` = summary, `cycle_id` = the group, over the cycles counted under the report's
 * counting). Cycle rows carry the overlapped previous cycle, the episode, whether the cycle is
 * counted, and why a return is missing. Returns are decimals. A synthetic sample's
 * notice comes first as a `#` comment line.
 */
export function formatCyclesCsv(report: CyclesResultJson): string {
  const recession = new Map(report.cycles.map((c) => [c.id, c]));
  const records: (string | number | boolean | null)[][] = [];
  for (const pair of report.pairs) {
    for (const row of pair.cycles) {
      const cycle = recession.get(row.cycleId);
      for (const h of row.horizons) {
        records.push([
          'cycle', pair.id, row.cycleId, cycle?.firstCut ?? '', cycle?.recession ?? '', row.anchorDate, h.label,
          pair.horizons.find((x) => x.label === h.label)?.steps ?? '', h.endDate, h.small, h.large,
          h.small === null || h.large === null ? null : h.small - h.large, '', '',
          cycle?.overlapsPrevious ?? '', cycle?.episode ?? '', cycle?.counted ?? '', h.missing ?? '',
        ]);
      }
    }
    for (const s of pair.summary) {
      records.push([
        'summary', pair.id, s.group, '', '', '', s.horizon, pair.horizons.find((x) => x.label === s.horizon)?.steps ?? '', '',
        s.meanSmall, s.meanLarge, s.meanDifference, s.medianDifference, s.shareSmallBeat, '', '', '', '',
      ]);
    }
  }
  const csv = stringify(records, {
    header: true,
    columns: [
      'row_type', 'pair', 'cycle_id', 'first_cut', 'recession', 'anchor_date', 'horizon', 'steps', 'end_date',
      'small_return', 'large_return', 'small_minus_large', 'median_small_minus_large', 'share_small_beat',
      'overlaps_previous', 'episode', 'counted', 'missing',
    ],
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
  return (report.notice ? `# ${report.notice}\n` : '') + csv;
}
