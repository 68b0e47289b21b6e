export type { Study, AnyStudy, BlockExecutor } from './lib/study/study';
export type { StudyEvent, StudyProgress } from './lib/study/study-event';
export { runStudy, studyResult, type RunStudyOptions } from './lib/study/run-study';
export { splitRange, type ItemRange } from './lib/study/split-range';

// simulate: Monte Carlo scenarios (see lib/simulate/)
export { planSimulateStudy, SIMULATE_RECESSION_WINDOW_MONTHS, type SimulatePlan, type SimulateRequest, type SimulateStudy } from './lib/simulate/plan-simulate-study';
export { builtinScenarioNames, loadScenario, type LoadedScenario } from './lib/simulate/load-scenario';
export type { SimulateTarget } from './lib/simulate/simulate-target';
export {
  budgetProblems, defaultWorkers, estimateSimulation, formatDuration, horizonSteps, MAX_FAN_PATHS, REFERENCE_COSTS, RUN_LIMITS, STARTUPS_PER_WORKER,
  type SimulationEstimate, type WorkerChoice,
} from './lib/simulate/simulation-budget';
export { simulatePathBlock, PATH_BLOCK_EXECUTOR, type PathJob, type PathModel } from './lib/simulate/path-job';
export { pathOutcomesStudy, pathBlocks, mergePathOutcomes, PATHS_PER_BLOCK, type PathOutcomesPlan } from './lib/simulate/path-outcomes-study';
