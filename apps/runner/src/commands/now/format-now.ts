import type { NowResultJson } from '@ratecut/contracts';
import { parseIsoDay } from '@ratecut/sim-core';
import { textGrid } from '../../cli/text-grid';

const pct = (x: number | null): string => (x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
const pp = (x: number | null): string => (x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`);
const share = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
/** `n thing` or `n things`. */
const count = (n: number, thing: string): string => `${n} ${thing}${n === 1 ? '' : 's'}`;

/**
 * The `now` document as a person reads it: where the current cycle stands and how old the data
 * are (against `today`, YYYY-MM-DD, which only this text uses), every past cycle at the same
 * step, the forecast with the targets' probabilities, and the forecast's own backtest.
 */
export function formatNow(doc: NowResultJson, today: string): string {
  const c = doc.current, s = doc.settings;
  const unit = doc.data.pair === 'ff-size' ? 'months' : 'trading days';
  const age = parseIsoDay(today) - parseIsoDay(doc.data.last);
  const latest = c.stepDate === doc.data.last;
  const label = (x: { recession: boolean; resumption: boolean }): string => [x.recession ? 'recession' : 'non-recession', ...(x.resumption ? ['resumption'] : [])].join(', ');
  const analogs = new Set(doc.forecast.analogs);
  const rows = [
    ['cycle', 'first cut', 'kind', 'cuts', 'eased bp', 'small', 'large', 'spread', 'distance', ''],
    ...doc.past.map((p) => [
      p.id, p.firstCut, label(p), String(p.cutsSoFar), p.easedBp.toFixed(0), pct(p.atStep.small), pct(p.atStep.large), pp(p.atStep.spread),
      p.distance === null ? 'n/a' : p.distance.toFixed(2), analogs.has(p.id) ? 'analog' : p.continuation ? '' : 'no continuation',
    ]),
    [`${c.id} now`, c.firstCut, label(c), String(c.cutsSoFar), c.easedBp.toFixed(0), pct(c.atStep.small), pct(c.atStep.large), pp(c.atStep.spread), '', ''],
  ];
  const f = doc.forecast;
  const folds = doc.backtest.folds.length;
  const probRows = [
    [`probability over the next ${count(s.horizonMonths, 'month')}`, 'forecast', `backtest Brier (${count(folds, 'cycle')})`],
    ['P(small beats large)', share(f.smallBeatsLarge), doc.backtest.brier.smallBeatsLarge === null ? 'n/a' : doc.backtest.brier.smallBeatsLarge.toFixed(3)],
    ...f.targets.map((t, i) => [`P(${t.leg} ${t.leg === 'spread' ? 'at least ' + pp(t.level) + ' pp' : 'at least ' + pct(t.level)})`, share(t.probability), doc.backtest.brier.targets[i] === null ? 'n/a' : (doc.backtest.brier.targets[i] as number).toFixed(3)]),
  ];
  const q = f.percentiles;
  const pctRows = [
    ['horizon return', 'p5', 'p25', 'median', 'p75', 'p95'],
    ['small', ...q.small.map(pct)], ['large', ...q.large.map(pct)], ['small - large', ...q.spread.map((x) => pp(x))],
  ];
  const cov = doc.backtest.coverage;
  return [
    ...(doc.notice === undefined ? [] : [doc.notice]),
    `Now: the ${c.id} easing cycle (${label(c)}), first cut ${c.firstCut}, base close ${c.baseDate}; ${doc.data.pair} (${doc.data.returnBasis})`,
    latest
      ? `Step ${c.step}: ${c.step} ${unit} after the base close, at the data's last close ${c.stepDate}${age > 0 ? `, ${age} days before ${today}: ratecut fetch brings the data up to date` : ''}.`
      : `Step ${c.step}: ${c.step} ${unit} after the base close, the close of ${c.stepDate} (--step; the data go on to ${doc.data.last}).`,
    `So far: small ${pct(c.atStep.small)}, large ${pct(c.atStep.large)}, spread ${pp(c.atStep.spread)} pp after ${count(c.cutsSoFar, 'cut')} (${c.easedBp.toFixed(0)} bp); the spread is higher than in ${doc.rank.below} of the ${count(doc.rank.of, 'past cycle')} at this step${doc.rank.equal > 0 ? ` (equal in ${doc.rank.equal})` : ''}.`,
    '',
    `Every past cycle at step ${c.step} (returns from its base close; distance: path gap and features, lower is nearer):`,
    ...textGrid(rows, (i) => i >= 3 && i <= 8).map((l) => `  ${l}`),
    '',
    `Forecast of the next ${s.horizonSteps} ${unit} (${count(s.horizonMonths, 'month')}) from what followed step ${c.step} in the nearest ${count(f.analogs.length, 'analog')} (${f.analogs.join(', ')}):`,
    `stationary bootstrap, mean block ${f.meanBlock}, ${s.paths} paths, seed ${s.seed}.`,
    ...textGrid(probRows, (i) => i > 0).map((l) => `  ${l}`),
    '',
    ...textGrid(pctRows, (i) => i > 0).map((l) => `  ${l}`),
    '',
    folds === 0 ? 'Backtest: no past cycle has another with data after this step to forecast it from.' : `Backtest: each of ${count(folds, 'past cycle')} forecast at step ${c.step} from its own nearest ${count(s.analogs, 'analog')} among the others, against what followed:`,
    ...(folds === 0 ? [] : [`  inside the 50% interval: small ${share(cov.small.coverage50)}, large ${share(cov.large.coverage50)}, spread ${share(cov.spread.coverage50)}; inside the 90% interval: small ${share(cov.small.coverage90)}, large ${share(cov.large.coverage90)}, spread ${share(cov.spread.coverage90)}`,
      '  Brier score: the mean squared gap between a probability and what happened (0 is perfect; always saying 50% scores 0.25).']),
    ...doc.warnings.map((w) => `warning: ${w}`),
  ].join('\n') + '\n';
}
