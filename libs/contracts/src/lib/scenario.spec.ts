import { scenarioSchema, SCENARIO_LIMITS } from './scenario';

const base = {
  name: 'x', title: 'X', cutPath: { kind: 'meetings', cutsBp: [25, 25] }, horizon: { months: 12 }, history: { kind: 'all-cycles' },
};

describe('scenario bounds', () => {
  const problems = (over: Record<string, unknown>): string[] => {
    const r = scenarioSchema.safeParse({ ...base, ...over });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts the plausible extremes', () => {
    expect(problems({ horizon: { months: 120, tradingDays: 2520 }, paths: SCENARIO_LIMITS.maxPaths, windowMonths: 120 })).toEqual([]);
    expect(problems({ cutPath: { kind: 'meetings', cutsBp: [500, 500, 500, 500], monthsBetween: 24 } })).toEqual([]);
    expect(problems({ cutPath: { kind: 'total', totalBp: 2000, overMonths: 120 } })).toEqual([]);
    expect(problems({ method: { kind: 'stationary', meanBlock: 2520 } })).toEqual([]);
  });

  it.each([
    [{ horizon: { months: 1e9 } }, /^horizon\.months: expected at most 120 months/],
    [{ horizon: { months: 100_000 } }, /^horizon\.months: expected at most 120 months/],
    [{ horizon: { months: 12, tradingDays: 1e9 } }, /^horizon\.tradingDays: 1000000000 trading days do not fit 12 months: expected 216 to 276/],
    [{ horizon: { months: 12, tradingDays: 63 } }, /^horizon\.tradingDays: .*expected 216 to 276/],
    [{ cutPath: { kind: 'meetings', cutsBp: [1e300] } }, /^cutPath\.cutsBp\.0: a cut must be at most 500 bp; is it in basis points/],
    [{ cutPath: { kind: 'meetings', cutsBp: [0.25] } }, null],
    [{ cutPath: { kind: 'meetings', cutsBp: [-25] } }, /^cutPath\.cutsBp\.0: a cut must be a positive number of basis points/],
    [{ cutPath: { kind: 'meetings', cutsBp: [500, 500, 500, 500, 500] } }, /^cutPath\.cutsBp: the cuts add up to more than 2000 bp/],
    [{ cutPath: { kind: 'meetings', cutsBp: Array(49).fill(25) } }, /^cutPath\.cutsBp: at most 48 cuts/],
    [{ cutPath: { kind: 'meetings', cutsBp: [25], monthsBetween: 1e9 } }, /^cutPath\.monthsBetween: expected at most 24 months/],
    [{ cutPath: { kind: 'total', totalBp: 1e300, overMonths: 12 } }, /^cutPath\.totalBp: totalBp must be at most 2000 bp/],
    [{ cutPath: { kind: 'total', totalBp: 100, overMonths: 1e6 } }, /^cutPath\.overMonths: expected at most 120 months/],
    [{ windowMonths: 1e9 }, /^windowMonths: expected at most 120 months/],
    [{ paths: 1e12 }, /^paths: expected at most 10,000,000 paths/],
    [{ method: { kind: 'stationary', meanBlock: 1e300 } }, /meanBlock: expected a mean block of at most 2520 rows/],
    [{ history: { kind: 'analogs', maxTotalEasingBp: 1e300 } }, /^history\.maxTotalEasingBp: expected at most 2000 bp/],
    [{ history: { kind: 'analogs', minCutsPerMonth: 1e9 } }, /^history\.minCutsPerMonth: expected at most 31 cuts per month/],
    [{ history: { kind: 'cycles', ids: ['../../etc'] } }, /^history\.ids\.0: expected a cycle id YYYY-MM/],
  ])('refuses %j', (over, message) => {
    const found = problems(over as Record<string, unknown>);
    if (message === null) { expect(found).toEqual([]); return; }
    expect(found.some((m) => message.test(m))).toBe(true);
  });
});
