/**
 * Metrics per combination in a sweep block's output, in this order (the sweep table's metric
 * columns): total return, CAGR, volatility, Sharpe ratio, maximum drawdown, rebalances.
 */
export const SWEEP_BLOCK_METRICS = 6;
