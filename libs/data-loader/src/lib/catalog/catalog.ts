import type { CatalogEntry } from './catalog-schema';

/** A loaded, validated data catalog. */
export interface Catalog {
  /** Absolute path of `catalog.json`. */
  readonly path: string;
  /** Absolute folder of `catalog.json`; entry `file`s are relative to it. */
  readonly dir: string;
  /** Free-text description, '' when absent. */
  readonly about: string;
  /** True for the generated sample (`synthetic: true` in the file); copied into every series' meta. */
  readonly synthetic: boolean;
  readonly series: readonly CatalogEntry[];
  /**
   * True when entry files may lie outside `dir` (set by `loadCatalog`'s
   * `allowOutsideDataFolder`); absent or false, `loadSeries` refuses them with
   * `outside-data-folder`.
   */
  readonly allowOutsideDataFolder?: boolean;
}
