import { parseIsoDay } from '../time/day-number';
import { countedCycleIds, cycleEpisodes, describeCycleCounting } from './cycle-episodes';
import type { EasingCycle } from './easing-cycle';

/** A cycle with only the fields the episode rule reads. */
function cycle(id: string, firstCut: string, resumption: boolean, lastCut = firstCut): EasingCycle {
  const d = parseIsoDay(firstCut);
  return {
    id, firstCut: d, lastCut: parseIsoDay(lastCut), cuts: 1, totalEasingBp: 25, rateBefore: 0.05, rateAfter: 0.0475,
    resumption, open: false, basis: 'target-point', cutDays: [d],
  };
}

// The target-era cycles of the real data with their resumption flags (see data/easing-cycles.json).
const cycles = [
  cycle('1987-11', '1987-11-04', false),
  cycle('1989-06', '1989-06-06', false),
  cycle('1990-07', '1990-07-13', true),
  cycle('1995-07', '1995-07-06', false),
  cycle('1995-12', '1995-12-19', true),
  cycle('1998-09', '1998-09-29', false),
  cycle('2001-01', '2001-01-03', false),
  cycle('2002-11', '2002-11-06', true),
  cycle('2003-06', '2003-06-25', true),
  cycle('2007-09', '2007-09-18', false),
  cycle('2008-10', '2008-10-08', true),
];

describe('cycleEpisodes', () => {
  it('joins a resumption inside the window to its episode and marks overlaps with the previous cycle', () => {
    const e = cycleEpisodes(cycles, { beforeMonths: 0, afterMonths: 24 });
    const row = (id: string) => e.find((x) => x.cycleId === id)!;
    expect(e.filter((x) => x.startsEpisode).map((x) => x.cycleId)).toEqual(['1987-11', '1989-06', '1995-07', '1998-09', '2001-01', '2003-06', '2007-09']);
    expect(row('1990-07')).toEqual({ cycleId: '1990-07', overlapsPrevious: '1989-06', episode: '1989-06', startsEpisode: false });
    expect(row('2002-11').episode).toBe('2001-01');
    // 2003-06 resumes 2002-11 but falls 29 months after 2001-01: a new episode, overlapping 2002-11.
    expect(row('2003-06')).toEqual({ cycleId: '2003-06', overlapsPrevious: '2002-11', episode: '2003-06', startsEpisode: true });
    // After hikes, 1989-06 overlaps 1987-11's 24-month window but is a new episode.
    expect(row('1989-06')).toMatchObject({ overlapsPrevious: '1987-11', startsEpisode: true });
    expect(row('1998-09').overlapsPrevious).toBeNull();
  });

  it('uses the window before the anchor for overlaps, and the anchor chosen', () => {
    // 1998-09's window starts 1998-06-29 with 3 months before (after 1995-12's window ends, 1998-06-19), 1998-05-29 with 4.
    expect(cycleEpisodes(cycles, { beforeMonths: 3, afterMonths: 30 }).find((x) => x.cycleId === '1998-09')!.overlapsPrevious).toBeNull();
    expect(cycleEpisodes(cycles, { beforeMonths: 4, afterMonths: 30 }).find((x) => x.cycleId === '1998-09')!.overlapsPrevious).toBe('1995-12');
    // Anchored at the last cut, the windows move with it.
    const late = [cycle('a', '2000-01-01', false, '2001-06-01'), cycle('b', '2001-09-01', true)];
    expect(cycleEpisodes(late, { beforeMonths: 0, afterMonths: 6 }).map((x) => x.startsEpisode)).toEqual([true, true]);
    expect(cycleEpisodes(late, { beforeMonths: 0, afterMonths: 6 }, (c) => c.lastCut).map((x) => x.startsEpisode)).toEqual([true, false]);
  });

  it('counts every cycle by first cut, one per episode by episode', () => {
    const e = cycleEpisodes(cycles, { beforeMonths: 0, afterMonths: 24 });
    expect(countedCycleIds(e, 'first-cuts').size).toBe(11);
    expect([...countedCycleIds(e, 'episodes')]).toEqual(['1987-11', '1989-06', '1995-07', '1998-09', '2001-01', '2003-06', '2007-09']);
    expect(cycleEpisodes([], { beforeMonths: 0, afterMonths: 24 })).toEqual([]);
    expect(describeCycleCounting('episodes', { beforeMonths: 0, afterMonths: 24 })).toMatch(/within 24 months/);
  });
});
