import type { DeflatedSharpeJson } from '@ratecut/contracts';
import { beats, deflatedSharpeRatio, informationRatio, sampleMoments } from '@ratecut/sim-core';
import { equityReturns, finiteOrNull as fin, type StrategyEntry } from './compare-entries';
import type { SweepInput } from './compare-input';

/** A deflated Sharpe ratio with the notes that qualify it (or say why it is missing). */
export interface DeflatedSharpeOutcome {
  readonly deflatedSharpe: readonly DeflatedSharpeJson[];
  readonly notes: readonly string[];
}

/**
 * The deflated Sharpe ratio (Bailey and Lopez de Prado, 2014) of the best of several trials,
 * from their annualised Sharpe ratios: per-period ratios (÷ √periods per year), their sample
 * variance across trials, and the skewness and kurtosis of the best trial's returns (normal,
 * 0 and 3, when `moments` is null). Sharpe figures in the output are annualised; non-finite
 * values are null.
 */
export function deflatedSharpe(source: string, statistic: DeflatedSharpeJson['statistic'], labels: readonly string[], sharpes: readonly number[], ppy: number, observations: number, moments: { skewness: number; kurtosis: number } | null): DeflatedSharpeJson {
  let best = 0;
  for (let i = 1; i < sharpes.length; i += 1) if (sharpes[i] > sharpes[best]) best = i;
  const perPeriod = sharpes.map((s) => s / Math.sqrt(ppy));
  const m = perPeriod.reduce((s, v) => s + v, 0) / perPeriod.length;
  const variance = perPeriod.reduce((s, v) => s + (v - m) ** 2, 0) / (perPeriod.length - 1);
  const skewness = moments?.skewness ?? 0, kurtosis = moments?.kurtosis ?? 3;
  const d = deflatedSharpeRatio({ sharpe: perPeriod[best], trialVariance: variance, trials: sharpes.length, observations, skewness, kurtosis });
  const nullHypothesis = statistic === 'excess over benchmark'
    ? `the best strategy has no skill over its benchmark: the true Sharpe ratio of its daily returns minus the benchmark's is no higher than the best of ${sharpes.length} trials with none would show by luck`
    : `the best parameter set has no skill over cash: its true Sharpe ratio (over cash, not over a benchmark) is no higher than the best of ${sharpes.length} trials with a zero Sharpe ratio would show by luck`;
  return {
    source, statistic, nullHypothesis, trials: sharpes.length, best: labels[best], bestSharpe: fin(sharpes[best]), trialSharpeSd: fin(Math.sqrt(variance * ppy)),
    expectedMaxSharpe: fin(d.expectedMaxSharpe * Math.sqrt(ppy)), observations, skewness: fin(skewness), kurtosis: fin(kurtosis),
    moments: moments === null ? 'taken as normal (skewness 0, kurtosis 3): the sweep CSV holds no returns series' : "from the best strategy's daily returns minus its benchmark's (full-history equity curves)",
    probability: fin(d.probability),
  };
}

/**
 * The deflated Sharpe ratio over more than two backtest strategies. Each trial is a strategy's
 * daily returns minus its own file's benchmark's (its information ratio); a strategy that holds
 * exactly what the benchmark holds has no excess and is no trial. Higher moments come from the
 * best trial's excess returns. With fewer than two trials there is none, and a note says so.
 */
export function strategiesDeflatedSharpe(entries: readonly StrategyEntry[], fileNames: readonly string[]): DeflatedSharpeOutcome {
  const notes: string[] = [];
  const out: DeflatedSharpeJson[] = [];
  const excess = entries.map((e) => {
    const r = equityReturns(e.result.doc, e.strategy.label), b = equityReturns(e.result.doc, e.result.doc.benchmark.label);
    const same = r.length === b.length && r.every((x, i) => !beats(x, b[i]) && !beats(b[i], x));
    const diff = r.length === b.length ? r.map((x, i) => x - b[i]) : new Float64Array(0);
    const ir = same || r.length !== b.length ? NaN : informationRatio(r, b, e.result.doc.data.periodsPerYear);
    return { e, diff, ir };
  }).filter((x) => Number.isFinite(x.ir));
  if (excess.length < 2) {
    notes.push('Deflated Sharpe ratio: fewer than 2 strategies differ from their benchmark; not computed.');
  } else {
    let best = excess[0];
    for (const x of excess) if (x.ir > best.ir) best = x;
    const moments = sampleMoments(best.diff);
    out.push(deflatedSharpe(
      `${excess.length} strategies of ${fileNames.join(', ')}`, 'excess over benchmark',
      excess.map((x) => x.e.label), excess.map((x) => x.ir),
      best.e.result.doc.data.periodsPerYear, best.diff.length, { skewness: moments.skewness, kurtosis: moments.kurtosis },
    ));
  }
  notes.push('Paired bootstrap: needs exactly two strategies; with more, the deflated Sharpe ratio is given instead.');
  return { deflatedSharpe: out, notes };
}

/**
 * The deflated Sharpe ratio over the trials of a sweep table, from its Sharpe ratios over cash
 * (the table holds no returns series, so the higher moments are taken as normal). T is the
 * table's rows minus one (n/a, with a note, when its comments do not give the rows); fewer than
 * two trials give a note instead.
 */
export function sweepDeflatedSharpe(sweep: SweepInput): DeflatedSharpeOutcome {
  if (sweep.trials.length < 2) return { deflatedSharpe: [], notes: [`${sweep.name}: fewer than 2 trials with a Sharpe ratio; no deflated Sharpe ratio`] };
  const observations = sweep.rows === null ? NaN : sweep.rows - 1;
  const notes = sweep.rows === null ? [`${sweep.name}: the sample length is not in the CSV's comment lines; the deflated Sharpe ratio is n/a`] : [];
  const d = deflatedSharpe(sweep.name, 'over cash', sweep.trials.map((t) => `${sweep.name}:${t.params}`), sweep.trials.map((t) => t.sharpe), sweep.periodsPerYear, observations, null);
  return { deflatedSharpe: [d], notes };
}

/** The note that states how the deflated Sharpe ratios of a comparison were computed (given when there is at least one). */
export const DEFLATED_SHARPE_NOTE = "Deflated Sharpe ratio (Bailey and Lopez de Prado, 2014): for backtests, each trial's Sharpe ratio is that of its daily returns minus its file's benchmark's (an information ratio, from the full-history equity curves); for a sweep CSV, the Sharpe ratios over cash as written; every trial counted as independent (N is an upper bound for correlated parameter sets, so the test is conservative).";
