import { join } from 'node:path';
import type { Catalog } from '@ratecut/data-loader';
import type { CommandIo } from './command';
import type { WriteOptions } from '@ratecut/studies/output';

/** Write options for a command: its working folder, `--force`, the files it read, and the file-system seam of `io`. */
export function outputOptions(io: CommandIo, force: boolean, inputs: readonly (string | undefined)[] = []): WriteOptions {
  return { cwd: io.cwd, force, inputs: inputs.filter((i): i is string => i !== undefined), ...(io.fs === undefined ? {} : { fs: io.fs }) };
}

/** The files a run on `catalog` reads: the catalog and each series file (outputs may not replace them). */
export function catalogInputs(catalog: Catalog): string[] {
  return [catalog.path, ...catalog.series.map((s) => join(catalog.dir, s.file))];
}
