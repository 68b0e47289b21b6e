import { UsageError } from '../../cli/command';
import { parseTarget } from './parse-target';

describe('parseTarget', () => {
  it.each([
    ['small:+20%', 'small', 0.2],
    ['small:20%', 'small', 0.2],
    ['large:11%', 'large', 0.11],
    ['spread:-2.5%', 'spread', -0.025],
    ['spread:0%', 'spread', 0],
    ['small:+150%', 'small', 1.5],
    ['small:-100%', 'small', -1],
    ['small:0.20', 'small', 0.2],
    ['small:+0.2', 'small', 0.2],
    ['small:.2', 'small', 0.2],
    ['large:-0.05', 'large', -0.05],
    ['spread:0', 'spread', 0],
    ['spread:0.999', 'spread', 0.999],
    ['  small:+20%  ', 'small', 0.2],
  ])('reads %s as %s at a level of %p', (text, leg, level) => {
    const t = parseTarget(text);
    expect(t.leg).toBe(leg);
    expect(t.level).toBeCloseTo(level, 12);
    expect(t.text).toBe(text.trim());
  });

  it.each([
    ['small:+20', /ambiguous.*write \+20% for a percentage, or 0\.2 as a decimal/],
    ['small:20', /ambiguous/],
    ['small:1', /ambiguous/],
    ['large:-1', /ambiguous/],
    ['spread:1.5', /ambiguous/],
    ['small:-150%', /cannot be below -100%/],
    ['large:-100.5%', /cannot be below -100%/],
    ['mid:+3%', /not a target/],
    ['small:+20 %', /not a target/],
    ['small:20pct', /not a target/],
    ['small:1e-1', /not a target/],
    ['small:', /not a target/],
    ['Small:+20%', /not a target/],
    ['small:+20%%', /not a target/],
  ])('refuses %s with the accepted forms', (text, why) => {
    let error: unknown;
    try { parseTarget(text); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message).toContain('small:+20%');
    expect((error as Error).message).toContain('small:0.20');
  });

  it('lets a spread target go below -100% (small minus large is not bounded by -1)', () => {
    expect(parseTarget('spread:-120%').level).toBeCloseTo(-1.2, 12);
  });
});
