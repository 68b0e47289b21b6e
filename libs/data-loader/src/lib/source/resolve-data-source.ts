import { errorIssue } from '@ratecut/sim-core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import { blankCacheSetting, CACHE_ENV_VAR, cacheDir } from './cache-dir';

/** Name of the environment variable that points at a data folder or catalog file. */
export const DATA_ENV_VAR = 'RATECUT_DATA';

/** Where a catalog was found: the `--data` flag, `RATECUT_DATA`, the fetch cache, or the bundled synthetic sample. */
export type DataSourceOrigin = 'flag' | 'env' | 'cache' | 'sample';

/** The catalog a run will use. */
export interface DataSource {
  /** Absolute path of the catalog file. */
  readonly catalogPath: string;
  readonly origin: DataSourceOrigin;
  /**
   * True for the bundled sample, or for any catalog whose top level says `"synthetic": true`
   * (read here without validating the rest; `loadCatalog` does that).
   */
  readonly synthetic: boolean;
}

/** A data source, or a `missing-file` issue saying which path was not found, or `bad-option` for an empty setting. */
export type ResolvedDataSource = LoadResult<DataSource>;

/** Inputs of {@link resolveDataSource}. */
export interface DataSourceOptions {
  /** Value of `--data`: a data folder (holding `catalog.json`) or a catalog file. */
  readonly flag?: string | undefined;
  /** Environment to read `RATECUT_DATA` from; default `process.env`. Set but empty (or blank) is a `bad-option` error. */
  readonly env?: NodeJS.ProcessEnv | Readonly<Record<string, string | undefined>> | undefined;
  /** Folder that relative flag and environment paths are resolved against; default `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** The package or workspace root holding `data/sample/catalog.json`, the bundled synthetic sample. */
  readonly workspaceRoot: string;
  /** The cache folder whose `catalog.json` (written by `ratecut fetch`) is used at step 3; default {@link cacheDir} of `env`. */
  readonly cacheDir?: string | undefined;
}

function isFile(p: string): boolean {
  return fs.existsSync(p) && fs.statSync(p).isFile();
}

function topLevelSynthetic(catalogPath: string): boolean {
  try {
    const doc: unknown = JSON.parse(fs.readFileSync(catalogPath, 'utf8').replace(/^\ufeff/, ''));
    return typeof doc === 'object' && doc !== null && (doc as { synthetic?: unknown }).synthetic === true;
  } catch {
    return false;
  }
}

/** Resolves a user-given folder or catalog path; a folder must hold `catalog.json`. */
function userPath(given: string, cwd: string, origin: 'flag' | 'env'): ResolvedDataSource {
  const what = origin === 'flag' ? '--data' : DATA_ENV_VAR;
  const resolved = path.resolve(cwd, given);
  if (!fs.existsSync(resolved)) {
    return failure([errorIssue('missing-file', resolved, `${what} points at a path that does not exist; expected a data folder holding catalog.json, or a catalog.json file`)]);
  }
  const catalogPath = fs.statSync(resolved).isDirectory() ? path.join(resolved, 'catalog.json') : resolved;
  if (!isFile(catalogPath)) {
    return failure([errorIssue('missing-file', catalogPath, `${what} names a folder without catalog.json; expected a data folder holding catalog.json`)]);
  }
  return success({ catalogPath, origin, synthetic: topLevelSynthetic(catalogPath) });
}

/**
 * Chooses the data catalog, first match wins:
 * 1. `flag` (the `--data` option): a folder or a catalog file;
 * 2. the `RATECUT_DATA` environment variable, same forms;
 * 3. `catalog.json` in the cache folder (data fetched earlier; `cacheDir`: `RATECUT_CACHE`, else
 *    the user's cache folder), if it exists;
 * 4. `<workspaceRoot>/data/sample/catalog.json`, the bundled synthetic sample (always `synthetic`).
 * A flag or environment path that does not exist is an error (`missing-file`), never a silent
 * fall-back to a later choice; so is a workspace with neither cache nor sample. An empty or
 * blank `--data`, or a `RATECUT_DATA` or `RATECUT_CACHE` that is set but empty, is a `bad-option` error (the CLI
 * exits 2): falling back to the synthetic sample there would hide a typo such as
 * `--data "$UNSET_VAR"`. Never throws.
 */
export function resolveDataSource(opts: DataSourceOptions): ResolvedDataSource {
  const cwd = opts.cwd ?? process.cwd();
  if (opts.flag !== undefined) {
    if (opts.flag.trim() === '') {
      return failure([errorIssue('bad-option', '--data', 'an empty path; expected a data folder holding catalog.json, or a catalog.json file (leave --data out to use the default)')]);
    }
    return userPath(opts.flag, cwd, 'flag');
  }
  const fromEnv = (opts.env ?? process.env)[DATA_ENV_VAR];
  if (fromEnv !== undefined) {
    if (fromEnv.trim() === '') {
      return failure([
        errorIssue('bad-option', DATA_ENV_VAR, `set but empty; expected a data folder holding catalog.json, or a catalog.json file (unset ${DATA_ENV_VAR} to use the default)`),
      ]);
    }
    return userPath(fromEnv, cwd, 'env');
  }
  const env = opts.env ?? process.env, blankCache = opts.cacheDir === undefined ? blankCacheSetting(env) : null;
  if (blankCache !== null) return failure([errorIssue('bad-option', CACHE_ENV_VAR, blankCache)]);
  const cache = path.join(opts.cacheDir ?? cacheDir({ env, cwd }), 'catalog.json');
  if (isFile(cache)) return success({ catalogPath: cache, origin: 'cache', synthetic: topLevelSynthetic(cache) });
  const sample = path.resolve(opts.workspaceRoot, 'data', 'sample', 'catalog.json');
  if (isFile(sample)) return success({ catalogPath: sample, origin: 'sample', synthetic: true });
  return failure([
    errorIssue('missing-file', sample, `no data found: expected --data <folder>, ${DATA_ENV_VAR}, ${cache} or the bundled sample at this path`),
  ]);
}
