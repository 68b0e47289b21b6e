/** Help text of `ratecut fetch` (kept apart so that `--help` loads no network code). */
export const FETCH_USAGE = `Usage: ratecut fetch [options]

Downloads real data from FRED (CSV download), Yahoo Finance (chart API) and the Ken French data
library (zip files) into a cache folder with a catalog.json that every other command reads
(the default folder is picked up automatically). A second run asks only for dates after the last
ones it has and appends them. Files are written all-or-nothing: on any error the cache is unchanged.

Options:
  --out <dir>          cache folder (default: $RATECUT_CACHE, else the user's cache folder:
                       $XDG_CACHE_HOME/ratecut or ~/.cache/ratecut; ~/Library/Caches/ratecut on
                       macOS; %LOCALAPPDATA%\\ratecut\\Cache on Windows)
  --series <list>      comma-separated subset of: rut, gspc, iwm, spy, vix, dff, fed-target, tbill,
                       ff-size, ff-factors (default: all)

Environment:
  RATECUT_CACHE            the cache folder (see --out); read by every command's data lookup too
  RATECUT_FETCH_BASE_URL   send every request to this host instead (mirrors, tests)
`;
