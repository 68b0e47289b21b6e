/** `@ratecut/studies/spa`: White's Reality Check and Hansen's SPA test over a backtest's strategies (`ratecut validate spa`). */
export { runSpaBlock, SPA_BLOCK, type SpaContext, type SpaBlock } from './lib/spa/spa-block';
export { planSpaStudy, type SpaRequest, type SpaPlan, type SpaStudy } from './lib/spa/plan-spa-study';
