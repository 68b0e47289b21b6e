/**
 * @ratecut/sim-core: the pure simulation core. Domain types, calendar arithmetic on day
 * numbers, Fed easing-cycle detection and post-cut return tables. No file or network I/O.
 */
export * from './lib/time/day-number';
export * from './lib/series/series';
