import type { OutOfSampleResultJson } from '@ratecut/contracts';
import { textGrid } from '../../cli/text-grid';

/** A decimal excess as signed percentage points, one decimal; "n/a" for null. */
const pp = (x: number | null): string => (x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`);

/** 1st, 2nd, 3rd, 4th, … */
const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

const methodName = (doc: OutOfSampleResultJson): string => (doc.method === 'leave-one-cycle-out' ? 'Leave-one-cycle-out' : `Walk-forward (each cycle from the ${ordinal((doc.minTrain ?? 0) + 1)} on, chosen on those before it)`);

const objectiveName = (doc: OutOfSampleResultJson): string => (doc.objective === 'mean-excess' ? 'the mean excess over the training cycles' : 'the Sharpe ratio over cash of the training cycles\' days pooled');

/** Wins among the folds, as "k of n". */
const wins = (doc: OutOfSampleResultJson): string => `${doc.folds.filter((f) => f.beat).length} of ${doc.folds.length}`;

/** Wins of the full-sample choice among the cycles, as "k of n". */
const fullWins = (doc: OutOfSampleResultJson): string => {
  const h = doc.summary.fullSample.hitRate;
  return h === null ? 'n/a' : `${Math.round(h * doc.cycles.length)} of ${doc.cycles.length}`;
};

/** One out-of-sample document as a person reads it: a row per tested cycle, then the out-of-sample and in-sample figures side by side. */
export function formatOutOfSample(doc: OutOfSampleResultJson): string {
  const s = doc.summary;
  const mean = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) || xs.length === 0 ? null : (xs as number[]).reduce((a, b) => a + b, 0) / xs.length);
  const rows = [
    ['cycle', 'trained on', 'chosen', 'in-sample', 'out-of-sample', 'full-sample choice'],
    ...doc.folds.map((f) => [f.test, String(f.trainCycles), f.chosen.params ?? 'none', pp(f.inSampleExcess), `${pp(f.outOfSampleExcess)} ${f.beat ? 'beat' : 'lost'}`, pp(f.fullSampleExcess)]),
    ['mean', '', '', pp(s.inSampleMean), `${pp(s.outOfSampleMean)}     `, pp(mean(doc.folds.map((f) => f.fullSampleExcess)))],
  ];
  const grid = doc.grid.map((g) => `${g.name} (${g.values.length})`).join(' × ');
  return [
    ...(doc.notice === undefined ? [] : [doc.notice]),
    `${methodName(doc)} validation of ${doc.strategy} over ${grid}: ${doc.candidates} combinations, ${doc.pair} against ${doc.benchmark}, ${doc.cycles.length} counted cycles`,
    `Chosen by ${objectiveName(doc)}. Excess: the total return over each cycle's window minus the benchmark's, percentage points (${doc.returnBasis}).`,
    '',
    ...textGrid(rows, (c) => c === 1 || c >= 3).map((l) => `  ${l}`),
    '',
    `Out of sample: mean excess ${pp(s.outOfSampleMean)} pp; the choice beat ${doc.benchmark} in ${wins(doc)} held-out cycles.`,
    `In sample: the choices averaged ${pp(s.inSampleMean)} pp on the cycles they were chosen on; chosen on all ${doc.cycles.length} cycles, ${s.fullSample.params ?? 'none'} shows ${pp(s.fullSample.meanExcess)} pp and beat it in ${fullWins(doc)}.`,
    `${s.sameAsFullSample} of ${s.folds} folds chose the full-sample choice.`,
  ].join('\n') + '\n';
}

/** Several out-of-sample documents (one per built-in) as one table: the full-sample, in-sample and out-of-sample figures side by side. */
export function formatOutOfSampleSummary(docs: readonly OutOfSampleResultJson[]): string {
  const first = docs[0];
  const rows = [
    ['strategy', 'combinations', 'chosen on all cycles', 'excess', 'beat', 'in-sample', 'out-of-sample', 'beat'],
    ...docs.map((d) => [
      d.strategy, String(d.candidates), d.summary.fullSample.params ?? 'none', pp(d.summary.fullSample.meanExcess), fullWins(d),
      pp(d.summary.inSampleMean), pp(d.summary.outOfSampleMean), wins(d),
    ]),
  ];
  return [
    ...(first.notice === undefined ? [] : [first.notice]),
    `${methodName(first)} validation of every built-in over its default grid: ${first.pair} against ${first.benchmark}, ${first.cycles.length} counted cycles`,
    `Chosen by ${objectiveName(first)}. Excess: mean total return over the cycles' windows minus the benchmark's, percentage points (${first.returnBasis}).`,
    '',
    ...textGrid(rows, (c) => c === 1 || c >= 3).map((l) => `  ${l}`),
    '',
    'in-sample: the folds\' choices on the cycles they were chosen on; out-of-sample: on the cycle each fold held out.',
    'Each built-in\'s folds, grid and choices are in the --json document (or --strategy <name> for its table).',
  ].join('\n') + '\n';
}
