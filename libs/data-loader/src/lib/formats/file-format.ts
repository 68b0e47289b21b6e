/** File layouts the loader reads. */
export const FILE_FORMATS = ['csv', 'yahoo', 'fred', 'ken-french'] as const;

/**
 * `csv` (plain, named header columns), `yahoo` (Yahoo Finance download), `fred` (FRED
 * download), `ken-french` (Ken French data-library multi-section file).
 */
export type FileFormat = (typeof FILE_FORMATS)[number];
