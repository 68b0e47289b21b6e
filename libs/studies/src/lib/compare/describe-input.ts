import type { CompareFileJson } from '@ratecut/contracts';
import type { CompareInput } from './compare-input';

/** One line describing a compared file: a sweep's description and trials; a backtest's pair, period, cycles covered, strategies and benchmark; a simulation's scenario, horizon, paths, method, seed, data and analogs. */
export function describeInput(r: CompareInput): string {
  if (r.kind === 'sweep') return `${r.description || 'sweep table'}; ${r.trials.length} trials`;
  if (r.kind === 'backtest') {
    const d = r.doc.data;
    const covered = r.doc.cycles.filter((c) => c.covered).length;
    return `${d.pair.id} ${d.first} to ${d.last} (${d.rows} rows), ${covered} cycles covered; strategies ${r.doc.strategies.map((s) => s.label).join(', ')}; benchmark ${r.doc.benchmark.name}`;
  }
  const d = r.doc;
  return `scenario ${d.scenario.name}: ${d.horizon.months} months, ${d.paths} paths, ${d.method.kind}, seed ${d.seed}; ${d.data.pair.id} ${d.data.first} to ${d.data.last}; analogs ${d.analogs.cycleIds.join(', ')}`;
}

/** The compared files as the comparison names them: letters A, B, ... in input order, with their description. */
export function compareFiles(inputs: readonly CompareInput[]): CompareFileJson[] {
  return inputs.map((r, i) => ({
    letter: String.fromCharCode(65 + i), file: r.file, kind: r.kind, schema: r.schema,
    synthetic: r.kind === 'sweep' ? r.synthetic : r.doc.data.synthetic, description: describeInput(r),
  }));
}
