import { backtestDocument, TEST_CYCLES, TEST_TRIGGER_RETURNS } from '../../testing/report-documents';
import { cycleExcess } from './cycle-excess';
import { cycleExcessHeatmapSpec, excessColourLimit } from './cycle-excess-heatmap';
import { cycleExcessTable } from './cycle-excess-table';
import { signedPct } from './section-parts';

type Cell = { c: string; s: string; x: number | null; k: string };

describe('cycleExcess, its heatmap and its table', () => {
  const doc = backtestDocument();
  const excess = cycleExcess(doc);

  it('has cycles as rows and the compared strategies as columns, with the window runs\' excess', () => {
    expect(excess.strategies).toEqual(['buy-hold-small', 'cut-trigger']);
    expect(excess.rows.map((r) => [r.label, r.counted, r.joins])).toEqual([
      ['2001-01, recession', true, null], ['2001-05, recession', false, '2001-01'], ['2001-09, cut short', true, null],
    ]);
    const bench = doc.benchmark.cycles.map((c) => c.totalReturn ?? NaN);
    excess.rows.forEach((r, i) => expect(r.excess[1]).toBeCloseTo(TEST_TRIGGER_RETURNS[i] - bench[i], 12));
    expect(excess.countedCycles).toBe(2);
    // The aggregates are the counted cycles' (2001-01 and 2001-09), as the result states them.
    const counted = [0, 2].map((i) => TEST_TRIGGER_RETURNS[i] - bench[i]);
    expect(excess.mean[1]).toBeCloseTo((counted[0] + counted[1]) / 2, 12);
    expect(excess.hitRate[1]).toBeCloseTo(counted.filter((x) => x > 0).length / 2, 12);
  });

  it('draws in the heatmap the numbers of the table, cell for cell', () => {
    const spec = cycleExcessHeatmapSpec(excess);
    const cells = (spec?.['data'] as { values: Cell[] }).values;
    const html = cycleExcessTable(excess);
    const bodyRows = html.split('<tbody>')[1].split('</tbody>')[0].split('</tr>').filter((r) => r.length > 0);
    expect(bodyRows).toHaveLength(TEST_CYCLES.length);
    excess.rows.forEach((r, i) => {
      const tableCells = [...bodyRows[i].matchAll(/<td class="(?:pos|neg|zero|na)">([^<]*)<\/td>/g)].map((m) => m[1]);
      const chartCells = cells.filter((c) => c.c.startsWith(r.cycle.cycleId)).map((c) => signedPct(c.x));
      expect(chartCells).toEqual(tableCells);
      expect(tableCells).toEqual(r.excess.map((x) => signedPct(x)));
    });
    expect(cells.find((c) => c.c.startsWith('2001-05'))?.k).toBe('no (joins 2001-01)');
  });

  it('puts the mean, median and hit rate over the counted cycles as the last rows', () => {
    const html = cycleExcessTable(excess);
    const foot = html.split('<tfoot>')[1];
    expect(foot).toContain('mean over 2 counted');
    expect(foot.indexOf('mean')).toBeLessThan(foot.indexOf('median'));
    expect(foot.indexOf('median')).toBeLessThan(foot.indexOf('hit rate'));
    expect(foot).toContain(signedPct(excess.mean[1]));
  });

  it('centres the colour scale on 0, symmetric, at the 90th percentile of the absolute excess', () => {
    const spec = cycleExcessHeatmapSpec(excess);
    const colour = ((spec?.['layer'] as { encoding: { color: { scale?: { domain: number[]; clamp: boolean } } } }[])[1]).encoding.color.scale;
    const limit = excessColourLimit(excess);
    expect(colour?.domain).toEqual([-limit, 0, limit]);
    expect(colour?.clamp).toBe(true);
    // 20 cells of 1..20 pp and one outlier of 300 pp: 90 % of the 21 cells lie within 19 pp.
    const wide = { ...excess, rows: [...Array.from({ length: 20 }, (_, i) => ({ ...excess.rows[0], excess: [(i + 1) / 100] })), { ...excess.rows[0], excess: [-3] }] };
    expect(excessColourLimit(wide)).toBeCloseTo(0.19, 12);
    expect(excessColourLimit({ ...excess, rows: [{ ...excess.rows[0], excess: [0.0004, null] }] })).toBe(0.01);
  });

  it('is null without a compared strategy or a cycle', () => {
    expect(cycleExcessHeatmapSpec({ ...excess, rows: [] })).toBeNull();
    expect(cycleExcessHeatmapSpec({ ...excess, strategies: [] })).toBeNull();
  });
});
