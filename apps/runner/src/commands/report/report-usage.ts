/** Help text of `ratecut report` (kept apart so that `--help` loads no report code). */
export const REPORT_USAGE = `Usage: ratecut report <result files...> --out report.html [--force]

Writes one self-contained HTML file (no network needed to view it) with charts of result files,
in the order given, each answering its question first. For ratecut cycles (--format json), the
bars of small minus large after each first cut at every horizon with how many cycles small won
and the mean with a bootstrap interval; for ratecut compare (--format json), A minus B per cycle,
how often A beat B, the bootstrap intervals and the deflated Sharpe ratio in words; for backtest and
simulate result files: equity curves per cycle rebased at the first cut (small, large and each
strategy), the per-cycle table, a drawdown chart, and for simulations the fan chart and the
histogram of horizon returns with the targets and their probabilities marked; for validate
results, the event study's tables and placebo distributions (validate event), the in- vs
out-of-sample excess per cycle (validate loco, walk-forward) and the calibration plot (validate
calibration); for ratecut now, the current cycle over every past one with the band of its
analogs' continuations and the probability table; for validate spa, the strategies' excess with
the best marked and the Reality Check, SPA and deflated Sharpe verdict; for a sweep table (the
CSV of ratecut backtest --sweep), the heatmap of the mean excess over the benchmark (or the
Sharpe ratio) over two parameters with the best marked and its deflated Sharpe ratio. Charts are
Vega-Lite specifications rendered by the Vega runtime inlined into the file.

Options:
  --out <file.html>       the report file (required)
  --force                 replace an existing file (never one of the result files read)
`;
