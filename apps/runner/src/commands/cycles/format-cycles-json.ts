import { toJsonText } from '../../cli/json-text';
import type { CyclesResultJson } from '@ratecut/contracts';

/** Pretty JSON; a synthetic-sample notice is the first key, on the first line (see toJsonText). */
export function formatCyclesJson(report: CyclesResultJson): string {
  return toJsonText(report);
}
