import { defaultGapDays } from './gap-threshold';

describe('defaultGapDays', () => {
  it('follows the frequency', () => {
    expect(defaultGapDays('daily')).toBe(10);
    expect(defaultGapDays('daily-calendar')).toBe(4);
    expect(defaultGapDays('monthly')).toBe(31);
    expect(defaultGapDays('irregular')).toBe(Infinity);
  });
});
