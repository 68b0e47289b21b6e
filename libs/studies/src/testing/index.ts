/**
 * Test helpers of @ratecut/studies (`@ratecut/studies/testing`), kept out of the public API:
 * a small deterministic fixture market written as a catalog.
 */
export * from './fixture-market';
