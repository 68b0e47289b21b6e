import * as fs from 'node:fs';
import { dirname, resolve } from 'node:path';
import { blankCacheSetting, CACHE_ENV_VAR, cacheDir, FETCH_SERIES_KEYS, FetchError, fetchData, type FetchSeriesKey } from '@ratecut/data-loader';
import { UsageError, type CommandIo } from '../../cli/command';
import { FileError, describeFileFailure, isErrnoError, acquireLock } from '@ratecut/studies/output';
import { parseOptions } from '../../cli/parse-options';
import { printError, printNote } from '../../cli/messages';
import { styleOf } from '../../cli/output-style';
import { toJsonText } from '../../cli/json-text';

/** Parses `--series a,b,c`; unknown names are a {@link UsageError}. */
export function parseSeriesOption(text: string | undefined): FetchSeriesKey[] {
  if (text === undefined) return [...FETCH_SERIES_KEYS];
  const wanted = text.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const unknown = wanted.filter((s) => !(FETCH_SERIES_KEYS as readonly string[]).includes(s));
  if (wanted.length === 0 || unknown.length > 0) {
    throw new UsageError(`--series ${JSON.stringify(text)}: expected a comma-separated list of ${FETCH_SERIES_KEYS.join(', ')}`);
  }
  return wanted as FetchSeriesKey[];
}

/** `ratecut fetch`: see fetch-usage.ts. */
export async function fetchCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const o = parseOptions(args, { out: { type: 'string' }, series: { type: 'string' } });
  const series = parseSeriesOption(o.series);
  const blankCache = o.out === undefined ? blankCacheSetting(io.env) : null;
  if (blankCache !== null) throw new UsageError(`${CACHE_ENV_VAR}: ${blankCache}, or pass --out`);
  const outDir = o.out === undefined ? cacheDir({ env: io.env, cwd: io.cwd }) : resolve(io.cwd, o.out);
  const shown = o.out ?? outDir;
  // Before any download: --out must be a folder (or not exist yet), and one fetch at a time.
  try {
    if (!fs.statSync(outDir).isDirectory()) throw new FileError(`--out ${shown} is a file, not a folder; name a folder for the downloaded data`, 2);
  } catch (e) {
    if (e instanceof FileError) throw e;
    if (isErrnoError(e) && e.code === 'ENOTDIR') throw new FileError(`--out ${shown}: a part of the path is a file, not a folder; choose another --out`, 2);
    if (!isErrnoError(e) || e.code !== 'ENOENT') throw e;
  }
  try {
    fs.mkdirSync(dirname(outDir), { recursive: true });
  } catch (e) {
    throw isErrnoError(e) ? new FileError(describeFileFailure(e, dirname(shown), 'create folder')) : e;
  }
  const lock = acquireLock(fs, outDir, shown);
  try {
    const result = await fetchData({
      outDir,
      series,
      env: io.env,
      onProgress: (e) => {
        if (e.phase === 'start') printNote(io, `[${e.index + 1}/${e.total}] ${e.key} ...`);
      },
    });
    if (styleOf(io).json) io.stdout(toJsonText({ command: 'fetch', folder: outDir, catalog: result.catalogPath, files: result.files, series }));
    printNote(io, `wrote ${result.files.length} files and ${result.catalogPath}`);
    return 0;
  } catch (e) {
    if (!(e instanceof FetchError)) throw e;
    printError(io, `error: ${e.message}`);
    printError(io, `nothing was changed in ${outDir}`);
    return 1;
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
