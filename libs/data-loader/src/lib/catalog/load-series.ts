import * as path from 'node:path';
import { makeSeries, type Series, type SeriesMeta, errorIssue } from '@ratecut/sim-core';
import { findDataColumn, readTableColumns } from '../formats/read-table';
import { realPathOf } from '../source/data-folder';
import type { ColumnObservations } from '../formats/table-observations';
import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import type { Catalog } from './catalog';
import type { CatalogEntry } from './catalog-schema';
import { resolveSeriesId } from './series-id';
import { loadedUnit } from './series-unit';
import { checkUnitPlausibility } from '../validation/unit-plausibility';
import { quoteExcerpt } from '../validation/excerpt';

/** Options of {@link loadSeries} and {@link loadSeriesColumns}. */
export interface LoadSeriesOptions {
  /**
   * Warn (`gap`) when consecutive observations are more than this many calendar days apart.
   * Default by frequency: daily 10, daily-calendar 4, monthly 31 (any missing month), irregular never.
   */
  readonly gapWarningDays?: number;
}

/** Value column of an entry when the id names none, short of reading the file: `value`, else the first of `columns`, else `Adj Close` (yahoo). */
function namedDefaultColumn(entry: CatalogEntry): string | undefined {
  return entry.value ?? entry.columns?.[0] ?? (entry.format === 'yahoo' ? 'Adj Close' : undefined);
}

function toSeries(catalog: Catalog, entry: CatalogEntry, obs: ColumnObservations, id: string): Series {
  const { unit, divisor } = loadedUnit(entry.unit);
  const values = divisor === 1 ? obs.values : obs.values.map((v) => v / divisor);
  const meta: SeriesMeta = {
    id,
    title: id === entry.id && obs.name === entry.value ? entry.title : `${entry.title} [${obs.name}]`,
    kind: entry.kind,
    frequency: entry.frequency,
    unit,
    totalReturn: entry.totalReturn ?? false,
    source: entry.source,
    synthetic: catalog.synthetic,
  };
  return makeSeries(meta, obs.days, values);
}

/** Streams an entry's file (a first pass finds the default column when the entry names none) and builds one series per requested column (`undefined` = the default column, id = entry id). */
function loadEntry(catalog: Catalog, entry: CatalogEntry, columns: readonly (string | undefined)[], options: LoadSeriesOptions): LoadResult<Series[]> {
  const file = path.resolve(catalog.dir, entry.file);
  const confineTo = catalog.allowOutsideDataFolder === true ? undefined : realPathOf(catalog.dir);
  const names: string[] = [];
  for (const c of columns) {
    let name = c ?? namedDefaultColumn(entry);
    if (name === undefined) {
      // No column named: the first column holding numbers, found by a first pass over the file.
      const found = findDataColumn(file, entry, entry.missing, { confineTo });
      if (!found.ok) return found;
      name = found.value.column;
      if (name === undefined) {
        return failure([
          errorIssue('missing-column', file, `entry ${quoteExcerpt(entry.id)} names no value column and no column holds numbers; expected "value" in the catalog`, {
            line: found.value.headerLine,
          }),
        ]);
      }
    }
    names.push(name);
  }
  // The file is streamed: only the dates and the requested columns are kept, as numbers.
  const observed = readTableColumns(file, entry, names, {
    kind: entry.kind,
    frequency: entry.frequency,
    missing: entry.missing,
    gapWarningDays: options.gapWarningDays,
  }, { confineTo });
  if (!observed.ok) return observed;
  if (entry.checkUnits !== false) {
    const { divisor } = loadedUnit(entry.unit);
    const issues = observed.value.flatMap((obs) =>
      checkUnitPlausibility({
        file, kind: entry.kind, frequency: entry.frequency, catalogUnit: entry.unit, divisor,
        columnName: obs.name, column: obs.column, values: obs.values.map((v) => v / divisor), lines: obs.lines,
      }),
    );
    if (issues.length > 0) return failure([...issues, ...observed.warnings]);
  }
  const series = observed.value.map((obs, i) => toSeries(catalog, entry, obs, columns[i] === undefined ? entry.id : `${entry.id}:${obs.name}`));
  return success(series, observed.warnings);
}

/**
 * Loads one series of a catalog. `id` is an entry id (its `value` column, or when it has none
 * the first of its `columns`, `Adj Close` for Yahoo files, else the first column holding
 * numbers) or `<entryId>:<column>` for any other column of the file (`fed-target:target_lower_pct`,
 * `ff-size-original:Lo 10`).
 *
 * The loaded series follows sim-core's conventions: days are day numbers, strictly increasing;
 * monthly series are labelled with the last calendar day of their month; missing observations
 * (empty cell, FRED `.`, Yahoo `null`, Ken French -99.99 and -999, the entry's `missing`
 * strings) are dropped; values in a unit starting with `percent` are divided by 100 and the
 * unit renamed `decimal...` (`percent per year` becomes `decimal per year`, `percent per month`
 * becomes `decimal per month`), other units are unchanged; `meta.synthetic` is the catalog's
 * `synthetic` flag and `meta.totalReturn` defaults to false.
 *
 * Every problem in the file is reported (see `tableObservations`): errors give `{ok: false}`,
 * gap warnings come with the value. Values implausible for the entry's kind and unit (decimals
 * labelled percent and the reverse, see `checkUnitPlausibility`) give `implausible-unit`
 * unless the entry says `"checkUnits": false`. A file outside the catalog's folder gives
 * `outside-data-folder` unless the catalog allows it. An unknown id gives `unknown-series`.
 */
export function loadSeries(catalog: Catalog, id: string, options: LoadSeriesOptions = {}): LoadResult<Series> {
  const ref = resolveSeriesId(catalog, id);
  if (!ref.ok) return ref;
  const loaded = loadEntry(catalog, ref.value.entry, [ref.value.column], options);
  if (!loaded.ok) return loaded;
  return success(loaded.value[0], loaded.warnings);
}

/**
 * Loads several columns of one catalog entry, reading its file once; series `i` is column
 * `columns[i]`, with id `<entryId>:<column>`. Same conventions and issues as {@link loadSeries};
 * a column missing from the file fails the whole load with `missing-column`.
 */
export function loadSeriesColumns(catalog: Catalog, entryId: string, columns: readonly string[], options: LoadSeriesOptions = {}): LoadResult<Series[]> {
  const ref = resolveSeriesId(catalog, entryId);
  if (!ref.ok) return ref;
  if (ref.value.column !== undefined) {
    return failure([errorIssue('unknown-series', catalog.path, `expected an entry id without a column, found ${quoteExcerpt(entryId)}`)]);
  }
  return loadEntry(catalog, ref.value.entry, columns, options);
}
