import { changesArray, checkTargetPlan, constantPlan, KEEP, planChanges } from './target-plan';

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
});
