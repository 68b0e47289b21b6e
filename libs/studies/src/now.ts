/** `@ratecut/studies/now`: the current easing cycle against past ones and a forecast from its analogs (`ratecut now`). */
export { runForecastBlock, FORECAST_BLOCK, FORECAST_PERCENTILES, type ForecastContext, type ForecastRun, type ForecastTarget } from './lib/now/forecast-block';
export { planNowStudy, NOW_DEFAULTS, type NowRequest, type NowStudy } from './lib/now/plan-now-study';
