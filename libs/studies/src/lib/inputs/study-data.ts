import type { Catalog } from '@ratecut/data-loader';

/** The data a study runs on, and how a result records it: shared by every study that loads data. */
export interface StudyData {
  readonly catalog: Catalog;
  /** How the catalog was found (`flag`, `env`, `cache`, `sample`), written in the result. */
  readonly origin: string;
  /** The synthetic-sample notice, or null for real data. */
  readonly notice: string | null;
  /** Folder of the facts shipped with ratecut (`data/`: `nber-business-cycles.json`, `easing-cycles.json`). */
  readonly factsDir: string;
}
