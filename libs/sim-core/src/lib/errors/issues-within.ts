import type { Issue } from './issue';

/**
 * The issues that concern days `firstDay..lastDay` (day numbers): those without a span of days
 * (`Issue.days`), and those whose span reaches into that range. A gap in 1933 in the S&P 500's
 * history says nothing about a run on the days it shares with the Russell 2000 (from 1987).
 */
export function issuesWithin(issues: readonly Issue[], firstDay: number, lastDay: number): Issue[] {
  return issues.filter((i) => i.days === undefined || (i.days.to > firstDay && i.days.from < lastDay));
}
