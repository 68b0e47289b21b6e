import type { BacktestReportDoc, ReportInput, SimulateReportDoc } from './report-input';
import { definitionList, esc } from './section-parts';

export type DataOrigin = BacktestReportDoc['data'] | SimulateReportDoc['data'];

/** The header block of one file: notice, command line, data origin and the conventions as the result states them. */
export function fileHeader(input: ReportInput, index: number, title: string, notice: string | undefined, data: DataOrigin, commandLine: string, conventions: Record<string, string>): string {
  const synthetic = notice ?? (data.synthetic ? 'SYNTHETIC SAMPLE: generated data, not market history.' : undefined);
  return [
    `<h2 id="file-${index}">${esc(title)}</h2>`,
    synthetic === undefined ? '' : `<p class="synthetic">${esc(synthetic)}</p>`,
    definitionList([
      ['file', `${input.file} (${input.schema})`],
      ['command', commandLine],
      ['data', `${data.catalog} (found via ${data.origin})${data.synthetic ? ', SYNTHETIC' : ''}`],
      ['pair', `${data.pair.id}: small ${data.pair.small}, large ${data.pair.large}; ${data.pair.returnBasis}`],
      ['period', `${data.first} to ${data.last}`],
    ]),
    `<details><summary>Input files (SHA-256)</summary><ul class="mono">${data.inputs.map((f) => `<li>${esc(f.file)} ${esc(f.sha256)}</li>`).join('')}</ul></details>`,
    `<h3>Conventions</h3>`,
    definitionList(Object.entries(conventions)),
  ].join('\n');
}

