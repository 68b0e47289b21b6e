import type { OutputFile } from '@ratecut/studies/output';
import { UsageError } from '../../cli/command';
import { reportOutput } from '../report/write-report';

/** The files `--out` and `--report` name (either may be absent), to check before a study runs. */
export function outputTargets(out: string | undefined, report: string | undefined): string[] {
  if (report === '-') throw new UsageError('--report -: the report is an HTML file; name it (e.g. --report report.html), or write it with ratecut report --out -');
  return [...(out === undefined ? [] : [out]), ...(report === undefined ? [] : [report])];
}

/**
 * The result set of a command that writes one document: the document's text to `out`, and the
 * HTML report of the document to `report`, each when named, to be written together by the
 * result-set writer (all or nothing). The report names the document by `out`, or by `unnamed`
 * (e.g. `validate spa (not written: no --out)`) when only the report is written.
 */
export function resultAndReport(doc: unknown, text: string, out: string | undefined, report: string | undefined, unnamed: string): OutputFile[] {
  return [
    ...(out === undefined ? [] : [{ path: out, text }]),
    ...(report === undefined ? [] : [reportOutput([{ file: out ?? unnamed, doc }], report)]),
  ];
}
