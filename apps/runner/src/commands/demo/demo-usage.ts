/** Help text of `ratecut demo` (the README's main command, `npm start`). */
export const DEMO_USAGE = `Usage: ratecut demo [--data <path>] [--allow-outside-data] [--out results/demo]

The whole story in one run, on whatever data resolves (--data, $RATECUT_DATA, the fetch cache, else
the labelled synthetic sample): the Fed easing-cycle table with small vs large returns after
each first cut; a backtest of every built-in strategy across the cycles; Monte Carlo runs of
the insurance-cuts and recession-easing scenarios with the probability that small caps return
at least 20% and beat large caps; and one HTML report that opens with the answer (how often
small beat large after the first cut), then the backtest and the simulations. Files go to
--out, replaced as a whole folder only when every step succeeded (a folder holding other files
is refused); the last lines say where each one went.
`;
