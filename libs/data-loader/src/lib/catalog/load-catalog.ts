import * as fs from 'node:fs';
import * as path from 'node:path';
import type { z } from 'zod';
import { readTextFile } from '../formats/read-text-file';
import type { DataIssue, LoadResult } from '../validation/data-issue';
import { failure, success } from '../validation/load-result';
import { errorIssue } from '../validation/make-issue';
import type { Catalog } from './catalog';
import { catalogFileSchema } from './catalog-schema';
import { lineColumnAt, locateJsonPath, scanJson } from './json-locations';
import { formatJsonPath } from './json-path';

/** Name of the catalog file inside a data folder. */
export const CATALOG_FILE_NAME = 'catalog.json';

/** Says what was expected and what was found, for the zod issues a person is most likely to hit. */
function schemaMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const found = issue.input === undefined ? undefined : JSON.stringify(issue.input);
  if (issue.code === 'invalid_type') {
    return found === undefined ? `missing; expected ${issue.expected}` : `expected ${issue.expected}, found ${found}`;
  }
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
    return `expected ${issue.values.length === 1 ? values : `one of ${values}`}, found ${found ?? 'nothing'}`;
  }
  return undefined;
}

/** `series[3] (id "rut").format`: the path, with the entry's id when it has one. */
function describePath(pathKeys: readonly PropertyKey[], raw: unknown): string {
  const text = formatJsonPath(pathKeys);
  if (pathKeys[0] !== 'series' || typeof pathKeys[1] !== 'number') return text || '(document)';
  const series = (raw as { series?: unknown }).series;
  const entry = Array.isArray(series) ? (series[pathKeys[1]] as { id?: unknown } | undefined) : undefined;
  if (typeof entry?.id !== 'string') return text;
  const head = formatJsonPath(pathKeys.slice(0, 2));
  return `${head} (id ${JSON.stringify(entry.id)})${text.slice(head.length)}`;
}

/**
 * Loads and validates a data catalog. `pathToFolderOrCatalogJson` is a folder holding
 * `catalog.json` or the path of the catalog file itself; relative paths are resolved against
 * the working directory. Issues, all `error`:
 * - `missing-file` when the file does not exist;
 * - `bad-catalog` for invalid JSON, at the line and column of the first syntax error;
 * - `bad-catalog` for each schema problem (see `catalogFileSchema`), naming its JSON path
 *   (e.g. `series[3].format`), what was expected and what was found, at the value's line;
 * - `bad-catalog` for each repeated entry id, at the repeat.
 * Entry files are not opened here; `loadSeries` reports a missing data file.
 */
export function loadCatalog(pathToFolderOrCatalogJson: string): LoadResult<Catalog> {
  let file = path.resolve(pathToFolderOrCatalogJson);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, CATALOG_FILE_NAME);
  const read = readTextFile(file);
  if (!read.ok) return read;
  const text = read.value.replace(/^\ufeff/, '');
  const scan = scanJson(text);
  if (!scan.ok) {
    return failure([errorIssue('bad-catalog', file, `invalid JSON: ${scan.message}`, lineColumnAt(text, scan.offset))]);
  }
  const raw: unknown = JSON.parse(text);
  const at = (keys: readonly PropertyKey[]) => lineColumnAt(text, locateJsonPath(scan.locations, keys, formatJsonPath));
  const parsed = catalogFileSchema.safeParse(raw, { error: schemaMessage });
  if (!parsed.success) {
    return failure(
      parsed.error.issues.map((issue) => errorIssue('bad-catalog', file, `${describePath(issue.path, raw)}: ${issue.message}`, at(issue.path))),
    );
  }
  const issues: DataIssue[] = [];
  const firstIndex = new Map<string, number>();
  parsed.data.series.forEach((entry, i) => {
    const first = firstIndex.get(entry.id);
    if (first === undefined) {
      firstIndex.set(entry.id, i);
      return;
    }
    const firstLine = at(['series', first, 'id']).line;
    issues.push(
      errorIssue('bad-catalog', file, `series[${i}].id: duplicate id ${JSON.stringify(entry.id)}, first used by series[${first}] (line ${firstLine}); expected unique ids`, at(['series', i, 'id'])),
    );
  });
  if (issues.length > 0) return failure(issues);
  return success({
    path: file,
    dir: path.dirname(file),
    about: parsed.data.about ?? '',
    synthetic: parsed.data.synthetic ?? false,
    series: parsed.data.series,
  });
}
