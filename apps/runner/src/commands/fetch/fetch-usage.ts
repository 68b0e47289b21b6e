/** Help text of `ratecut fetch` (kept apart so that `--help` loads no network code). */
export const FETCH_USAGE = `Usage: ratecut fetch [options]

Downloads real data from FRED (CSV download), Yahoo Finance (chart API) and the Ken French data
library (zip files) into a cache folder with a catalog.json that every other command reads
(data/cache is picked up automatically). A second run asks only for dates after the last ones
it has and appends them. Files are written all-or-nothing: on any error the cache is unchanged.

Options:
  --out <dir>          cache folder (default: data/cache in the workspace)
  --series <list>      comma-separated subset of: rut, gspc, iwm, spy, vix, dff, fed-target, tbill,
                       ff-size, ff-factors (default: all)

Environment:
  RATECUT_FETCH_BASE_URL   send every request to this host instead (mirrors, tests)
`;
