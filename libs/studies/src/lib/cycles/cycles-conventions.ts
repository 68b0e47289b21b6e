import { ANCHOR_CONVENTION, describeCycleCounting, describeEasingCycleRule, type CycleSpan } from '@ratecut/sim-core';
import { POLICY_RATE_CONVENTION } from '@ratecut/data-loader';
import type { CyclesResultJson } from '@ratecut/contracts';
import type { CyclesSettings } from './cycles-settings';

/**
 * The conventions of a cycles study in words, by topic, as the document states them: the
 * policy-rate series, the cycle rule, the recession label (a hindsight label, not a signal), the
 * anchor of post-cut returns, the counting, the return units, and the source of the NBER dates.
 */
export function cyclesConventions(settings: CyclesSettings, span: CycleSpan, recessionSource: string): CyclesResultJson['conventions'] {
  return {
    policyRate: POLICY_RATE_CONVENTION,
    cycleRule: describeEasingCycleRule(settings.rule),
    recessionRule:
      `recession cycle if the first cut falls inside an NBER recession (after a peak month, up to its trough month) ` +
      `or an NBER peak falls within ${settings.recessionWindowMonths} months after the first cut's month (hindsight label, not a signal)`,
    anchor: ANCHOR_CONVENTION,
    counting: describeCycleCounting(settings.counting, span),
    returns: 'simple returns as decimals (0.10 = +10%); small minus large in decimal return points; each pair states price or total return',
    recessionSource,
  };
}
