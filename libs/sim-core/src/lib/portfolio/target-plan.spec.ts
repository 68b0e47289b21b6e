import { changesArray, checkTargetPlan, constantPlan, KEEP, NO_CODE, noteChange, planChanges } from './target-plan';

describe('planChanges', () => {
  it('lists the warm-up row, each row whose code differs from the one before, then the end mark', () => {
    const codes = Int32Array.of(9, 9, 0, 0, KEEP, KEEP, 1, 1, 1, 0);
    expect(Array.from(planChanges(codes, 2))).toEqual([2, 4, 6, 9, 10, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(planChanges(codes, 0).subarray(0, 6))).toEqual([0, 2, 4, 6, 9, 10]);
    expect(planChanges(codes, 10)[0]).toBe(10); // warm-up past the data: the end mark alone
  });

  it('writes into an array of the right length it is given, and allocates otherwise', () => {
    const codes = Int32Array.of(1, 1, 2);
    const room = changesArray(3);
    expect(planChanges(codes, 0, room)).toBe(room);
    expect(changesArray(3, room)).toBe(room);
    expect(changesArray(4, room)).not.toBe(room);
  });

  it('is what a constant plan carries, and what checkTargetPlan accepts', () => {
    const plan = constantPlan([0.3, 0.7], 6, 2);
    expect(Array.from(plan.changes ?? [])).toEqual([2, 6]);
    expect(() => checkTargetPlan(plan, 6)).not.toThrow();
    expect(() => checkTargetPlan({ ...plan, changes: Int32Array.of(1, 6) }, 6)).toThrow(/changes/);
    expect(Array.from(constantPlan([1], 3, 5).changes ?? [])).toEqual([3, 3]);
  });

  it('is what a maker writing its codes in row order notes with noteChange', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const warmup of [0, 3, 40]) {
      const codes = new Int32Array(60), changes = changesArray(60);
      let c = 0, previous = NO_CODE;
      for (let t = warmup; t < 60; t += 1) {
        codes[t] = next() < 0.7 && t > warmup ? codes[t - 1] : Math.floor(next() * 3) - 1;
        c = noteChange(changes, c, t, codes[t], previous);
        previous = codes[t];
      }
      changes[c] = 60;
      expect(Array.from(changes.subarray(0, c + 1))).toEqual(Array.from(planChanges(codes, warmup).subarray(0, c + 1)));
      expect(c).toBeGreaterThan(1); // several runs, so the comparison says something
    }
  });
});

