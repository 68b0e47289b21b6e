import { statelessStep, type Selection, type Step } from './strategy';

/** Equal weights across the selected assets, fully invested; all cash when nothing is selected. */
export const equalWeight = (assetCount: number): Step<Selection, Float64Array> =>
  statelessStep('equal-weight', 0, (_ctx, selected) => {
    const w = new Float64Array(assetCount);
    for (const a of selected) w[a] = 1 / selected.length;
    return w;
  });

/** Fixed weights whatever the selection (e.g. a 50/50 mix); cash = 1 − their sum. */
export const fixedWeights = (weights: readonly number[]): Step<Selection, Float64Array> =>
  statelessStep(`fixed(${weights.join(',')})`, 0, () => Float64Array.from(weights));
