/** Help text of `ratecut now` (kept apart so that `--help` loads no study code). */
export const NOW_USAGE = `Usage: ratecut now [--cycle <id>] [--step <n>] [--pair rut-gspc] [--horizon 12m] [--target small:+20% ...] [options]

Where does the current easing cycle stand against history, and how likely is the strategists'
claim? The current cycle (the latest in the data, or --cycle) at its latest step (trading days
since the close before its first cut): small and large returns so far, every past cycle at the
same step, the rank of today's small - large spread among theirs, the nearest analogs (path so
far plus recession, resumption and the easing so far in bp), and a forecast of the next --horizon from what
followed the same step in those analogs (a joint stationary bootstrap), with the probability of
each --target. The same forecast is made for every past cycle from its own analogs and checked
against what happened (interval coverage and Brier scores), so you can see how far to trust it.

Options:
  --cycle <id>           the cycle to place, e.g. 2019-08 (default: the latest with data)
  --step <n>             place it n rows after its base close (default: the data's last row), to
                         see what the command said at that point of a past cycle
  --pair <id>            rut-gspc (default), iwm-spy or ff-size
  --horizon <n>m         months ahead from the data's last close (default 12m), 1 to 60
  --target leg:+X%       probability that a leg returns at least X% over the horizon (repeatable;
                         default: the strategists' claim small:+20% large:+11% spread:+9%)
  --analogs <n>          nearest past cycles a forecast draws from, 1 to 30 (default 6)
  --paths <n>            paths per forecast, 1,000 to 1,000,000 (default 20000)
  --seed <n>             seed, 0 to 2^32-1 (default 1): the same seed gives the same numbers
  --today <YYYY-MM-DD>   the date the data's age is told against (default: today's date)
  --workers <n>          worker threads, one forecast per block (default 1); same numbers for any count
  --out <file.json>      also write the document (schema ratecut.now/1), atomically
  --report <file.html>   also write an HTML report of the document (see ratecut report), in the
                         same set of files as --out (all or nothing), or alone without --out
  --force                replace --out if it exists
  --data <path>          data folder or catalog.json (default: $RATECUT_DATA, the fetch cache, sample)
  --allow-outside-data   read catalog files outside the catalog's folder (refused by default)
`;
