import { toJsonText } from '../../cli/json-text';
import type { CyclesReport } from './cycles-report';

/** Pretty JSON; a synthetic-sample notice is the first key, on the first line (see toJsonText). */
export function formatCyclesJson(report: CyclesReport): string {
  return toJsonText(report);
}
