import type { ReportInput } from './report-input';
import { SectionParts, type ReportPart } from './section-parts';
import { backtestSection } from './backtest-section';
import { simulateSection } from './simulate-section';
import { calibrationSection, eventStudySection, outOfSampleSection } from './validation-sections';
import { nowSection } from './now-section';
import { spaSection } from './spa-section';
import { sweepNotice, sweepSection } from './sweep-section';
import { cyclesSection } from './cycles-section';
import { compareSection } from './compare-section';

export type { ReportPart } from './section-parts';

/** The report section of one result file: its parts in order, and what the page header needs to know of it. */
export interface ReportSection {
  /** The file as named on the command line (or the result file a command is writing). */
  readonly file: string;
  /** True when the result carries a synthetic-sample notice or was run on synthetic data. */
  readonly synthetic: boolean;
  /**
   * The section's answer in one or two sentences (HTML), shown again at the top of the page,
   * above every section; absent when the section set none.
   */
  readonly headline?: string;
  readonly parts: readonly ReportPart[];
}

/**
 * The section of one result file (the report study's block executor calls this): a header
 * with the data origin, input fingerprints and the conventions as the result states them,
 * then for a backtest the per-cycle equity chart, the table of excess returns per cycle and
 * the drawdown chart, and for a simulation the probabilities, the table of horizon-return
 * percentiles, the fan chart and the histogram; for the validation tests, see
 * `validation-sections.ts`. `index` is the section's 1-based place on the
 * page (its anchor `file-<index>`). Pure: the same input gives the same section.
 */
export function reportSection(input: ReportInput, index: number): ReportSection {
  const parts = new SectionParts();
  switch (input.kind) {
    case 'backtest': backtestSection(parts, input, index); break;
    case 'simulate': simulateSection(parts, input, index); break;
    case 'event-study': eventStudySection(parts, input, index); break;
    case 'out-of-sample': outOfSampleSection(parts, input, index); break;
    case 'calibration': calibrationSection(parts, input, index); break;
    case 'now': nowSection(parts, input, index); break;
    case 'spa': spaSection(parts, input, index); break;
    case 'sweep': sweepSection(parts, input, index); break;
    case 'cycles': cyclesSection(parts, input, index); break;
    case 'compare': compareSection(parts, input, index); break;
  }
  const synthetic = input.kind === 'sweep' ? sweepNotice(input.table) !== undefined
    : input.kind === 'compare' ? input.doc.notice !== undefined || input.doc.files.some((f) => f.synthetic)
    : input.doc.notice !== undefined || ('data' in input.doc && input.doc.data.synthetic);
  return { file: input.file, synthetic, ...(parts.headlineHtml === undefined ? {} : { headline: parts.headlineHtml }), parts: parts.parts };
}

