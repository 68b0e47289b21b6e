import { COMPARE_SCHEMA, type CompareFileJson, type CompareResultJson, type DifferenceJson } from '@ratecut/contracts';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import type { Study } from '../study/study';
import { COMPARE_BLOCK, type CompareBlock, type CompareBlockOutput, type CompareContext } from './compare-block';
import { strategyEntries } from './compare-entries';
import type { CompareInput } from './compare-input';
import { differencesBetween } from './comparability';
import { DEFLATED_SHARPE_NOTE } from './deflated-sharpe-trials';
import { compareFiles } from './describe-input';

/** What a compare study is asked: the files read (in command-line order), the bootstrap's seed and resamples, and whether to compare incomparable files. */
export interface CompareRequest {
  readonly inputs: readonly CompareInput[];
  /** Seed of the bootstrap intervals: a whole number 0 to 2^32 − 1. */
  readonly seed: number;
  /** Bootstrap resamples: a whole number 1 to 1,000,000. */
  readonly resamples: number;
  /** Compare even when the files are not comparable (the differences are then part of the result). */
  readonly force: boolean;
  /** Version written in the result. */
  readonly ratecutVersion: string;
}

/** The plan of a compare study: the files, how they differ, and the bootstrap's options. */
export interface ComparePlan {
  readonly files: readonly CompareFileJson[];
  readonly differences: readonly DifferenceJson[];
  readonly seed: number;
  readonly resamples: number;
  readonly ratecutVersion: string;
}

/** A compare study: one block per section of the comparison, merged into a `ratecut.compare/1` document. */
export type CompareStudy = Study<ComparePlan, CompareContext, CompareBlock, CompareBlockOutput, CompareResultJson>;

/** First key of a comparison made from at least one file computed on the synthetic sample. */
export const COMPARE_SYNTHETIC_NOTICE = 'SYNTHETIC SAMPLE: computed on the bundled synthetic data';

const issue = (code: Issue['code'], file: string, message: string): Issue => ({ code, severity: 'error', file, message });

/**
 * Plans the comparison of result files already read and checked (see `readCompareInput`):
 * - `bad-option` issues for a seed or resample count out of range, or no file at all;
 * - `nothing-to-compare` for one file with one strategy;
 * - `mixed-kinds` for simulations together with backtests or sweep tables;
 * - one `not-comparable` issue per difference of a file from the first (see
 *   `differencesBetween`: data hashes, pair, period, rows, cycles, anchor, cycle rule, horizon),
 *   naming that file, unless `force`.
 * The sections are fixed by the inputs: headline metrics and per-cycle returns; the paired
 * bootstrap for exactly two strategies; the deflated Sharpe ratio over more than two strategies
 * and over each sweep table; the simulations side by side.
 */
export function planCompareStudy(request: CompareRequest): LoadResult<CompareStudy> {
  const { inputs, seed, resamples } = request;
  const options: Issue[] = [];
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) options.push(issue('bad-option', 'command line', `--seed ${seed}: expected a whole number 0 to 2^32-1`));
  if (!(Number.isInteger(resamples) && resamples >= 1 && resamples <= 1_000_000)) options.push(issue('bad-option', 'command line', `--resamples ${resamples}: expected a whole number 1 to 1,000,000`));
  if (inputs.length === 0) options.push(issue('bad-option', 'command line', 'name the result files to compare'));
  if (options.length > 0) return { ok: false, issues: options };
  const strategies = inputs.reduce((n, r) => n + (r.kind === 'backtest' ? r.doc.strategies.length : r.kind === 'sweep' ? 2 : 1), 0);
  if (inputs.length < 2 && strategies < 2) {
    return { ok: false, issues: [issue('nothing-to-compare', inputs[0].file, 'one file with one strategy; name a second file')] };
  }
  const sims = inputs.filter((r) => r.kind === 'simulate');
  if (sims.length > 0 && sims.length < inputs.length) {
    const others = inputs.filter((r) => r.kind !== 'simulate');
    return { ok: false, issues: [issue('mixed-kinds', 'command line', `cannot compare simulation results (${sims.map((r) => r.file).join(', ')}) with backtest results (${others.map((r) => r.file).join(', ')})`)] };
  }
  const found = inputs.slice(1).flatMap((r) => differencesBetween(inputs[0], r).map((difference) => ({ file: r.file, difference })));
  if (found.length > 0 && !request.force) {
    return { ok: false, issues: found.map(({ file, difference }) => issue('not-comparable', file, difference.message)) };
  }
  const differences = found.map((f) => f.difference);
  const entries = strategyEntries(inputs).length;
  const blocks: CompareBlock[] = [
    { section: 'headline' },
    ...(entries === 2 ? [{ section: 'paired' } as const] : []),
    ...(entries > 2 ? [{ section: 'strategies-deflated-sharpe' } as const] : []),
    ...inputs.flatMap((r, input) => (r.kind === 'sweep' ? [{ section: 'sweep-deflated-sharpe', input } as const] : [])),
    ...(sims.length > 0 ? [{ section: 'simulations' } as const] : []),
  ];
  const plan: ComparePlan = { files: compareFiles(inputs), differences, seed, resamples, ratecutVersion: request.ratecutVersion };
  const study: CompareStudy = {
    kind: 'compare',
    plan,
    context: { inputs, differences, options: { seed, resamples } },
    blocks,
    execute: COMPARE_BLOCK,
    unit: 'sections',
    merge: (outputs) => mergeComparison(plan, outputs),
  };
  return { ok: true, value: study, warnings: [] };
}

/**
 * The `ratecut.compare/1` document from the sections in block order. Notes: those of the
 * deflated Sharpe ratios (strategies, then each sweep), the note on how the deflated Sharpe
 * ratio is computed when there is one, then the simulations' note.
 */
function mergeComparison(plan: ComparePlan, outputs: readonly CompareBlockOutput[]): CompareResultJson {
  const headline = outputs.find((o) => o.section === 'headline');
  const simulations = outputs.find((o) => o.section === 'simulations');
  const deflatedSharpe = outputs.flatMap((o) => o.deflatedSharpe ?? []);
  const notes = [
    ...outputs.filter((o) => o.section !== 'simulations').flatMap((o) => o.notes),
    ...(deflatedSharpe.length > 0 ? [DEFLATED_SHARPE_NOTE] : []),
    ...(simulations?.notes ?? []),
  ];
  return {
    ...(plan.files.some((f) => f.synthetic) ? { notice: COMPARE_SYNTHETIC_NOTICE } : {}),
    schema: COMPARE_SCHEMA,
    ratecutVersion: plan.ratecutVersion,
    seed: plan.seed,
    resamples: plan.resamples,
    files: [...plan.files],
    comparable: plan.differences.length === 0,
    differences: [...plan.differences],
    notes,
    metrics: [...(headline?.metrics ?? [])],
    cycles: headline?.cycles ?? null,
    paired: outputs.find((o) => o.section === 'paired')?.paired ?? null,
    deflatedSharpe,
    simulations: simulations?.simulations ?? null,
  };
}
