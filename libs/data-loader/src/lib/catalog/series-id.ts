import { errorIssue } from '@ratecut/sim-core';
import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import type { Catalog } from './catalog';
import type { CatalogEntry } from './catalog-schema';
import { quoteExcerpt } from '../validation/excerpt';

/** A series id split into its catalog entry and, for `<entryId>:<column>`, its column. */
export interface SeriesRef {
  readonly entry: CatalogEntry;
  /** Column named after the first `:` of the id, or `undefined` for the entry's default column. */
  readonly column: string | undefined;
}

/** The `unknown-series` error for `id`, listing the catalog's ids. */
function unknownSeries(catalog: Catalog, id: string, what: string) {
  const ids = catalog.series.map((e) => e.id).join(', ');
  const example = catalog.series.find((e) => e.columns !== undefined && e.columns.length > 0);
  const hint = example?.columns !== undefined ? `, e.g. "${example.id}:${example.columns[0]}"` : '';
  return failure<SeriesRef>([
    errorIssue('unknown-series', catalog.path, `${what} ${quoteExcerpt(id)}; known ids: ${ids} (one column of an entry is "<id>:<column>"${hint})`),
  ]);
}

/**
 * Finds the catalog entry of a series id. `rut` names the entry `rut` (its default column);
 * `ff-size-vw:Hi10` names column `Hi10` of entry `ff-size-vw` (split at the first `:`, so column
 * names may contain `:` and spaces, as in `ff-size-original:Lo 10`). An id matching no entry
 * gives `unknown-series` (located at the catalog file) listing the known ids.
 */
export function resolveSeriesId(catalog: Catalog, id: string): LoadResult<SeriesRef> {
  const colon = id.indexOf(':');
  const entryId = colon < 0 ? id : id.slice(0, colon);
  const column = colon < 0 ? undefined : id.slice(colon + 1);
  const entry = catalog.series.find((e) => e.id === entryId);
  if (entry === undefined) return unknownSeries(catalog, id, 'unknown series');
  if (column === '') return unknownSeries(catalog, id, 'empty column name in series id');
  return success({ entry, column });
}
