import type { PolicyRateHistory } from '@ratecut/sim-core';
import type { Catalog } from '../catalog/catalog';
import { loadSeries, loadSeriesColumns } from '../catalog/load-series';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { policyRateFromSeries } from './policy-rate-from-series';

/** Catalog ids read by {@link loadPolicyRateHistory}. */
export const POLICY_RATE_SERIES = {
  target: 'fed-target',
  targetColumns: ['target_lower_pct', 'target_upper_pct', 'target_mid_pct'],
  effective: 'dff',
} as const;

/** Where each part of the policy-rate history comes from, for printed output and result files. */
export const POLICY_RATE_CONVENTION =
  'FOMC target (FRED DFEDTAR point target to 2008-12-15, then the DFEDTARL/DFEDTARU range; ' +
  'moves measured on the upper bound), and before the target series begins (1982-09-27) the ' +
  'calendar-month average of the effective fed funds rate (DFF) as a proxy, dated at the first day of its month';

/**
 * Loads the policy-rate history from a catalog: the `fed-target` entry (three columns:
 * lower, upper, mid) and, when the catalog has it, `dff` for the months before the target.
 */
export function loadPolicyRateHistory(catalog: Catalog): LoadResult<PolicyRateHistory> {
  const target = loadSeriesColumns(catalog, POLICY_RATE_SERIES.target, [...POLICY_RATE_SERIES.targetColumns]);
  if (!target.ok) return target;
  const [lower, upper, mid] = target.value;
  const warnings: Issue[] = [...target.warnings];
  const hasDff = catalog.series.some((s) => s.id === POLICY_RATE_SERIES.effective);
  let effective;
  if (hasDff) {
    const dff = loadSeries(catalog, POLICY_RATE_SERIES.effective);
    if (!dff.ok) return dff;
    warnings.push(...dff.warnings);
    effective = dff.value;
  }
  return { ok: true, value: policyRateFromSeries({ lower, upper, mid }, effective), warnings };
}
