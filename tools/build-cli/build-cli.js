#!/usr/bin/env node
'use strict';
// Compiles the `ratecut` command into dist/cli with esbuild (CommonJS for Node 20):
// - ratecut.js: the command line, the usage texts and the registry, nothing heavy, so that
//   `ratecut --help` starts fast; the registry's lazy imports of the commands load commands/<name>.js;
// - commands/<name>.js: each command with what it uses (apps/runner/src/commands/<name>/<name>-command.ts),
//   so that a command loads only its own code;
// - executors/<file>.js: each study's block executor on its own (the files of libs/studies that
//   name their module for worker threads), which worker threads load, so that a thread starts
//   with only what its blocks need;
// - commands/block-worker.js: the worker-thread entry of the studies' block pool.
// Usage: node tools/build-cli/build-cli.js (npm runs it on `npm ci` / `npm install`: the `prepare` script)
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const out = path.join(root, 'dist', 'cli');
const COMMANDS_DIR = path.join(root, 'apps', 'runner', 'src', 'commands');
const WORKER = path.join(root, 'libs', 'studies', 'src', 'lib', 'workers', 'block-worker.js');

/** The commands: the folders of apps/runner/src/commands holding a `<name>-command.ts`. */
function commandNames() {
  return fs.readdirSync(COMMANDS_DIR).filter((name) => fs.existsSync(path.join(COMMANDS_DIR, name, `${name}-command.ts`))).sort();
}

/** In ratecut.js, the registry's `import('./<name>/<name>-command')` become `require('./commands/<name>.js')`. */
const commandsExternal = {
  name: 'commands-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/[a-z-]+\/[a-z-]+-command$/ }, (args) => {
      const [, name, file] = args.path.split('/');
      if (!args.importer.endsWith(path.join('commands', 'registry.ts')) || file !== `${name}-command`) return undefined;
      return { path: `./commands/${name}.js`, external: true };
    });
  },
};

/** The studies' block executors: the source files that name their module for worker threads (`module: __filename`). */
function executorSources() {
  const found = [];
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.spec.ts') && /module: __filename/.test(fs.readFileSync(p, 'utf8'))) found.push(p);
    }
  };
  walk(path.join(root, 'libs', 'studies', 'src', 'lib'));
  return found.sort();
}

/**
 * In a bundle written to `outDir` (a command's, or the benchmarks), an executor's
 * `module: __filename` (which there would name that bundle) names the executor's own bundle
 * instead, dist/cli/executors/<file>.js, so that a worker thread loads only what its blocks need.
 */
function executorsApart(sources, outDir) {
  const executorsDir = path.relative(outDir, path.join(out, 'executors')).split(path.sep).join('/');
  return {
    name: 'executors-apart',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!sources.includes(args.path)) return undefined;
        const bundle = `${executorsDir}/${path.basename(args.path, '.ts')}.js`;
        const text = fs.readFileSync(args.path, 'utf8').replace(/module: __filename/g, `module: require('node:path').join(__dirname, ${JSON.stringify(bundle)})`);
        return { contents: text, loader: 'ts' };
      });
    },
  };
}

/**
 * rxjs's ES module build in place of the CommonJS one its "exports" map gives Node: only the
 * operators used are bundled (about 330 KB less in every command that runs a study).
 */
const rxjsAsModules = {
  name: 'rxjs-as-modules',
  setup(build) {
    build.onResolve({ filter: /^rxjs$/ }, () => ({ path: path.join(root, 'node_modules', 'rxjs', 'dist', 'esm', 'index.js') }));
  },
};

/** esbuild's settings for every bundle here: CommonJS for Node 20, the workspace's tsconfig paths. */
const COMMON = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', tsconfig: path.join(root, 'tsconfig.base.json'),
  logLevel: 'warning', legalComments: 'none', absWorkingDir: root,
  // The job queue's client stays a package: BullMQ reads its Lua scripts from its own folder.
  external: ['bullmq', 'ioredis'],
  // A package's ES module build before its CommonJS one where it names both and has no
  // "exports" map (technicalindicators): only the indicators used are bundled, so a worker
  // thread that loads an executor starts sooner (about 7 ms of its start-up).
  mainFields: ['module', 'main'],
  plugins: [rxjsAsModules],
};

/**
 * Bundles the TypeScript module `entry` into `outfile` as the CLI's bundles are made (its study
 * executors pointing at dist/cli/executors, the block pool's worker entry copied beside it), for
 * tools that run the compiled code (the benchmarks). Build the CLI first ({@link buildCli}).
 */
async function bundleModule(entry, outfile) {
  const esbuild = require('esbuild');
  await esbuild.build({ ...COMMON, entryPoints: [entry], outfile, plugins: [rxjsAsModules, executorsApart(executorSources(), path.dirname(outfile))] });
  fs.copyFileSync(WORKER, path.join(path.dirname(outfile), 'block-worker.js'));
}

/** Builds dist/cli (see the top of this file). */
async function buildCli() {
  const esbuild = require('esbuild');
  const common = COMMON;
  fs.rmSync(out, { recursive: true, force: true });
  await esbuild.build({
    ...common,
    stdin: {
      contents: "require('./main').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });",
      resolveDir: path.join(root, 'apps', 'runner', 'src'), sourcefile: 'ratecut-bin.ts', loader: 'ts',
    },
    outfile: path.join(out, 'ratecut.js'),
    banner: { js: '#!/usr/bin/env node' },
    plugins: [rxjsAsModules, commandsExternal],
    // The registry's lazy `import()` of a command as `require`: a CommonJS file loaded through
    // import() is first scanned for its exports by Node's ESM loader (about 0.2 s for 1.9 MB).
    supported: { 'dynamic-import': false },
  });
  const executors = executorSources();
  await esbuild.build({
    ...common, entryPoints: Object.fromEntries(commandNames().map((name) => [name, path.join(COMMANDS_DIR, name, `${name}-command.ts`)])),
    outdir: path.join(out, 'commands'), plugins: [rxjsAsModules, executorsApart(executors, path.join(out, 'commands'))],
  });
  await esbuild.build({
    ...common, entryPoints: Object.fromEntries(executors.map((f) => [path.basename(f, '.ts'), f])), outdir: path.join(out, 'executors'),
  });
  // The block pool starts its threads from block-worker.js beside the bundle that holds it.
  fs.copyFileSync(WORKER, path.join(out, 'commands', 'block-worker.js'));
  fs.chmodSync(path.join(out, 'ratecut.js'), 0o755);
}

module.exports = { buildCli, bundleModule };

if (require.main === module) {
  buildCli().catch((e) => {
    process.stderr.write(`build-cli: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
