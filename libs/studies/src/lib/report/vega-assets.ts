import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';

/**
 * The browser bundle a report inlines: the Vega runtime alone. The charts are compiled from
 * Vega-Lite to Vega when the page is built (see `compile-charts.ts`), so neither Vega-Lite nor
 * vega-embed goes into the page.
 */
export const VEGA_RUNTIME = { name: 'vega', file: 'build/vega.min.js' } as const;

/** The Vega-Lite bundle that compiles the charts in Node (never inlined). */
export const VEGA_LITE_COMPILER = { name: 'vega-lite', file: 'build/vega-lite.min.js' } as const;

/** A package's version and the text of its browser bundle. */
export interface VegaBundle {
  readonly name: typeof VEGA_RUNTIME.name | typeof VEGA_LITE_COMPILER.name;
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

/** The version in an installed package's `package.json`; "unknown" when it names none. */
export function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(join(packageFolder(name), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/**
 * Reads a package's browser bundle with its version, ready to inline.
 *
 * @throws Error when the package or the bundle is missing (a broken installation).
 */
export function readBundle(bundle: { readonly name: VegaBundle['name']; readonly file: string }): VegaBundle {
  const text = readFileSync(join(packageFolder(bundle.name), bundle.file), 'utf8');
  // `</script` cannot occur inside an inline script; the bundles contain none, this keeps it so.
  return { name: bundle.name, version: packageVersion(bundle.name), script: text.replace(/<\/script/gi, '<\\/script') };
}

/**
 * The Vega runtime's browser bundle and version, from the package installed where this library
 * resolves it: the one script a report inlines besides its own boot script.
 *
 * @throws Error when the package or bundle is missing (a broken installation).
 */
export function readVegaRuntime(): VegaBundle {
  return readBundle(VEGA_RUNTIME);
}

/**
 * Evaluates a UMD browser bundle as a CommonJS module and returns its exports. The Vega and
 * Vega-Lite packages are ES modules, which neither Jest nor ts-node can `require`; their UMD
 * builds (the same code, one file each) take the CommonJS branch of their wrapper when given
 * `module` and `exports`, the same way under Node, Jest, ts-node and the esbuild bundle of the CLI.
 * `dependencies` answers the bundle's own `require` calls (Vega-Lite's of `vega`).
 *
 * @throws Error when the file is missing, or the bundle requires a module not in `dependencies`.
 */
export function loadUmdBundle(file: string, dependencies: Readonly<Record<string, unknown>> = {}): unknown {
  const text = readFileSync(file, 'utf8');
  const module: { exports: unknown } = { exports: {} };
  const wrapper = runInThisContext(`(function (exports, module, require) {${text}\n})`, { filename: file }) as (exports: unknown, module: unknown, require: (id: string) => unknown) => void;
  const require = (id: string): unknown => {
    if (id in dependencies) return dependencies[id];
    throw new Error(`${file} requires '${id}', which is not provided`);
  };
  wrapper.call(globalThis, module.exports, module, require);
  return module.exports;
}
