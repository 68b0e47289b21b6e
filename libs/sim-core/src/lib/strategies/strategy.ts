import type { MarketView } from '../market/market-view';

/** Parameter values of a strategy: plain numbers, strings and booleans, so a definition serialises. */
export type StrategyParams = Readonly<Record<string, number | string | boolean>>;

/** What a strategy sees when it decides at the close of a day. */
export interface DecisionContext {
  readonly view: MarketView;
  /** Current weights per asset at today's close, after market moves (they drift between trades). */
  readonly weights: Float64Array;
  /** The last target the strategy submitted, or null before its first decision. */
  readonly lastTarget: Float64Array | null;
}

/**
 * A strategy definition: an immutable value. `decide` returns target weights per asset (cash is
 * 1 − their sum) or null to hold; per-run memory lives in the state `init` creates, so one
 * definition can back many runs at once.
 */
export interface Strategy<S = unknown> {
  readonly name: string;
  readonly description: string;
  readonly params: StrategyParams;
  /** Rows of history needed before the first decision (as backtrader's minimum period). */
  readonly warmup: number;
  init(): S;
  decide(ctx: DecisionContext, state: S): Float64Array | null;
}

/** A step of a pipeline: typed input and output, its own warm-up and per-run state. */
export interface Step<I, O, S = undefined> {
  readonly name: string;
  readonly warmup: number;
  init(): S;
  run(ctx: DecisionContext, input: I, state: S): O;
}

/** Assets to hold (column indices), or null to keep the current selection unchanged this day. */
export type Selection = readonly number[];

/**
 * Builds a strategy from three steps, after bt's algo stacks but typed:
 * `select` (what to hold) → `weigh` (how much of each) → `when` (whether to submit the
 * proposed target today). The strategy's warm-up is the largest of its steps'.
 */
export function pipeline<SS, SW, SN>(def: {
  readonly name: string;
  readonly description: string;
  readonly params: StrategyParams;
  readonly select: Step<void, Selection, SS>;
  readonly weigh: Step<Selection, Float64Array, SW>;
  readonly when: Step<Float64Array, boolean, SN>;
}): Strategy<[SS, SW, SN]> {
  const { select, weigh, when } = def;
  return Object.freeze({
    name: def.name,
    description: def.description,
    params: Object.freeze({ ...def.params }),
    warmup: Math.max(select.warmup, weigh.warmup, when.warmup),
    init: (): [SS, SW, SN] => [select.init(), weigh.init(), when.init()],
    decide(ctx: DecisionContext, state: [SS, SW, SN]): Float64Array | null {
      const selected = select.run(ctx, undefined, state[0]);
      const target = weigh.run(ctx, selected, state[1]);
      return when.run(ctx, target, state[2]) ? target : null;
    },
  });
}

/** A step without state. */
export function statelessStep<I, O>(name: string, warmup: number, run: (ctx: DecisionContext, input: I) => O): Step<I, O, undefined> {
  return { name, warmup, init: () => undefined, run: (ctx, input) => run(ctx, input) };
}
