import { PAIRS } from '@ratecut/data-loader';
import type { BacktestReportDoc, ReportInput, SimulateReportDoc } from './report-input';
import { definitionList, esc } from './section-parts';

export type DataOrigin = BacktestReportDoc['data'] | SimulateReportDoc['data'];

/** The pair in words: its title when ratecut defines the pair, else "small X vs large Y". */
export function pairInWords(pair: DataOrigin['pair']): string {
  return PAIRS.find((p) => p.id === pair.id)?.title ?? `small ${pair.small} vs large ${pair.large}`;
}

/** The return basis in a few words: "price return" or "total return" (the basis as written when it is neither). */
export function returnBasisInWords(basis: string): string {
  const m = /^(price|total) return/i.exec(basis);
  return m === null ? basis : `${m[1].toLowerCase()} return`;
}

/**
 * The top of one file's section: its title (anchor `file-<index>`) and the synthetic-sample
 * notice, prominent, when the result has one or ran on synthetic data. A section's headline
 * goes right after it, then {@link fileDetails}.
 */
export function fileTitle(index: number, title: string, notice: string | undefined, data: DataOrigin): string {
  const synthetic = notice ?? (data.synthetic ? 'SYNTHETIC SAMPLE: generated data, not market history.' : undefined);
  return [`<h2 id="file-${index}">${esc(title)}</h2>`, synthetic === undefined ? '' : `<p class="synthetic">${esc(synthetic)}</p>`].join('\n');
}

/**
 * One short line with the pair in words, the period and the return basis, and everything else
 * folded away under one "details": the file and its schema, the command line, the data catalog,
 * the input files' SHA-256 and the conventions as the result states them.
 */
export function fileDetails(input: ReportInput, data: DataOrigin, commandLine: string, conventions: Record<string, string>): string {
  const summary = `${pairInWords(data.pair)}, ${data.first} to ${data.last}, ${returnBasisInWords(data.pair.returnBasis)}${data.synthetic ? ', synthetic data' : ''}.`;
  return [
    `<p class="note">${esc(summary)}</p>`,
    '<details><summary>Details: file, command, data, inputs and conventions</summary>',
    definitionList([
      ['file', `${input.file} (${input.schema})`],
      ['command', commandLine],
      ['data', `${data.catalog} (found via ${data.origin})${data.synthetic ? ', SYNTHETIC' : ''}`],
      ['pair', `${data.pair.id}: small ${data.pair.small}, large ${data.pair.large}; ${data.pair.returnBasis}`],
      ['period', `${data.first} to ${data.last}`],
    ]),
    `<p><b>Input files (SHA-256)</b></p><ul class="mono">${data.inputs.map((f) => `<li>${esc(f.file)} ${esc(f.sha256)}</li>`).join('')}</ul>`,
    `<p><b>Conventions</b></p>`,
    definitionList(Object.entries(conventions)),
    '</details>',
  ].join('\n');
}

/**
 * The header of one file's section without a headline: {@link fileTitle} then
 * {@link fileDetails} (title, synthetic notice, one short line, the rest folded away).
 */
export function fileHeader(input: ReportInput, index: number, title: string, notice: string | undefined, data: DataOrigin, commandLine: string, conventions: Record<string, string>): string {
  return `${fileTitle(index, title, notice, data)}\n${fileDetails(input, data, commandLine, conventions)}`;
}
