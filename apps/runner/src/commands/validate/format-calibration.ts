import { CALIBRATION_LEGS, type CalibrationResultJson } from '@ratecut/contracts';
import { textGrid } from '../../cli/text-grid';

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const share = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
const p = (x: number | null): string => (x === null ? 'n/a' : x < 0.001 ? '<0.001' : x.toFixed(3));

/** The calibration document as a person reads it: per scenario, each held-out cycle's outcomes and PIT, then the coverage per outcome. */
export function formatCalibration(doc: CalibrationResultJson): string {
  const lines: string[] = [
    ...(doc.notice === undefined ? [] : [doc.notice]),
    `Calibration of the scenario simulator: each analog cycle held out in turn, its scenario simulated from the other analogs (${doc.settings.paths} paths each)`,
    'PIT: the share of simulated outcomes below the realized one; a calibrated simulator puts 50% of cycles inside its 50% interval and 90% inside its 90% interval.',
    'Cross-validation by cycles, not real time: the other analogs may come after the held-out cycle.',
  ];
  for (const s of doc.scenarios) {
    lines.push('', `${s.name} (${s.title}): ${s.horizon.steps} ${s.horizon.unit}, ${s.method}, ${s.pair} (${s.returnBasis}); analogs ${s.analogs.join(', ') || 'none'}`);
    if (s.folds.length > 0) {
      const rows = [
        ['held out', 'drawn from', 'small', 'PIT', 'small p5..p95', 'large', 'PIT', 'spread', 'PIT'],
        ...s.folds.map((f) => [
          f.cycle, String(f.drawnFrom.length), pct(f.realized.small), f.pit.small.toFixed(2), `${pct(f.quantiles.small[0])}..${pct(f.quantiles.small[4])}`,
          pct(f.realized.large), f.pit.large.toFixed(2), pct(f.realized.spread), f.pit.spread.toFixed(2),
        ]),
      ];
      lines.push(...textGrid(rows, (c) => c !== 0).map((l) => `  ${l}`));
      const bins = doc.settings.bins;
      const summary = [
        ['outcome', 'n', 'in 50%', 'in 90%', 'p (90%)', `PIT in ${bins} bins`],
        ...CALIBRATION_LEGS.map((leg) => {
          const c = s.calibration[leg];
          return [leg, String(c.n), share(c.coverage50), share(c.coverage90), p(c.pCoverage90), c.histogram.join(' ')];
        }),
      ];
      lines.push('', ...textGrid(summary, (c) => c > 0 && c < 5).map((l) => `  ${l}`));
    }
    for (const k of s.skipped) lines.push(`  not held out: ${k.cycle} (${k.reason})`);
  }
  lines.push('', 'p (90%): the exact binomial test of the 90% coverage; with a few cycles per scenario only a gross miss shows.');
  return lines.join('\n') + '\n';
}
