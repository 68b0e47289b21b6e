import { parseIsoDay } from '../time/day-number';
import { classifyRecession, DEFAULT_RECESSION_WINDOW_MONTHS, type BusinessCycle } from './recession';

const nber: BusinessCycle[] = [
  { peak: parseIsoDay('2001-03-01'), trough: parseIsoDay('2001-11-01') },
  { peak: parseIsoDay('2007-12-01'), trough: parseIsoDay('2009-06-01') },
  { peak: parseIsoDay('2020-02-01'), trough: parseIsoDay('2020-04-01') },
];

describe('classifyRecession', () => {
  it('flags a peak within the window after the first cut', () => {
    expect(classifyRecession(parseIsoDay('2007-09-18'), nber, 12)).toEqual({ recession: true, reason: 'peak-within-window', peak: parseIsoDay('2007-12-01') });
    expect(classifyRecession(parseIsoDay('2019-08-01'), nber, 6).recession).toBe(true);
    expect(classifyRecession(parseIsoDay('2019-08-01'), nber, 5).recession).toBe(false);
  });

  it('flags a first cut inside a recession', () => {
    expect(classifyRecession(parseIsoDay('2008-10-08'), nber, 0).reason).toBe('in-recession');
    expect(classifyRecession(parseIsoDay('2020-03-04'), nber, 0).reason).toBe('in-recession');
  });

  it('leaves other cycles as non-recession', () => {
    expect(classifyRecession(parseIsoDay('1998-09-29'), nber, 12)).toEqual({ recession: false, reason: null, peak: null });
    expect(classifyRecession(parseIsoDay('2001-12-11'), nber, 12).recession).toBe(false);
  });

  it('defaults to a 12-month window: a peak 12 months after the first cut counts, 13 months does not', () => {
    expect(DEFAULT_RECESSION_WINDOW_MONTHS).toBe(12);
    expect(classifyRecession(parseIsoDay('2006-12-20'), nber).reason).toBe('peak-within-window');
    expect(classifyRecession(parseIsoDay('2006-11-20'), nber).recession).toBe(false);
  });
});
