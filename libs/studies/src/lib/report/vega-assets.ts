import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The browser bundles a report inlines, in load order (vega-embed needs the globals `vega` and `vegaLite`). */
export const VEGA_BUNDLES = [
  { name: 'vega', file: 'build/vega.min.js' },
  { name: 'vega-lite', file: 'build/vega-lite.min.js' },
  { name: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

/** A package's version and the text of its browser bundle. */
export interface VegaBundle {
  readonly name: (typeof VEGA_BUNDLES)[number]['name'];
  readonly version: string;
  /** The bundle's text, ready to inline: `</script` (which cannot occur inside an inline script) escaped. */
  readonly script: string;
}

/**
 * The folder of an installed package, found from this library's location: `require.resolve`
 * gives the package's entry (its `exports` hide `package.json` and the build folder), and the
 * folder is the nearest one above it whose `package.json` has the package's name.
 *
 * @throws Error when the package is not installed (a broken installation, not a user mistake).
 */
export function packageFolder(name: string): string {
  const entry = require.resolve(name);
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === name) return dir;
    if (dirname(dir) === dir) throw new Error(`the package folder of ${name} was not found above ${entry}`);
  }
}

/**
 * Reads the Vega, Vega-Lite and vega-embed browser bundles and versions from the packages
 * installed where this library resolves them, in {@link VEGA_BUNDLES} order.
 *
 * @throws Error when a package or bundle is missing (a broken installation).
 */
export function readVegaBundles(): VegaBundle[] {
  return VEGA_BUNDLES.map(({ name, file }) => {
    const dir = packageFolder(name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown };
    // `</script` cannot occur inside an inline script; the bundles contain none, this keeps it so.
    const script = readFileSync(join(dir, file), 'utf8').replace(/<\/script/gi, '<\\/script');
    return { name, version: typeof pkg.version === 'string' ? pkg.version : 'unknown', script };
  });
}
