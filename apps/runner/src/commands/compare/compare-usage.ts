/** Help text of `ratecut compare` (kept apart so that `--help` loads no comparison code). */
export const COMPARE_USAGE = `Usage: ratecut compare <a.json> <b.json> [more.json ...] [options]

Validates ratecut result files (backtest or simulate), checks that they are comparable (same
data hashes, periods, cycles, anchor convention, cycle rule) and compares them side by side:
headline metrics, per-cycle differences, a paired stationary-bootstrap confidence interval for
the difference in Sharpe ratio and annual return (backtests), differences in percentiles and
probabilities (simulations), and the deflated Sharpe ratio (Bailey and Lopez de Prado, 2014)
when more than two strategies, or a sweep table, are compared.

Options:
  --force                 compare even when the files are not comparable (differences printed first)
  --format <fmt>          table (default), csv or json
  --out <file>            write to a file (atomically) instead of stdout
  --seed <n>              seed of the bootstrap confidence intervals (default 1)
  --resamples <n>         bootstrap resamples (default 2000)
`;
