import { type Issue } from '@ratecut/sim-core';

/**
 * The pure function that runs one block of a study. It is named by the module that exports it,
 * so a worker thread (or, later, another machine) can load the same code and run the block
 * without the application: `require(module)[exportName](context, block, cache)`.
 */
export interface BlockExecutor<Context, Block, Output> {
  /** Absolute path of the module exporting the function (its `__filename`). */
  readonly module: string;
  /** Name of the export. */
  readonly exportName: string;
  /**
   * The function itself, for in-process runs. It must be pure: the output depends only on the
   * context and the block. `cache` lives as long as the thread and holds values derived from
   * the context (prepared tables) that several blocks reuse.
   */
  readonly run: (context: Context, block: Block, cache: Map<string, unknown>, shared?: unknown) => Output;
}

/**
 * A run, described so that any number of workers gives the same bytes: a typed plan (inputs,
 * data fingerprints, conventions, parameters), blocks whose content is fixed by the plan (never
 * by the worker count), a pure block executor, and a merge that sees the outputs in block
 * order, whatever order they finished in.
 */
export interface Study<Plan, Context, Block, Output, Result> {
  /** The study's kind, as in result schemas: `cycles`, `backtest`, `sweep`, `simulate`, `compare`. */
  readonly kind: string;
  /** What the study was asked and what it ran on. */
  readonly plan: Plan;
  /** What every block needs besides its own description; structured-cloneable (sent to workers once). */
  readonly context: Context;
  /** The work, in merge order; structured-cloneable. */
  readonly blocks: readonly Block[];
  readonly execute: BlockExecutor<Context, Block, Output>;
  /** Units of work in a block, for progress (e.g. paths); 1 when absent. */
  readonly blockWeight?: (block: Block) => number;
  /** Name of the unit {@link blockWeight} counts, e.g. `paths`; `blocks` when absent. */
  readonly unit?: string;
  /**
   * Keys of {@link plan} that say where an input was rather than what it held (e.g. the absolute
   * path of a scenario file whose content is in the plan too, and which no result records): left
   * out of the run fingerprint of static sharding, so shards and their merge may run in
   * different folders.
   */
  readonly planLocationKeys?: readonly string[];
  /** Problems found while planning that do not stop the study (printed by the caller). */
  readonly warnings?: readonly Issue[];
  /** Builds the result from every block's output, given in block order. */
  merge(outputs: readonly Output[]): Result;
  /**
   * Optional: a merge that starts before the last block finishes, for merges with much work
   * (copying outputs into place, streaming statistics), which then overlaps the blocks still
   * running instead of following them. `runStudy` makes one per run. It must give exactly
   * {@link merge}'s result.
   */
  readonly merger?: () => StudyMerger<Output, Result>;
}

/** An ordered merge fed as blocks finish (see {@link Study.merger}). */
export interface StudyMerger<Output, Result> {
  /** Called for blocks 0, 1, 2, ... in order, each as soon as it and every block before it have finished. */
  add(index: number, output: Output): void;
  /** The result, after every block was added; `outputs` are all of them again, in block order. */
  result(outputs: readonly Output[]): Result;
  /**
   * Optional memory for this run that every block's executor receives (its `shared` argument),
   * in this thread and in worker threads alike: SharedArrayBuffer-backed arrays that blocks
   * write their outputs into in place, so nothing is copied back. Must not change the result.
   */
  readonly shared?: unknown;
}

/** Any study, for code that only runs them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStudy<Result = unknown> = Study<unknown, any, any, any, Result>;
