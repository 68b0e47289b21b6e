import type { CyclesReport } from './cycles-report';

/**
 * Pretty JSON. When the report carries a synthetic-sample notice, it is the first key and
 * shares the first line with the opening brace, so `head -1` shows it.
 */
export function formatCyclesJson(report: CyclesReport): string {
  const text = JSON.stringify(report, null, 2);
  return (report.notice ? text.replace(/^\{\n {2}/, '{ ') : text) + '\n';
}
