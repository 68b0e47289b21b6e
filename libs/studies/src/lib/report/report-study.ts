import type { Issue, LoadResult } from '@ratecut/sim-core';
import type { Study } from '../study/study';
import { reportSection, type ReportSection } from './report-html';
import { reportPage } from './report-page';
import { formatSweepTable, sweepTableSchema } from '@ratecut/contracts';
import { checkResultDocument } from '../result-files/check-result-document';
import { checkSweepText } from '../result-files/check-sweep-text';
import { readResultFile } from '../result-files/read-result-file';
import { REPORT_KINDS, type ReportInput } from './report-input';
import { vegaLiteVersion } from './compile-charts';
import { readVegaRuntime, type VegaBundle } from './vega-assets';

/**
 * Where a report section comes from: a result file to read (`{ file }`, resolved against
 * `cwd`), or a document already in memory (`{ file, doc }`, e.g. the result a command is about
 * to write to `file`), which reads exactly like its file.
 */
export type ReportSource = { readonly file: string } | { readonly file: string; readonly doc: unknown };

/** Options of {@link planReportStudy}. */
export interface ReportStudyOptions {
  /** The ratecut version the page names (the application's). */
  readonly ratecutVersion: string;
  /** Folder that relative file names are resolved against; the process's working folder when absent. */
  readonly cwd?: string;
}

/** What a report was asked to draw. */
export interface ReportPlan {
  /** The result files in section order, as named. */
  readonly files: readonly string[];
  /** Each file's result kind, in the same order. */
  readonly kinds: readonly ReportInput['kind'][];
  readonly ratecutVersion: string;
  /** Versions of the inlined Vega runtime and of the Vega-Lite that compiles the charts to Vega. */
  readonly vega: readonly { readonly name: VegaBundle['name']; readonly version: string }[];
}

/** One block of a report: the section of one checked result document. */
export interface ReportBlock {
  /** 1-based place of the section on the page. */
  readonly section: number;
  readonly input: ReportInput;
}

/** The report study: one block per result document, merged into one self-contained HTML page. */
export type ReportStudy = Study<ReportPlan, null, ReportBlock, ReportSection, string>;

/**
 * The report study's block executor: the HTML and Vega-Lite specifications of one section.
 * Pure (the same block gives the same section); the context is unused (null).
 */
export function reportSectionBlock(_context: null, block: ReportBlock): ReportSection {
  return reportSection(block.input, block.section);
}

/** The JSON kinds among {@link REPORT_KINDS} (all but the sweep table). */
const JSON_REPORT_KINDS = REPORT_KINDS.filter((k): k is Exclude<(typeof REPORT_KINDS)[number], 'sweep'> => k !== 'sweep');

/**
 * One source read and checked as a report input: a file with `readResultFile` (any of
 * {@link REPORT_KINDS}: JSON results, or a sweep table by its `#` header or `.csv` name); a sweep
 * table in memory (an object with `header`, `columns` and `rows` and no `schema` key) through
 * its file text, and any other document in memory through JSON, so either reads exactly like its file.
 */
function readReportSource(source: ReportSource, cwd: string): LoadResult<ReportInput> {
  if (!('doc' in source)) return readResultFile(source.file, cwd, REPORT_KINDS);
  const doc = source.doc;
  if (doc !== null && typeof doc === 'object' && !('schema' in doc) && 'header' in doc) {
    const table = sweepTableSchema.safeParse(doc);
    if (table.success) return checkSweepText(source.file, formatSweepTable(table.data));
  }
  // Through JSON first, so an in-memory result (NaN, undefined) reads exactly like its file.
  return checkResultDocument({ file: source.file, value: doc === undefined ? undefined : (JSON.parse(JSON.stringify(doc)) as unknown) }, JSON_REPORT_KINDS);
}

/**
 * Plans a report of result files: reads each file source (see `readResultFile`), checks every
 * document against {@link REPORT_KINDS} (see `checkResultDocument`: the schema-version rule,
 * then the full contracts schema; a sweep table with `checkSweepText`), reads the Vega runtime
 * the page inlines and loads the Vega-Lite compiler that turns its charts into Vega. Every
 * problem of every source is returned, not only the first; none is thrown. No source at all is an issue too. The study has one block per document, in
 * the order given; its result is the HTML page, the same bytes for the same documents.
 *
 * @throws Error when the Vega packages are not installed (a broken installation).
 */
export function planReportStudy(sources: readonly ReportSource[], options: ReportStudyOptions): LoadResult<ReportStudy> {
  const issues: Issue[] = [];
  const inputs: ReportInput[] = [];
  for (const source of sources) {
    const checked = readReportSource(source, options.cwd ?? process.cwd());
    if (checked.ok) inputs.push(checked.value);
    else issues.push(...checked.issues);
  }
  if (sources.length === 0) issues.push({ code: 'bad-option', severity: 'error', file: 'command line', message: 'no result files to report; name one or more result files (cycles, backtest, simulate, compare, validate, now)' });
  if (issues.length > 0) return { ok: false, issues };
  const runtime = readVegaRuntime();
  const vegaLite = vegaLiteVersion();
  const study: ReportStudy = {
    kind: 'report',
    plan: {
      files: inputs.map((i) => i.file),
      kinds: inputs.map((i) => i.kind),
      ratecutVersion: options.ratecutVersion,
      vega: [{ name: runtime.name, version: runtime.version }, { name: 'vega-lite', version: vegaLite }],
    },
    context: null,
    blocks: inputs.map((input, i) => ({ section: i + 1, input })),
    execute: { module: __filename, exportName: 'reportSectionBlock', run: reportSectionBlock },
    unit: 'sections',
    merge: (sections) => reportPage(sections, { ratecutVersion: options.ratecutVersion, runtime, vegaLiteVersion: vegaLite }),
  };
  return { ok: true, value: study, warnings: [] };
}

/**
 * Runs a report study in this thread, block after block, and returns the page: the result
 * `runStudy` gives with any number of workers, synchronously, for a command that writes a
 * report in the same set of files as its result.
 */
export function reportHtmlOf(study: ReportStudy): string {
  const cache = new Map<string, unknown>();
  return study.merge(study.blocks.map((block) => study.execute.run(study.context, block, cache)));
}
