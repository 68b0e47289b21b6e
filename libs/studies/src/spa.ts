/** `@ratecut/studies/spa`: White's Reality Check and Hansen's SPA test over a backtest's strategies (`ratecut validate spa`). */
export { runSpaBlock, SPA_BLOCK, type SpaContext, type SpaBlock } from './lib/spa/spa-block';
export { planSpaStudy, planSpaSweepStudy, SPA_SWEEP_BLOCK_COMBINATIONS, type SpaRequest, type SpaSweepRequest, type SpaSettings, type SpaPlan, type SpaStudy, type SpaSweepStudy } from './lib/spa/plan-spa-study';
export { runSpaSweepBlock, SPA_SWEEP_BLOCK, type SpaSweepContext } from './lib/spa/spa-sweep-block';
