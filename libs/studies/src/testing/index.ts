/**
 * Test helpers of @ratecut/studies (`@ratecut/studies/testing`), kept out of the public API:
 * a small deterministic fixture market written as a catalog.
 */
export * from './fixture-market';
// The result reader's and the runner's tests: a whole ratecut.simulate/1 document.
export { simulateDocument } from './report-documents';
export { startTestRedis, type TestRedis } from './redis-server';
