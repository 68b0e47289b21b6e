import * as os from 'node:os';
import * as path from 'node:path';

/** Name of the environment variable that sets ratecut's cache folder (where `ratecut fetch` writes). */
export const CACHE_ENV_VAR = 'RATECUT_CACHE';

/** What {@link cacheDir} reads: the environment, the platform and the home folder (defaults: this process's). */
export interface CacheDirOptions {
  readonly env?: NodeJS.ProcessEnv | Readonly<Record<string, string | undefined>> | undefined;
  readonly platform?: NodeJS.Platform | undefined;
  readonly home?: string | undefined;
  /** Folder a relative `RATECUT_CACHE` is resolved against; default `process.cwd()`. */
  readonly cwd?: string | undefined;
}

/**
 * What is wrong with `RATECUT_CACHE` in `env`, in words, when it is set but blank (such as
 * `RATECUT_CACHE="$UNSET_VAR"`: refused rather than read as "unset"); null otherwise.
 */
export function blankCacheSetting(env: CacheDirOptions['env'] = process.env): string | null {
  const given = (env ?? process.env)[CACHE_ENV_VAR];
  return given !== undefined && given.trim() === '' ? `set but empty; expected the folder ratecut fetch writes to (unset ${CACHE_ENV_VAR} to use the user's cache folder)` : null;
}

/**
 * ratecut's cache folder, where `ratecut fetch` writes and where the data resolution looks for a
 * fetched catalog: `RATECUT_CACHE` when set (resolved against `cwd`), else the
 * user's cache folder by the platform's rules, as env-paths (Sindre Sorhus) gives them:
 * `$XDG_CACHE_HOME/ratecut` when `XDG_CACHE_HOME` is an absolute path, else `~/.cache/ratecut`
 * (Linux and other Unix, the XDG Base Directory rules); `~/Library/Caches/ratecut` (macOS);
 * `%LOCALAPPDATA%\ratecut\Cache` (Windows). A `RATECUT_CACHE` that is set but blank is treated as
 * unset here; callers refuse it first ({@link blankCacheSetting}).
 */
export function cacheDir(options: CacheDirOptions = {}): string {
  const env = options.env ?? process.env, platform = options.platform ?? process.platform, home = options.home ?? os.homedir();
  const given = env[CACHE_ENV_VAR];
  if (given !== undefined && given.trim() !== '') return path.resolve(options.cwd ?? process.cwd(), given);
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'ratecut');
  if (platform === 'win32') return path.join(env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'), 'ratecut', 'Cache');
  const xdg = env['XDG_CACHE_HOME'];
  return xdg !== undefined && path.isAbsolute(xdg) ? path.join(xdg, 'ratecut') : path.join(home, '.cache', 'ratecut');
}
