/** `@ratecut/studies/simulate`: the simulate study, Monte Carlo scenarios. */
// simulate: Monte Carlo scenarios (see lib/simulate/)
export { planSimulateStudy, isUncoveredAnalogsIssue, type SimulatePlan, type SimulateRequest, type SimulateStudy } from './lib/simulate/plan-simulate-study';
export { builtinScenarioNames, loadScenario, type LoadedScenario } from './lib/simulate/load-scenario';
export type { SimulateTarget } from './lib/simulate/simulate-target';
export { defaultWorkers, workerStartupSeconds, type SimulationEstimate, type WorkerChoice } from './lib/simulate/simulation-budget';
export type { PathJob, PathModel } from './lib/simulate/path-job';
export { pathOutcomesStudy, type PathOutcomesPlan } from './lib/simulate/path-outcomes-study';
export { PathOutcomesMemory } from './lib/simulate/path-outcomes-memory';
export type { PathBlockOutput } from './lib/simulate/path-job';
export { pathWarmUp, warmUpRowsNeeded, type PathWarmUp } from './lib/simulate/path-warm-up';
export { PATH_STRATEGIES } from './lib/simulate/strategy-paths';
export type { StrategyPathsJob } from './lib/simulate/strategy-path-block';
