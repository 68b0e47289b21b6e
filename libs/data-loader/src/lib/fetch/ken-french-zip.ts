import { unzipSync } from 'fflate';
import { readKenFrenchCsv } from '../formats/read-ken-french-csv';
import { FetchError } from './fetch-error';
import { httpGet, type RetryPolicy } from './http-get';

/** URL of a Ken French data library zip, e.g. `F-F_Research_Data_Factors_CSV.zip`. */
function kenFrenchZipUrl(baseUrl: string, zipName: string): string {
  return `${baseUrl}/pages/faculty/ken.french/ftp/${zipName}`;
}

/** Section of `Portfolios_Formed_on_ME` holding value-weighted monthly returns. */
export const FF_SIZE_VW_SECTION = 'Average Value Weight Returns -- Monthly';

/**
 * Extracts the one CSV file of a Ken French zip and checks it has a monthly section (or the
 * `section` named). A corrupt or truncated zip, a zip without a CSV, or a CSV that is not a Ken
 * French file throws a {@link FetchError} naming `zipName`.
 */
export function unzipKenFrenchCsv(bytes: Uint8Array, zipName: string, section?: string): { name: string; text: string } {
  const source = `Ken French ${zipName}`;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new FetchError(source, `expected a zip archive holding one CSV file, got a corrupt or truncated zip (${e instanceof Error ? e.message : String(e)})`);
  }
  const name = Object.keys(files).find((n) => n.toLowerCase().endsWith('.csv'));
  const data = name === undefined ? undefined : files[name];
  if (name === undefined || data === undefined) throw new FetchError(source, `expected a zip holding a .csv file, found: ${Object.keys(files).join(', ') || 'nothing'}`);
  const text = new TextDecoder('latin1').decode(data);
  const read = readKenFrenchCsv(text, name, { frequency: 'monthly', section });
  if (!read.ok) throw new FetchError(source, `expected a Ken French CSV${section === undefined ? '' : ` with section "${section}"`}: ${read.issues.map((i) => i.message).join('; ')}`);
  return { name: name.replace(/^.*\//, ''), text };
}

/** Downloads and unzips a Ken French zip; see {@link unzipKenFrenchCsv}. */
export async function downloadKenFrenchCsv(baseUrl: string, zipName: string, policy: RetryPolicy, section?: string): Promise<{ name: string; text: string }> {
  const bytes = await httpGet(kenFrenchZipUrl(baseUrl, zipName), `Ken French ${zipName}`, policy);
  return unzipKenFrenchCsv(bytes, zipName, section);
}

/** `Lo 10` → `Lo10`, `2-Dec` → `Dec2`, `<= 0` → `le0`: the column names of the normalized file. */
export function normalizeKenFrenchColumn(name: string): string {
  const t = name.trim();
  if (t === '<= 0') return 'le0';
  const dec = /^(\d+)-Dec$/.exec(t);
  if (dec) return `Dec${dec[1] ?? ''}`;
  return t.replace(/\s+/g, '');
}

/**
 * Builds the plain CSV `yyyymm,le0,Lo30,…,Lo10,…,Hi10` from one monthly section of a Ken French
 * file; missing values (-99.99, -999) become empty cells.
 */
export function normalizeKenFrenchSection(text: string, file: string, section: string): { csv: string; columns: string[] } {
  const read = readKenFrenchCsv(text, file, { frequency: 'monthly', section });
  if (!read.ok) throw new FetchError(`Ken French ${file}`, read.issues.map((i) => i.message).join('; '));
  const columns = read.value.header.slice(1).map(normalizeKenFrenchColumn);
  const lines = [['yyyymm', ...columns].join(',')];
  for (const row of read.value.rows) {
    lines.push(row.cells.map((c, i) => (i > 0 && (Number(c) === -99.99 || Number(c) === -999) ? '' : c)).join(','));
  }
  return { csv: `${lines.join('\n')}\n`, columns };
}
