/** Help text of `ratecut simulate` (kept apart so that `--help` loads no simulation code). */
export const SIMULATE_USAGE = `Usage: ratecut simulate <scenario> [options]

Monte Carlo distribution of small-cap and large-cap returns over a rate-cut scenario's horizon,
drawn from the easing cycles that resemble it. <scenario> is a built-in name (insurance-cuts,
recession-easing, emergency-cuts, resumption, all-cycles) or a scenario JSON file (see README).

Options:
  --paths <n>             number of paths (default: the scenario's)
  --seed <n>              random seed (default: the scenario's)
  --method <m>            stationary, circular, iid, student-t or rate-sensitivity (default: the scenario's)
  --block <n|auto>        mean block length in rows for the bootstrap (default auto: Politis-White)
  --target leg:+X%        probability that a leg returns at least X% (repeatable; leg = small, large, spread;
                          level +20% or a decimal such as 0.20; a bare 20 is refused as ambiguous)
  --workers <n>           worker threads (default: 1, more only for runs long enough to repay
                          their start-up, at most one per core); results are identical for any count
  --strategy-paths <n>    paths on which all seven built-in strategies are replayed, after the real
                          history before the paths' start (default: every path up to 100,000, the
                          most it takes; fewer if the run would exceed its time limit; 0 = none)
  --shard <k/N>           run only shard k of N of the path blocks (for batch systems) and write their
                          outputs as a partial result to --out (required); merge the N parts with
                          ratecut merge, which writes the files one process writes
  --queue <url>           run the path blocks on \`ratecut worker\` processes through the Redis at
                          redis://host:port[/db] (any number, on any machines), following their
                          progress; writes the files one process writes
  --prefix <name>         key prefix of the queue in Redis (default ratecut), as the workers'
  --out <file.json>       result file (default results/<scenario>.json); side files <name>.*.csv
  --force                 replace existing result files
  --report <file.html>    also write an HTML report of the result (see ratecut report)
  --data <path>           data folder or catalog.json (default: $RATECUT_DATA, the fetch cache, sample)
  --allow-outside-data    read catalog files outside the catalog's folder (refused by default)
`;
