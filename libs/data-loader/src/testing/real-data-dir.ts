import * as path from 'node:path';

/**
 * Folder of the real historical data for tests: `RATECUT_DATA` when set, else `shared/data`
 * beside the repository (`<repo>/../shared/data`). Tests read the data there and never copy it
 * into the repository; they skip when the folder is absent.
 */
export function realDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['RATECUT_DATA'];
  return fromEnv !== undefined && fromEnv !== '' ? path.resolve(fromEnv) : path.resolve(__dirname, '../../../../../shared/data');
}
