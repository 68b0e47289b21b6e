import type { SpaResultJson } from '@ratecut/contracts';
import { textGrid } from '../../cli/text-grid';

/** Up to this many strategies are listed; beyond, the {@link SHOWN_BEST} best. */
const SHOW_ALL = 20, SHOWN_BEST = 10;

const p = (x: number): string => (x < 0.001 ? '<0.001' : x.toFixed(3));

/** The deflated Sharpe ratio in one line: the best information ratio, what luck would give, the probability. */
function deflatedLine(d: NonNullable<SpaResultJson['deflatedSharpe']>): string {
  const n = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(2));
  return `Deflated Sharpe (2014):        P ${d.probability === null ? 'n/a' : d.probability.toFixed(3)} that ${d.best}'s excess Sharpe ${n(d.bestSharpe)} beats the ${n(d.expectedMaxSharpe)} expected from the best of ${d.trials} with no skill`;
}

/** The SPA document as a person reads it: the strategies' excess and statistics, then the tests' p-values and a verdict. */
export function formatSpa(doc: SpaResultJson): string {
  const tested = doc.strategies.filter((s) => s.tested).length;
  // Many strategies (a sweep): the ten with the largest statistic.
  const shown = doc.strategies.length <= SHOW_ALL ? doc.strategies
    : [...doc.strategies].filter((s) => s.tested).sort((a, b) => (b.tStatistic ?? 0) - (a.tStatistic ?? 0)).slice(0, SHOWN_BEST);
  const rows = [['strategy', 'excess %/yr', 't'], ...shown.map((s) => [
    s.label, `${s.annualExcess >= 0 ? '+' : ''}${(s.annualExcess * 100).toFixed(2)}`, s.tStatistic === null ? 'n/a *' : s.tStatistic.toFixed(2),
  ])];
  const verdict = doc.best === null
    ? 'No strategy differs from the benchmark: nothing to test.'
    : doc.spa.pConsistent < 0.05
      ? `The best (${doc.best}) beats ${doc.benchmark} beyond the luck of trying ${tested} strategies (SPA p ${p(doc.spa.pConsistent)} < 0.05).`
      : `The best (${doc.best}) does not beat ${doc.benchmark} beyond the luck of trying ${tested} strategies (SPA p ${p(doc.spa.pConsistent)}).`;
  return [
    ...(doc.notice === undefined ? [] : [doc.notice]),
    `Data snooping over the ${doc.source.startsWith('sweep of ') ? doc.source : `strategies of ${doc.source}`} against ${doc.benchmark}: daily excess returns, ${doc.firstDate}..${doc.lastDate} (${doc.observations} days)`,
    `Stationary bootstrap: ${doc.settings.resamples} resamples, mean block ${doc.settings.meanBlock} days (${doc.settings.meanBlockSource}), seed ${doc.settings.seed}`,
    '',
    ...(shown.length < doc.strategies.length ? [`  the ${shown.length} of ${doc.strategies.length} with the largest t (every one is in the --json document):`] : []),
    ...textGrid(rows, (c) => c > 0).map((l) => `  ${l}`),
    ...(tested < doc.strategies.length ? ['  * holds what the benchmark holds: not a trial'] : []),
    '',
    `White's Reality Check (2000):  p ${p(doc.realityCheck.pValue)}`,
    `Hansen's SPA (2005):           p ${p(doc.spa.pConsistent)} (consistent; lower ${p(doc.spa.pLower)}, upper ${p(doc.spa.pUpper)})`,
    ...(doc.deflatedSharpe === null ? [] : [deflatedLine(doc.deflatedSharpe)]),
    verdict,
  ].join('\n') + '\n';
}
