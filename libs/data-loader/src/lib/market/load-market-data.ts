import { describeGap, formatDay, policyRateOn, type DayGap, type MarketData, type PolicyRateHistory, type Series, errorIssue, makeIssue } from '@ratecut/sim-core';
import type { Catalog } from '../catalog/catalog';
import { asOfJoin } from '../calendar/as-of-join';
import { loadReturnPair, type LoadedPair, type ReturnPairSource } from '../pairs/load-return-pair';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { describeCashRate, loadCashRate, type CashSegment, type CashSource } from './cash-rate';

export interface LoadedMarket {
  readonly data: MarketData;
  readonly pair: LoadedPair;
  /** The cash rate as loaded (spliced from its stand-ins, see `loadCashRate`), decimal per year. */
  readonly cash: Series;
  /** The series that supply the cash rate on the run's days, oldest first, with their dates. */
  readonly cashSegments: readonly CashSegment[];
  /** The cash rate of this run in words (series, stand-ins and their dates), for conventions. */
  readonly cashConvention: string;
  /** Gaps of the pair's common calendar inside the run (no return is measured across one). */
  readonly gaps: readonly DayGap[];
  /** First and last common day of the pair, before the run was cut to the days every input covers. */
  readonly pairFirstDay: number;
  readonly pairLastDay: number;
  /** Catalog series ids read (for fingerprints in result files). */
  readonly seriesIds: readonly string[];
}

/**
 * Builds the engine's MarketData for a small/large pair: the pair's common days (see
 * loadReturnPair), the cash rate as-of joined onto them (see `loadCashRate`: each observation
 * carried forward at most its series' gap threshold) and the policy rate in force each day.
 * `periodsPerYear` is 252 for daily pairs and 12 for monthly ones.
 *
 * The run covers the days every input covers, and says so: it starts at the first day with a
 * cash rate and stops at the last day with a cash rate that is also inside the policy-rate
 * history; each cut is a warning naming the input that caused it. A day inside the run without
 * a cash rate (a hole in the cash series) is an error. Before the policy-rate history begins
 * the policy rate is NaN (a rate-based strategy sees no move there), which is a warning too.
 */
export function loadMarketData(
  catalog: Catalog,
  pair: ReturnPairSource,
  cash: CashSource,
  policy: PolicyRateHistory,
): LoadResult<LoadedMarket> {
  const loadedPair = loadReturnPair(catalog, pair);
  const cashRate = loadCashRate(catalog, cash);
  const issues: Issue[] = [...(loadedPair.ok ? [] : loadedPair.issues), ...(cashRate.ok ? [] : cashRate.issues)];
  if (!loadedPair.ok || !cashRate.ok) return { ok: false, issues };
  const { days, small, large, gaps = [] } = loadedPair.value.data;
  const { rate, maxAgeDays, segments } = cashRate.value;
  const joined = asOfJoin(rate, days, maxAgeDays);
  const warnings: Issue[] = [...loadedPair.warnings, ...cashRate.warnings];
  const names = segments.map((s) => s.seriesId).join(', then ');
  const where = catalog.path;

  let first = 0;
  while (first < days.length && Number.isNaN(joined[first])) first += 1;
  let last = days.length - 1;
  while (last >= first && (Number.isNaN(joined[last]) || days[last] > policy.lastDay)) last -= 1;
  if (days.length === 0 || last < first) {
    return { ok: false, issues: [errorIssue('gap', where, `no day of pair ${pair.small} vs ${pair.large} has both a cash rate (${names}) and a policy rate: nothing to run`)] };
  }
  const pairFirstDay = days[0], pairLastDay = days[days.length - 1];
  if (first > 0) {
    warnings.push(makeIssue('gap', 'warning', where,
      `the run starts ${formatDay(days[first])}, not at the pair's first common day ${formatDay(pairFirstDay)}: the cash rate (${names}) begins ${formatDay(segments[0].from)}`));
  }
  if (last < days.length - 1) {
    const cashEnd = segments[segments.length - 1];
    const why = days[last + 1] > policy.lastDay && !Number.isNaN(joined[last + 1])
      ? `the policy-rate history ends ${formatDay(policy.lastDay)}`
      : `the cash rate (${cashEnd.seriesId}) ends ${formatDay(cashEnd.to - cashEnd.maxAgeDays)} and is carried forward at most ${cashEnd.maxAgeDays} calendar days`;
    warnings.push(makeIssue('gap', 'warning', where,
      `the run stops at ${formatDay(days[last])}, not at the pair's last common day ${formatDay(pairLastDay)}: ${why}; every input covers the run, none is carried forward past its end`));
  }
  for (let i = first; i <= last; i += 1) {
    if (Number.isNaN(joined[i])) {
      let j = i;
      while (j <= last && Number.isNaN(joined[j])) j += 1;
      return { ok: false, issues: [errorIssue('gap', where,
        `no cash rate (${names}) from ${formatDay(days[i])} to ${formatDay(days[j - 1])}: the cash series has a hole longer than it may be carried forward`)] };
    }
  }

  const d = days.slice(first, last + 1);
  const policyRate = new Float64Array(d.length);
  for (let i = 0; i < d.length; i += 1) policyRate[i] = policyRateOn(policy, d[i]);
  const unknownPolicy = policyRate.findIndex((r) => !Number.isNaN(r));
  if (policy.days.length > 0 && d[0] < policy.days[0]) {
    warnings.push(makeIssue('gap', 'warning', where,
      `the policy rate is unknown before ${formatDay(policy.days[0])} (${unknownPolicy < 0 ? d.length : unknownPolicy} rows of the run from ${formatDay(d[0])}): ` +
      'strategies that read the policy rate see no move there'));
  }
  const runGaps = gaps.filter((g) => g.from >= d[0] && g.to <= d[d.length - 1]);
  for (const g of runGaps) {
    warnings.push(makeIssue('gap', 'warning', where, `the run crosses a hole in the pair's data, ${describeGap(g)}: the return of the row after it spans the whole hole`));
  }
  const monthly = loadedPair.value.small.frequency === 'monthly';
  return {
    ok: true,
    value: {
      data: {
        days: d,
        assets: ['small', 'large'],
        closes: [small.slice(first, last + 1), large.slice(first, last + 1)],
        cashRate: joined.slice(first, last + 1),
        policyRate,
        periodsPerYear: monthly ? 12 : 252,
      },
      pair: loadedPair.value,
      cash: rate,
      cashSegments: segments.filter((g) => g.to >= d[0] && g.from <= d[d.length - 1]),
      cashConvention: describeCashRate(segments, d[0], d[d.length - 1]),
      gaps: runGaps,
      pairFirstDay,
      pairLastDay,
      seriesIds: [pair.small, pair.large, ...cashRate.value.seriesIds],
    },
    warnings,
  };
}
