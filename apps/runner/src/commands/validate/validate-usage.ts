/** Help text of `ratecut validate` (kept apart so that `--help` loads no study code). */
export const VALIDATE_USAGE = `Usage: ratecut validate event [options]
       ratecut validate spa <backtest.json> [--resamples 2000] [--block auto|<days>] [--seed 1] [--out FILE] [--report FILE]
       ratecut validate spa --strategy <built-in> --sweep name=a..b[:step] ... [backtest settings] [options]
       ratecut validate loco [--strategy <built-in> [--sweep name=a..b[:step] ...]] [--objective mean-excess|sharpe]
       ratecut validate walk-forward [...as loco] [--min-train 3]
       ratecut validate calibration [scenario ...] [--paths 10000] [--method <kind>]

Is the small-cap edge after a first cut real? validate event is the event study of first cuts:
for each pair (rut-gspc, iwm-spy, ff-size) and horizon (3, 6, 12 and 24 months), the small
minus large spread after each counted first cut (anchored as ratecut cycles anchors it), its
mean and median with bootstrap intervals that resample the cycles (the independent units), a
placebo test of the mean against random dates away from every first cut, and the spread from
any date (the baseline), for all, recession, non-recession and resumption cycles and for the
cycles each built-in scenario draws from (emergency-cuts, insurance-cuts, recession-easing).

Options:
  --resamples <n>        bootstrap resamples of the cycles, 100 to 1,000,000 (default 10000)
  --placebos <n>         placebo draws, 100 to 1,000,000 (default 10000)
  --seed <n>             seed, 0 to 2^32-1 (default 1): the same seed gives the same numbers
  --confidence <x>       two-sided interval level, 0.5 to 0.999 (default 0.95)
  --exclude-months <n>   placebo dates lie more than n calendar months from every detected first
                         cut, 0 to 24 (default 6)
  --anchor <which>       the close a spread starts from: effective (default: the close before the
                         first cut's effective date, as ratecut cycles), announcement (the close
                         before the FOMC announced it) or cut-day (the close of the announcement
                         day, with the market's reaction); announcement dates exist from 1994
  --count <how>          episodes (default) or first-cuts, as in ratecut cycles
  --min-move-bp <n>      the cycle rule, as in ratecut cycles (default 25)
  --pause-months <n>     (default 4)
  --recession-months <k> (default 12)
  --workers <n>          worker threads, one pair each, 1 to 64 (default 1); same numbers for any count
  --out <file.json>      also write the document (schema ratecut.event-study/1), atomically
  --report <file.html>   also write an HTML report of the document (see ratecut report), in the
                         same set of files as --out (all or nothing), or alone without --out;
                         every test below takes it too
  --force                replace --out if it exists
  --data <path>          data folder or catalog.json (default: $RATECUT_DATA, the fetch cache, sample)
  --allow-outside-data   read catalog files outside the catalog's folder (refused by default)

validate spa tests data snooping over the strategies of a backtest result (ratecut backtest
--out), or over every combination of a sweep (the --strategy, --sweep, --param, --pair, --cash,
--lag, --cost-bps, --slippage-bps and --benchmark of ratecut backtest), against the benchmark: White's Reality Check (2000) and Hansen's SPA test (2005), from
the daily excess returns of the full history, with the stationary bootstrap (Politis and Romano,
1994). A small p says the best strategy's edge is unlikely to be the luck of trying them all.
  --resamples <n>        bootstrap resamples, 100 to 1,000,000 (default 2000)
  --block <auto|n>       mean block length in days (default auto: Politis-White estimates)
  --workers <n>          with --sweep: worker threads for its blocks of combinations (default 1)
  --seed, --out, --report, --force, --data as above

validate loco (leave-one-cycle-out) and validate walk-forward choose a strategy's parameters on
some easing cycles and test the choice on one it did not see: loco holds each counted cycle out
in turn and chooses on all the others; walk-forward chooses on the cycles before each one. Every
combination of the --sweep grid (else the built-in's default grid; without --strategy, every
built-in with one) runs over each counted cycle's window, as ratecut backtest replays it (the
--pair, --cash, --lag, --cost-bps, --slippage-bps, --benchmark, --cycles, --count, --window and
--anchor of ratecut backtest). The table puts each cycle's out-of-sample excess next to the
in-sample figures a table without validation would show.
  --objective <which>    what the choice maximises over the training cycles: mean-excess (default,
                         the mean excess total return over the benchmark) or sharpe (the Sharpe
                         ratio over cash of their days pooled)
  --min-train <n>        walk-forward: cycles that only train before the first test (default 3)
  --workers <n>          worker threads for the blocks of combinations (default 1); same numbers
  --out <file.json>      with --strategy: also write the document (schema ratecut.out-of-sample/1)
  --report <file.html>   with --strategy: also write its HTML report

validate calibration tests the scenario simulator: for each scenario (every built-in when none is
named) and each of its analog cycles with a realized year, the scenario is simulated from the
other analogs only, and the realized small, large and small - large returns are placed in the
simulated distributions (the probability integral transform, PIT). A calibrated simulator puts
half the cycles inside its 50% interval and 90% inside its 90% interval.
  --paths <n>            paths per held-out cycle, 100 to 1,000,000 (default 10000)
  --method <kind>        simulate with another method: stationary, circular, iid, student-t,
                         rate-sensitivity (default: each scenario's own)
  --workers <n>          worker threads, one held-out cycle per block (default 1); same numbers
  --out <file.json>      also write the document (schema ratecut.calibration/1)

Reading it: an interval that excludes 0 says the mean (or median) spread after a first cut is
not 0 with that confidence, given these cycles; the placebo p-value says how often random dates
give a mean as far out (two-sided); "any date" is what the spread looks like without a cut.
`;
