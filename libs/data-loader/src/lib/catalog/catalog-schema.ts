import { z } from 'zod';
import { DATE_FORMATS } from '../formats/date-format';
import { FILE_FORMATS } from '../formats/file-format';

/** `YYYY-MM` or `YYYY-MM-DD`, as written in the catalog's `first` and `last`. */
const catalogDate = z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'expected a date as YYYY-MM or YYYY-MM-DD');

/**
 * One series file in a data catalog. Unknown keys (future fields such as `sha256` or
 * `fetchedAt`) are kept. Rules beyond the field types: `csv` entries must name their `date`
 * column; ids may not contain `:` (it separates an entry id from a column name in series ids).
 */
export const catalogEntrySchema = z
  .looseObject({
    /** Unique id, e.g. `rut`; `<id>:<column>` then names one column of the file. */
    id: z.string().min(1).regex(/^[^:]+$/, "must not contain ':' (it separates an entry id from a column name)"),
    title: z.string(),
    /** Path of the data file relative to the catalog file's folder. */
    file: z.string().min(1),
    format: z.enum(FILE_FORMATS),
    /** Date column name (csv; yahoo and fred fix their own). */
    date: z.string().min(1).optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    /** Default value column. */
    value: z.string().min(1).optional(),
    /** Other value columns worth knowing about (any header column can be requested). */
    columns: z.array(z.string().min(1)).optional(),
    kind: z.enum(['price', 'return', 'rate', 'level', 'events']),
    /** True when prices include reinvested distributions. */
    totalReturn: z.boolean().optional(),
    frequency: z.enum(['daily', 'daily-calendar', 'monthly', 'irregular']),
    /** Unit of the values in the file, e.g. `percent per year`, `index points`. */
    unit: z.string().min(1),
    /**
     * False to skip the check that values are plausible for `kind` and `unit` (see
     * `checkUnitPlausibility`), e.g. for a rate file lying wholly inside a zero-rate period.
     * Default true.
     */
    checkUnits: z.boolean().optional(),
    /** First and last date of the data, YYYY-MM or YYYY-MM-DD. */
    first: catalogDate.optional(),
    last: catalogDate.optional(),
    source: z.string(),
    caveat: z.string().optional(),
    /** Cell texts meaning "no observation" besides the format's own. */
    missing: z.array(z.string()).optional(),
    /** Title of the Ken French section to read. */
    section: z.string().min(1).optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.format === 'csv' && entry.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: "missing; format 'csv' needs the name of its date column" });
    }
  });

/** The JSON document `catalog.json`: `{catalog: 1, about?, synthetic?, series: [...]}`, unknown keys kept. */
export const catalogFileSchema = z.looseObject({
  /** Format version; only 1 exists. */
  catalog: z.literal(1),
  about: z.string().optional(),
  /** True for the generated sample catalog: every result built on it must be labelled SYNTHETIC SAMPLE. */
  synthetic: z.boolean().optional(),
  series: z.array(catalogEntrySchema),
});

/** One catalog entry, derived from {@link catalogEntrySchema}. */
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** The parsed `catalog.json` document, derived from {@link catalogFileSchema}. */
export type CatalogFile = z.infer<typeof catalogFileSchema>;
