import { addMonths, type DayNumber } from '../time/day-number';
import type { EasingCycle } from './easing-cycle';

/**
 * How cycles are counted in means, medians and hit rates:
 * - `episodes` (the default): a resumption whose first cut falls inside the window of the
 *   episode's first cycle joins that episode, and an episode counts once, with its first
 *   cycle's outcome (measured from the first cycle's first cut). Overlapping windows would
 *   otherwise count the same months twice.
 * - `first-cuts`: every detected cycle counts, as if the windows were independent.
 */
export type CycleCounting = 'episodes' | 'first-cuts';

/** The counting used when none is given. */
export const DEFAULT_CYCLE_COUNTING: CycleCounting = 'episodes';

/** The window studied around each cycle's anchor day, in calendar months before and after it. */
export interface CycleSpan {
  readonly beforeMonths: number;
  readonly afterMonths: number;
}

/** Where a cycle stands relative to its neighbours. */
export interface CycleEpisode {
  readonly cycleId: string;
  /** The previous cycle, when this cycle's window overlaps the previous cycle's window; else null. */
  readonly overlapsPrevious: string | null;
  /** Id of the episode: the id of its first cycle. */
  readonly episode: string;
  /** True for the first cycle of its episode (the one counted under `episodes`). */
  readonly startsEpisode: boolean;
}

/**
 * Marks overlaps and groups cycles into episodes. `cycles` in date order; `anchorOf` gives
 * each cycle's anchor day (default: its first cut). With windows `[anchor − before, anchor +
 * after]`:
 * - a cycle overlaps the previous one when its window starts before the previous window ends
 *   (`anchor − before < previous anchor + after`);
 * - a cycle joins the current episode when it is a resumption (no hike since the previous
 *   cut) and its anchor falls before the episode's first anchor + `afterMonths`; otherwise
 *   it starts a new episode. A cycle after a hike always starts a new episode, even when its
 *   window overlaps (the hike separates two policy decisions).
 * Episodes are formed among the cycles given, so a selection of cycles forms its own episodes.
 */
export function cycleEpisodes(
  cycles: readonly EasingCycle[],
  span: CycleSpan,
  anchorOf: (cycle: EasingCycle) => DayNumber = (c) => c.firstCut,
): CycleEpisode[] {
  const out: CycleEpisode[] = [];
  let episodeId = '';
  let episodeAnchor = 0;
  for (let i = 0; i < cycles.length; i += 1) {
    const c = cycles[i];
    const anchor = anchorOf(c);
    const prev = i > 0 ? cycles[i - 1] : null;
    const overlaps = prev !== null && addMonths(anchor, -span.beforeMonths) < addMonths(anchorOf(prev), span.afterMonths);
    const joins = prev !== null && c.resumption && anchor < addMonths(episodeAnchor, span.afterMonths);
    if (!joins) {
      episodeId = c.id;
      episodeAnchor = anchor;
    }
    out.push({ cycleId: c.id, overlapsPrevious: overlaps && prev !== null ? prev.id : null, episode: episodeId, startsEpisode: !joins });
  }
  return out;
}

/** Ids of the cycles counted under `counting`: every cycle, or the first cycle of each episode. */
export function countedCycleIds(episodes: readonly CycleEpisode[], counting: CycleCounting): Set<string> {
  return new Set(episodes.filter((e) => counting === 'first-cuts' || e.startsEpisode).map((e) => e.cycleId));
}

/** One line stating the counting and the overlap rule, for printed output and result files. */
export function describeCycleCounting(counting: CycleCounting, span: CycleSpan): string {
  const window = span.beforeMonths > 0 ? `${span.beforeMonths} months before to ${span.afterMonths} after the anchor` : `${span.afterMonths} months after the first cut`;
  const overlap = `a cycle overlaps the previous one when their windows (${window}) share days`;
  return counting === 'episodes'
    ? `counted by episode: a resumption whose first cut falls within ${span.afterMonths} months of its episode's first cut joins that episode, which counts once with the outcome of its first cycle; ${overlap}`
    : `counted by first cut: every cycle counts, including those whose window overlaps the previous cycle's (the same months may be counted twice); ${overlap}`;
}
