import {
  checkEasingCycleRule, classifyRecession, DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS, detectEasingCycles,
  type ClassifiedCycle, type EasingCycleRule, type PolicyRateHistory,
} from '@ratecut/sim-core';
import type { Catalog } from '../catalog/catalog';
import { loadBusinessCycles } from '../facts/business-cycles';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { loadPolicyRateHistory } from './load-policy-rate-history';
import { join } from 'node:path';
import { NBER_DATES_FILE, shippedFactsFolder } from '../facts/shipped-facts';

export interface LoadedEasingCycles {
  readonly history: PolicyRateHistory;
  readonly cycles: readonly ClassifiedCycle[];
  /** Source line of the NBER dates file. */
  readonly recessionSource: string;
}

/**
 * The policy-rate history from a catalog, the easing cycles it contains under `rule` (default
 * `DEFAULT_EASING_CYCLE_RULE`), each classified against the NBER dates in `nberFile` (default:
 * the dates ratecut ships, `nber-business-cycles.json` in {@link shippedFactsFolder}) with a
 * `recessionWindowMonths` window (default `DEFAULT_RECESSION_WINDOW_MONTHS`, 12 months).
 * Issues from both files are reported together.
 *
 * @throws RangeError when `rule` is not a valid rule (programmer error: callers check user input).
 */
export function loadEasingCycles(
  catalog: Catalog,
  nberFile: string = join(shippedFactsFolder(), NBER_DATES_FILE),
  rule: EasingCycleRule = DEFAULT_EASING_CYCLE_RULE,
  recessionWindowMonths: number = DEFAULT_RECESSION_WINDOW_MONTHS,
): LoadResult<LoadedEasingCycles> {
  const problems = checkEasingCycleRule(rule);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const history = loadPolicyRateHistory(catalog);
  const nber = loadBusinessCycles(nberFile);
  if (!history.ok || !nber.ok) {
    const issues: Issue[] = [...(history.ok ? [] : history.issues), ...(nber.ok ? [] : nber.issues)];
    return { ok: false, issues };
  }
  const cycles = detectEasingCycles(history.value, rule).map((cycle) => ({
    cycle,
    recession: classifyRecession(cycle.firstCut, nber.value.cycles, recessionWindowMonths),
  }));
  return { ok: true, value: { history: history.value, cycles, recessionSource: nber.value.source }, warnings: history.warnings };
}
