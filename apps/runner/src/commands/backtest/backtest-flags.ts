import { MAX_COST_BPS } from '@ratecut/contracts';
import { BUILTIN_STRATEGIES } from '@ratecut/sim-core';
import { UsageError } from '../../cli/command';
import { choiceOption, numberOption } from '../../cli/parse-options';
import { parseWindow } from '../../cli/parse-window';

/** The options of a backtest configuration given by flags (shared by `backtest` and `validate spa --sweep`). */
export const BACKTEST_FLAG_OPTIONS = {
  strategy: { type: 'string', multiple: true },
  param: { type: 'string', multiple: true },
  pair: { type: 'string' },
  cash: { type: 'string' },
  cycles: { type: 'string' },
  count: { type: 'string' },
  window: { type: 'string' },
  anchor: { type: 'string' },
  lag: { type: 'string' },
  'cost-bps': { type: 'string' },
  'slippage-bps': { type: 'string' },
  benchmark: { type: 'string' },
} as const;

/** The values of {@link BACKTEST_FLAG_OPTIONS} as parsed. */
export interface BacktestFlagValues {
  readonly strategy?: string | string[] | undefined;
  readonly param?: string | string[] | undefined;
  readonly pair?: string | undefined;
  readonly cash?: string | undefined;
  readonly cycles?: string | undefined;
  readonly count?: string | undefined;
  readonly window?: string | undefined;
  readonly anchor?: string | undefined;
  readonly lag?: string | undefined;
  readonly 'cost-bps'?: string | undefined;
  readonly 'slippage-bps'?: string | undefined;
  readonly benchmark?: string | undefined;
}

/** Parses `k=v`: numbers and booleans become typed values. */
function parseParam(text: string): [string, number | string | boolean] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param ${JSON.stringify(text)}: expected key=value`);
  const key = text.slice(0, eq), raw = text.slice(eq + 1);
  const num = Number(raw);
  return [key, raw === 'true' ? true : raw === 'false' ? false : raw.trim() !== '' && Number.isFinite(num) ? num : raw];
}

/**
 * Applies the configuration flags to `raw` (a config file's object, or empty), each flag
 * overriding the file's value, and returns the paths of the values set by flags (to place
 * problems on the command line). No `--strategy` and none in the file: every built-in.
 */
export function applyBacktestFlags(raw: Record<string, unknown>, o: BacktestFlagValues): PropertyKey[][] {
  const strategiesOpt = o.strategy === undefined ? undefined : ([] as string[]).concat(o.strategy);
  const paramsOpt = o.param === undefined ? [] : ([] as string[]).concat(o.param);
  const fromFlags: PropertyKey[][] = [];
  const set = (key: string, value: unknown): void => { raw[key] = value; fromFlags.push([key]); };
  if (o.pair !== undefined) set('pair', o.pair);
  if (o.cash !== undefined) set('cash', o.cash);
  const lag = numberOption('lag', o.lag, (n) => Number.isInteger(n) && n >= 0, 'a whole number of rows >= 0');
  if (lag !== undefined) set('executionLag', lag);
  const costRange = `basis points from 0 to ${MAX_COST_BPS} (10 % of traded value); 5 means 0.05 %`;
  const cost = numberOption('cost-bps', o['cost-bps'], (n) => n >= 0 && n <= MAX_COST_BPS, costRange);
  if (cost !== undefined) set('costBps', cost);
  const slip = numberOption('slippage-bps', o['slippage-bps'], (n) => n >= 0 && n <= MAX_COST_BPS, costRange);
  if (slip !== undefined) set('slippageBps', slip);
  if (o.window !== undefined || o.anchor !== undefined) {
    const anchor = choiceOption('anchor', o.anchor, ['first', 'last'] as const, 'first');
    const w = parseWindow(o.window ?? '-3m..24m', anchor === 'first' ? 'first-cut' : 'last-cut');
    if (!w) throw new UsageError(`--window ${JSON.stringify(o.window)}: expected months before and after the cut as -Bm..Am, e.g. -3m..24m`);
    set('window', w);
  }
  if (o.cycles !== undefined) set('cycles', o.cycles === 'all' ? 'all' : o.cycles.split(',').map((s) => s.trim()).filter(Boolean));
  if (o.count !== undefined) set('count', o.count);
  if (o.benchmark !== undefined) set('benchmark', { name: o.benchmark });
  if (strategiesOpt !== undefined || raw['strategies'] === undefined) {
    const names = (strategiesOpt ?? ['all']).flatMap((s) => (s === 'all' ? BUILTIN_STRATEGIES.map((b) => b.name) : [s]));
    set('strategies', names.map((name) => ({ name })));
  }
  if (paramsOpt.length > 0) {
    const params = Object.fromEntries(paramsOpt.map(parseParam));
    const list = Array.isArray(raw['strategies']) ? (raw['strategies'] as { name?: unknown; params?: Record<string, unknown> }[]) : [];
    for (const key of Object.keys(params)) {
      // Own properties only: `__proto__` or `constructor` are in every object, not parameters.
      const takers = list.filter((s) => BUILTIN_STRATEGIES.find((b) => b.name === s?.name && Object.hasOwn(b.defaults, key)));
      if (takers.length === 0) throw new UsageError(`--param ${key}: no selected strategy has a parameter '${key}'`);
      for (const s of takers) {
        s.params = { ...(s.params ?? {}), [key]: params[key] };
        fromFlags.push(['strategies', list.indexOf(s), 'params', key]);
      }
    }
  }
  return fromFlags;
}
