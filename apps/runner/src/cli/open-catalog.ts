import { loadCatalog, resolveDataSource, type Catalog } from '@ratecut/data-loader';
import { UsageError, type CommandIo } from './command';
import { workspaceRoot } from './workspace-root';
import { printIssues } from './messages';
import { statusLine } from './progress-bar';

/** The catalog a command runs on, and how it was found. */
export interface OpenedCatalog {
  readonly catalog: Catalog;
  readonly origin: 'flag' | 'env' | 'cache' | 'sample';
  /** First line of every output made from synthetic data; null for real data. */
  readonly syntheticNotice: string | null;
}

export const SYNTHETIC_NOTICE =
  'SYNTHETIC SAMPLE: generated data, not market history. Point --data or RATECUT_DATA at real data (see README).';

/** Options of {@link openCatalog}. */
export interface OpenCatalogOptions {
  /** `--allow-outside-data`: accept catalog entries whose files lie outside the catalog's folder. */
  readonly allowOutsideData?: boolean | undefined;
}

/**
 * Resolves `--data`, RATECUT_DATA, the fetch cache or the sample, and loads its catalog; null
 * after printing why not. An empty `--data` or a set-but-empty RATECUT_DATA is a
 * {@link UsageError} (exit 2). Entry files outside the catalog's folder are refused unless
 * `options.allowOutsideData`.
 */
export function openCatalog(io: CommandIo, flag: string | undefined, options: OpenCatalogOptions = {}): OpenedCatalog | null {
  const resolved = resolveDataSource({ ...(flag === undefined ? {} : { flag }), env: io.env, cwd: io.cwd, workspaceRoot: workspaceRoot() });
  if (!resolved.ok) {
    const badOption = resolved.issues.find((i) => i.code === 'bad-option');
    if (badOption) throw new UsageError(`${badOption.file}: ${badOption.message}`);
    printIssues(io, resolved.issues);
    return null;
  }
  const loaded = loadCatalog(resolved.value.catalogPath, { allowOutsideDataFolder: options.allowOutsideData === true });
  if (!loaded.ok) {
    printIssues(io, loaded.issues);
    return null;
  }
  const synthetic = loaded.value.synthetic || resolved.value.synthetic;
  if (synthetic) io.stderr(`${SYNTHETIC_NOTICE}\n`);
  return { catalog: loaded.value, origin: resolved.value.origin, syntheticNotice: synthetic ? SYNTHETIC_NOTICE : null };
}

/**
 * Runs `plan` (which reads the catalog's series) with `loading data from <folder> ...` shown on
 * a terminal meanwhile, erased when it returns.
 */
export function whileLoading<T>(io: CommandIo, catalog: Catalog, plan: () => T): T {
  const status = statusLine(io, `loading data from ${catalog.dir} ...`);
  try {
    return plan();
  } finally {
    status.done();
  }
}
