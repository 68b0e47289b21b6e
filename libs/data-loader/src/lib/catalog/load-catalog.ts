import { errorIssue } from '@ratecut/sim-core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALLOW_OUTSIDE_HOW, locateDataFile, outsideDataFolderMessage } from '../source/data-folder';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import { quoteExcerpt } from '../validation/excerpt';
import type { Catalog } from './catalog';
import { catalogFileSchema } from './catalog-schema';
import { readScannedJson } from '../json/read-json-file';
import { jsonPathOf } from '@ratecut/sim-core';
import { schemaIssueMessage } from './schema-issue-message';

/** Name of the catalog file inside a data folder. */
export const CATALOG_FILE_NAME = 'catalog.json';

/** Options of {@link loadCatalog}. */
export interface LoadCatalogOptions {
  /**
   * Accept entry files outside the catalog's folder (symbolic links followed). Off by default:
   * a shared catalog could otherwise name any file on the machine (`../../etc/passwd`) and have
   * its lines quoted in error messages. The CLI sets it with `--allow-outside-data`.
   */
  readonly allowOutsideDataFolder?: boolean | undefined;
}

/** `series[3] (id "rut").format`: the path, with the entry's id when it has one. */
function describePath(pathKeys: readonly PropertyKey[], raw: unknown): string {
  const text = jsonPathOf(pathKeys);
  if (pathKeys[0] !== 'series' || typeof pathKeys[1] !== 'number') return text || '(document)';
  const series = (raw as { series?: unknown }).series;
  const entry = Array.isArray(series) ? (series[pathKeys[1]] as { id?: unknown } | undefined) : undefined;
  if (typeof entry?.id !== 'string') return text;
  const head = jsonPathOf(pathKeys.slice(0, 2));
  return `${head} (id ${quoteExcerpt(entry.id)})${text.slice(head.length)}`;
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
 * - `bad-catalog` for nesting deeper than `MAX_JSON_DEPTH` and for a `__proto__`,
 *   `constructor` or `prototype` key (see `scanJson`), at that place;
 * - `outside-data-folder` for each entry whose `file`, symbolic links followed, is not inside
 *   the catalog's folder (`../x`, an absolute path, a link pointing out), at the entry's `file`
 *   value, unless `options.allowOutsideDataFolder`.
 * Entry files are not opened here; `loadSeries` reports a missing data file (and checks the
 * folder again on the file it opens).
 */
export function loadCatalog(pathToFolderOrCatalogJson: string, options: LoadCatalogOptions = {}): LoadResult<Catalog> {
  let file = path.resolve(pathToFolderOrCatalogJson);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, CATALOG_FILE_NAME);
  const read = readScannedJson(file, 'bad-catalog');
  if (!read.ok) return read;
  const { value: raw, at } = read.value;
  const parsed = catalogFileSchema.safeParse(raw, { error: schemaIssueMessage });
  if (!parsed.success) {
    return failure(
      parsed.error.issues.map((issue) => errorIssue('bad-catalog', file, `${describePath(issue.path, raw)}: ${issue.message}`, at(issue.path))),
    );
  }
  const issues: Issue[] = [];
  const firstIndex = new Map<string, number>();
  parsed.data.series.forEach((entry, i) => {
    const first = firstIndex.get(entry.id);
    if (first === undefined) {
      firstIndex.set(entry.id, i);
      return;
    }
    const firstLine = at(['series', first, 'id']).line;
    issues.push(
      errorIssue('bad-catalog', file, `series[${i}].id: duplicate id ${quoteExcerpt(entry.id)}, first used by series[${first}] (line ${firstLine}); expected unique ids`, at(['series', i, 'id'])),
    );
  });
  const allowOutside = options.allowOutsideDataFolder === true;
  if (!allowOutside) {
    parsed.data.series.forEach((entry, i) => {
      const where = locateDataFile(path.dirname(file), entry.file);
      if (where.inside) return;
      const message = `series[${i}] (id ${quoteExcerpt(entry.id)}).file: ${quoteExcerpt(entry.file)} ${outsideDataFolderMessage(where.realPath, where.realFolder, ALLOW_OUTSIDE_HOW)}`;
      issues.push(errorIssue('outside-data-folder', file, message, at(['series', i, 'file'])));
    });
  }
  if (issues.length > 0) return failure(issues);
  return success({
    path: file,
    dir: path.dirname(file),
    about: parsed.data.about ?? '',
    synthetic: parsed.data.synthetic ?? false,
    series: parsed.data.series,
    ...(allowOutside ? { allowOutsideDataFolder: true } : {}),
  });
}
