/**
 * Test helpers of @ratecut/data-loader (`@ratecut/data-loader/testing`), kept out of the public
 * API: the real-data folder, temporary fixture folders and hand-made series.
 */
export * from './real-data-dir';
export * from './temp-files';
export * from './test-series';
export * from './real-rut-gspc';
