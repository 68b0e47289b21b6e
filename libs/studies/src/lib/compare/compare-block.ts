import type { CompareCycleTableJson, CompareMetricsJson, DeflatedSharpeJson, DifferenceJson, PairedComparisonJson, SimulationTableJson } from '@ratecut/contracts';
import type { BlockExecutor } from '../study/study';
import { backtestInputs, strategyEntries } from './compare-entries';
import type { CompareInput, SimulateInput } from './compare-input';
import { cycleTable, headlineMetrics } from './headline-metrics';
import { pairedComparison, type BootstrapOptions } from './paired-comparison';
import { strategiesDeflatedSharpe, sweepDeflatedSharpe } from './deflated-sharpe-trials';
import { analogNote, simulationTable } from './simulation-table';

/** What every block of a compare study reads: the inputs in file order, the differences found, and the bootstrap's options. */
export interface CompareContext {
  readonly inputs: readonly CompareInput[];
  readonly differences: readonly DifferenceJson[];
  readonly options: BootstrapOptions;
}

/**
 * One section of a comparison: headline metrics and the per-cycle table, the paired bootstrap
 * (exactly two strategies), the deflated Sharpe ratio over the strategies (more than two), the
 * deflated Sharpe ratio of one sweep table (by input index), the simulations side by side.
 */
export type CompareBlock =
  | { readonly section: 'headline' }
  | { readonly section: 'paired' }
  | { readonly section: 'strategies-deflated-sharpe' }
  | { readonly section: 'sweep-deflated-sharpe'; readonly input: number }
  | { readonly section: 'simulations' };

/** What a block adds to the comparison; absent parts are another block's. */
export interface CompareBlockOutput {
  readonly section: CompareBlock['section'];
  readonly metrics?: readonly CompareMetricsJson[];
  readonly cycles?: CompareCycleTableJson | null;
  readonly paired?: PairedComparisonJson;
  readonly deflatedSharpe?: readonly DeflatedSharpeJson[];
  readonly simulations?: SimulationTableJson;
  readonly notes: readonly string[];
}

/** Block executor of the compare study: computes one section. Pure: the output depends only on the context and the block. */
export function runCompareBlock(context: CompareContext, block: CompareBlock): CompareBlockOutput {
  const { inputs } = context;
  switch (block.section) {
    case 'headline':
      return { section: block.section, metrics: headlineMetrics(inputs), cycles: cycleTable(inputs), notes: [] };
    case 'paired': {
      const entries = strategyEntries(inputs);
      if (entries.length !== 2) throw new RangeError(`the paired comparison needs exactly 2 strategies; the study has ${entries.length}`);
      return { section: block.section, paired: pairedComparison(entries[0], entries[1], context.options), notes: [] };
    }
    case 'strategies-deflated-sharpe': {
      const d = strategiesDeflatedSharpe(strategyEntries(inputs), backtestInputs(inputs).map((r) => r.name));
      return { section: block.section, deflatedSharpe: d.deflatedSharpe, notes: d.notes };
    }
    case 'sweep-deflated-sharpe': {
      const sweep = inputs[block.input];
      if (sweep?.kind !== 'sweep') throw new RangeError(`compare block names input ${block.input}, which is not a sweep table`);
      const d = sweepDeflatedSharpe(sweep);
      return { section: block.section, deflatedSharpe: d.deflatedSharpe, notes: d.notes };
    }
    case 'simulations': {
      const sims = inputs.filter((r): r is SimulateInput => r.kind === 'simulate');
      return { section: block.section, simulations: simulationTable(sims), notes: analogNote(sims) };
    }
  }
}

/** {@link runCompareBlock} as the compare study's block executor (a worker loads it from this module). */
export const COMPARE_BLOCK: BlockExecutor<CompareContext, CompareBlock, CompareBlockOutput> = {
  module: __filename,
  exportName: 'runCompareBlock',
  run: runCompareBlock,
};
