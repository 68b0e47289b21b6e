/** The ratecut version written into outputs; kept equal to the root package.json version by a test. */
export const VERSION = '0.1.0';
