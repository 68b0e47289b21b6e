/**
 * @ratecut/sim-core/monte-carlo: the path simulators alone (bootstrap, Student-t,
 * rate-sensitivity) and their random streams, a small entry point for worker threads that
 * need nothing else of the core. Everything here is also exported by the main entry point.
 */
export * from './lib/random/xoshiro128';
export * from './lib/monte-carlo/path-outcomes';
export * from './lib/monte-carlo/joint-source';
export * from './lib/monte-carlo/bootstrap';
export * from './lib/monte-carlo/student-t-simulate';
export * from './lib/estimation/rate-sensitivity-fit';
export * from './lib/monte-carlo/rate-sensitivity';
export type { StudentTFit, StudentTParameters } from './lib/estimation/student-t-fit';
