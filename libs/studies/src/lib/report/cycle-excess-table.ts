import type { CycleExcess } from './cycle-excess';
import { heatmapRowLabel } from './cycle-excess-heatmap';
import { esc, plainPct, signedPct } from './section-parts';

/** CSS class of an excess cell: gain, loss, about zero (within ±0.05 pp) or not compared. */
function cellClass(x: number | null): string {
  return x === null || !Number.isFinite(x) ? 'na' : x > 0.0005 ? 'pos' : x < -0.0005 ? 'neg' : 'zero';
}

/**
 * The per-cycle excess table in the heatmap's shape: one row per cycle window (window dates
 * beside it), one column per compared strategy, then the mean, median and hit rate over the
 * counted cycles as the last rows. A cycle that is not counted (it joins an earlier cycle's
 * episode) is greyed and says so.
 */
export function cycleExcessTable(excess: CycleExcess): string {
  if (excess.rows.length === 0 || excess.strategies.length === 0) return '<p class="note">No easing cycle covered by this run.</p>';
  const head = `<tr><th>cycle</th><th>window</th>${excess.strategies.map((s) => `<th>${esc(s)}</th>`).join('')}</tr>`;
  const body = excess.rows.map((r) => {
    const style = r.counted ? '' : ' style="color:#888"';
    const cells = r.excess.map((x) => `<td class="${cellClass(x)}">${signedPct(x)}</td>`).join('');
    return `<tr${style}><th>${esc(heatmapRowLabel(r))}</th><td>${esc(r.cycle.start)} to ${esc(r.cycle.end)}</td>${cells}</tr>`;
  });
  const n = excess.countedCycles;
  const agg = (name: string, xs: readonly (number | null)[], fmt: (x: number | null) => string): string =>
    `<tr><th>${esc(name)}</th><td></td>${xs.map((x) => `<td class="agg">${fmt(x)}</td>`).join('')}</tr>`;
  const foot = [
    agg(`mean over ${n} counted`, excess.mean, (x) => signedPct(x)),
    agg(`median over ${n} counted`, excess.median, (x) => signedPct(x)),
    agg('hit rate (beat the benchmark)', excess.hitRate, plainPct),
  ].join('');
  return `<div class="scroll"><table class="cycles"><thead>${head}</thead><tbody>${body.join('')}</tbody><tfoot>${foot}</tfoot></table></div>`;
}
