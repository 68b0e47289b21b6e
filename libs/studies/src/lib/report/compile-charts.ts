import { join } from 'node:path';
import type { VegaLiteSpec } from './chart-spec';
import { loadUmdBundle, packageFolder, VEGA_LITE_COMPILER, VEGA_RUNTIME } from './vega-assets';

/** A Vega specification (the grammar the Vega runtime parses), as Vega-Lite compiles it: plain JSON. */
export interface VegaSpec {
  /** The Vega schema, e.g. `https://vega.github.io/schema/vega/v6.json`. */
  readonly $schema: string;
  readonly [key: string]: unknown;
}

/** A compiled chart and what Vega-Lite warned about while compiling it. */
export interface CompiledChart {
  readonly spec: VegaSpec;
  /** Vega-Lite's warnings (e.g. an encoding dropped as incompatible with its mark), in order. */
  readonly warnings: readonly string[];
}

interface VegaLiteLogger {
  level(): number;
  level(level: number): VegaLiteLogger;
  error(...args: readonly unknown[]): VegaLiteLogger;
  warn(...args: readonly unknown[]): VegaLiteLogger;
  info(...args: readonly unknown[]): VegaLiteLogger;
  debug(...args: readonly unknown[]): VegaLiteLogger;
}

interface VegaLiteModule {
  readonly version: string;
  compile(spec: unknown, options: { readonly logger: VegaLiteLogger }): { readonly spec: Record<string, unknown> };
}

let compiler: VegaLiteModule | undefined;

/**
 * Vega-Lite's compiler, loaded once per process from the installed packages' UMD bundles
 * (Vega-Lite needs Vega's functions; see `loadUmdBundle`).
 *
 * @throws Error when the packages are missing or do not export `compile` (a broken installation).
 */
function vegaLite(): VegaLiteModule {
  if (compiler !== undefined) return compiler;
  const vega = loadUmdBundle(join(packageFolder(VEGA_RUNTIME.name), VEGA_RUNTIME.file));
  const vl = loadUmdBundle(join(packageFolder(VEGA_LITE_COMPILER.name), VEGA_LITE_COMPILER.file), { vega }) as Partial<VegaLiteModule>;
  if (typeof vl.compile !== 'function') throw new Error(`the ${VEGA_LITE_COMPILER.name} bundle does not export compile()`);
  compiler = vl as VegaLiteModule;
  return compiler;
}

/** A Vega-Lite logger that keeps warnings (and errors, which Vega-Lite logs without throwing) instead of printing them. */
function collectingLogger(warnings: string[]): VegaLiteLogger {
  let current = 2; // Vega's Warn level
  const text = (args: readonly unknown[]): string => args.map(String).join(' ');
  const logger: VegaLiteLogger = {
    level: ((level?: number) => {
      if (level === undefined) return current;
      current = level;
      return logger;
    }) as VegaLiteLogger['level'],
    error: (...args) => { warnings.push(`error: ${text(args)}`); return logger; },
    warn: (...args) => { warnings.push(text(args)); return logger; },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/**
 * Compiles a Vega-Lite specification to the Vega specification the browser's Vega runtime
 * draws, in Node, so that the page needs neither Vega-Lite nor vega-embed. Inline data stay
 * inline (Vega-Lite puts each distinct dataset once into the Vega `data` list). Pure: the same
 * specification gives the same JSON. Warnings are returned, never printed.
 *
 * @throws Error when Vega-Lite cannot compile the specification (a programming error in a chart).
 */
export function compileChart(spec: VegaLiteSpec): CompiledChart {
  const warnings: string[] = [];
  const compiled = vegaLite().compile(spec, { logger: collectingLogger(warnings) }).spec;
  if (typeof compiled['$schema'] !== 'string') throw new Error('Vega-Lite compiled a specification without a $schema');
  return { spec: compiled as VegaSpec, warnings };
}

/** The version of the Vega-Lite that compiles the charts. */
export function vegaLiteVersion(): string {
  return vegaLite().version;
}
