import { dirname } from 'node:path';
import { shippedFactsFolder } from '@ratecut/data-loader';

/**
 * The folder whose `data/` holds the shipped facts and the synthetic sample: the repository
 * root, or an installed package's root (see `shippedFactsFolder` of @ratecut/data-loader).
 *
 * @throws Error when there is none (a broken installation, not a user mistake).
 */
export function workspaceRoot(): string {
  return dirname(shippedFactsFolder());
}
