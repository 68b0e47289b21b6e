/** Help text of `ratecut compare` (kept apart so that `--help` loads no comparison code). */
export const COMPARE_USAGE = `Usage: ratecut compare <a.json> <b.json> [more.json ...] [options]

Validates ratecut result files (backtest or simulate), checks that they are comparable (same
data hashes, periods, cycles, anchor convention, cycle rule) and compares them side by side:
headline metrics, per-cycle differences, a paired stationary-bootstrap confidence interval for
the difference in Sharpe ratio and annual return (backtests), differences in percentiles and
probabilities (simulations), and the deflated Sharpe ratio (Bailey and Lopez de Prado, 2014)
when more than two strategies, or a sweep table, are compared.

Options:
  --force                 compare even when the files are not comparable (differences printed
                          first), and overwrite --out or --report if it exists
  --format <fmt>          table (default), csv or json
  --out <file>            write to a file (atomically) instead of stdout (--format json writes the
                          ratecut.compare/1 document that ratecut report reads)
  --report <file.html>    also write the HTML report of the comparison (A minus B per cycle, how
                          often A beat B, the bootstrap intervals and the deflated Sharpe ratio in
                          words), in the same set as --out (all or nothing); alone, the report is
                          written and the comparison printed
  --seed <n>              seed of the bootstrap confidence intervals (default 1)
  --resamples <n>         bootstrap resamples (default 2000)
`;
