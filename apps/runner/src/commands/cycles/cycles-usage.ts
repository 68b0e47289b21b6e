/** Help text of `ratecut cycles` (kept apart so that `--help` loads no data code). */
export const CYCLES_USAGE = `Usage: ratecut cycles [options]

Detects Fed easing cycles in the policy-rate history and prints, for each cycle, small-cap vs
large-cap returns after the first cut at 3, 6, 12 and 24 months (63, 126, 252 and 504 trading
days; 3, 6, 12, 24 months for the monthly Fama-French pair), with mean, median and the share of
cycles in which small beat large, for all, recession and non-recession cycles.

Options:
  --data <path>          data folder or catalog.json (default: $RATECUT_DATA, the fetch cache, sample)
  --allow-outside-data   read catalog files outside the catalog's folder (refused by default)
  --format <fmt>         table (default), csv or json
  --out <file>           write to a file (atomically) instead of stdout
  --report <file.html>   also write the HTML report of the cycles (per-cycle bars of small minus
                         large at each horizon, the count of cycles small won, the mean with a
                         bootstrap interval), in the same set as --out (all or nothing); alone,
                         the report is written and the table printed
  --force                overwrite --out or --report if it exists
  --min-move-bp <n>      ignore policy moves smaller than n bp (default 25)
  --pause-months <n>     a pause of n months without a cut ends a cycle (default 4)
  --recession-months <k> recession cycle if an NBER peak is within k months of the first cut (default 12)
  --since <YYYY-MM-DD>   only cycles whose first cut is on or after this date (a date after the
                         policy-rate data is an error; no cycle since a date inside it is a warning)
  --count <how>          episodes (default): a resumption within 24 months of its episode's first
                         cut joins that episode, counted once; first-cuts: every cycle counts
`;
