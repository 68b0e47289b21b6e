import type { StrategyReplay } from '@ratecut/sim-core';

/**
 * The warning for a strategy whose warm-up needs more history than the data hold before some
 * cycle windows (it holds cash until it can decide), or null when every window can be played
 * from its first row.
 */
export function warmupWarning(label: string, replay: StrategyReplay, periodsPerYear: number): string | null {
  const short = replay.cycles.filter((c) => c.warmupShortRows > 0);
  if (short.length === 0) return null;
  const never = short.filter((c) => c.warmupShortRows >= c.run.days.length);
  const partly = short.filter((c) => c.warmupShortRows < c.run.days.length);
  const parts = [
    ...(never.length > 0 ? [`cannot decide at all in ${never.map((c) => c.cycleId).join(', ')} (in cash throughout)`] : []),
    ...(partly.length > 0 ? [`holds cash for the first ${partly.map((c) => `${c.warmupShortRows} rows of ${c.cycleId}`).join(', ')}`] : []),
  ];
  return `${label}: its warm-up of ${replay.strategy.warmup} rows (${periodsPerYear} rows a year) needs more history than the data hold before ${short.length} cycle window${short.length === 1 ? '' : 's'}: it ${parts.join(' and ')}; those cycles are marked (warmupShortRows) and compare a strategy that had not started`;
}

/** One cycle window of a run: its id and its number of rows. */
export interface WindowSize {
  readonly cycleId: string;
  readonly rows: number;
}

/**
 * The warning for an execution lag as long as some cycle windows (no decision can be traded
 * inside them: every strategy stays in cash there), or null.
 */
export function lagWarning(executionLag: number, windows: readonly WindowSize[]): string | null {
  const tooShort = windows.filter((c) => executionLag >= c.rows - 1);
  if (tooShort.length === 0) return null;
  return `executionLag ${executionLag} rows is as long as the cycle window${tooShort.length === 1 ? '' : 's'} ${tooShort.map((c) => `${c.cycleId} (${c.rows} rows)`).join(', ')}: no decision can be traded inside ${tooShort.length === 1 ? 'it' : 'them'}; every strategy stays in cash there`;
}
