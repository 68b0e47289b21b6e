/** Help text of `ratecut backtest` (kept apart so that `--help` loads no engine code). */
export const BACKTEST_USAGE = `Usage: ratecut backtest [options]

Replays small/large rotation strategies over the whole history and over a window around each
Fed easing cycle, against a benchmark, with explicit execution timing, costs and cash yield.
Writes a versioned JSON result file plus CSV side files, and prints a summary.

Options:
  --strategy <name|all>   a built-in strategy (repeatable); 'all' runs every built-in (default all)
  --param k=v             a parameter of the chosen strategy (repeatable), e.g. --param k=6
  --config <file.json>    strategies and settings from a JSON file (see README); flags override it
  --pair <id>             rut-gspc (price, daily, default), iwm-spy (total return, daily), ff-size (monthly)
  --cash <src>            fedfunds (DFF, default) or tbill (DTB3) for idle cash and the Sharpe ratio;
                          before them TB3MS (tbill) and the Fama-French RF, as the result file states
  --cycles <all|ids>      all (default) or comma-separated cycle ids, e.g. 2001-01,2007-09 (an id not
                          covered by the run is a warning; none covered is an error)
  --count <how>           episodes (default: a resumption inside its episode's window joins it and the
                          episode counts once) or first-cuts (every cycle counts) in the aggregates
  --window=-Bm..Am        months before and after the anchor cut (default --window=-3m..24m)
  --anchor <first|last>   anchor the window at the first (default) or last cut of each cycle
  --lag <n>               rows between decision and trade (default 1: decide at close t, trade at close t+1)
  --cost-bps <x>          commission, bp of traded value, 0 to 1000 (default 5)
  --slippage-bps <x>      slippage, bp of traded value, 0 to 1000 (default 5)
  --benchmark <name>      benchmark strategy (default buy-hold-large)
  --sweep name=a..b[:step]  sweep a numeric parameter of the --strategy built-in over a..b (repeatable:
                          several make a grid), e.g. --sweep k=1..24 --sweep threshold=0..0.049:0.001
  --workers <n>           with --sweep: worker threads for its blocks of combinations (default 1;
                          each takes a few seconds to start, so it pays for long sweeps only);
                          results are identical for any count
  --shard <k/N>           with --sweep: run only shard k of N of its blocks (for batch systems) and
                          write their outputs as a partial result to --out (required); merge the N
                          parts with ratecut merge, which writes the table one process writes
  --queue <url>           with --sweep: run its blocks on \`ratecut worker\` processes through the
                          Redis at redis://host:port[/db]; writes the table one process writes
  --prefix <name>         key prefix of the queue in Redis (default ratecut), as the workers'
  --out <file.json>       result file (default results/backtest.json); side files <name>.*.csv
  --force                 replace existing result files
  --report <file.html>    also write an HTML report of the result (see ratecut report)
                          (with --sweep: the sweep's heatmap and its deflated Sharpe ratio)
  --data <path>           data folder or catalog.json (default: $RATECUT_DATA, the fetch cache, sample)
  --allow-outside-data    read catalog files outside the catalog's folder (refused by default)

Built-in strategies: buy-hold-small, buy-hold-large, static-mix (small=0.5), cut-trigger
(holdMonths=12, minMoveBp, pauseMonths), relative-momentum (k=6 months, threshold=0.01),
trend-filter (indicator=sma|ema|rsi|macd, fast=50, slow=200, signal=9: periods such as
200d, 10m or 2y, plain numbers = trading days), rate-regime (dropBp=50, months=6,
otherwise=large|cash).

A trade is one asset bought or sold; a rebalance is one close with trades (a switch is one
rebalance, two trades). The benchmark is not compared with itself (n/a).
`;
