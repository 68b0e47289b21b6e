import { join } from 'node:path';
import { scenarioSchema, type ScenarioInput } from '@ratecut/contracts';
import { loadCatalog, type Catalog } from '@ratecut/data-loader';
import type { SimulateRequest } from '../lib/simulate/plan-simulate-study';

/** The facts folder shipped with ratecut (`<repo>/data`): curated cycles, NBER dates, built-in scenarios, the sample. */
export const FACTS_DIR = join(__dirname, '..', '..', '..', '..', 'data');

let cached: Catalog | undefined;

/** The bundled synthetic sample's catalog (`data/sample`), loaded once per test file. */
export function loadSampleCatalog(): Catalog {
  if (cached === undefined) {
    const loaded = loadCatalog(join(FACTS_DIR, 'sample'));
    if (!loaded.ok) throw new Error(`the bundled sample catalog does not load: ${JSON.stringify(loaded.issues)}`);
    cached = loaded.value;
  }
  return cached;
}

/** A small scenario on the sample: two 25 bp cuts, 3 months, every cycle, a stationary bootstrap with blocks of 5 rows. */
export const SAMPLE_SCENARIO: ScenarioInput = {
  name: 'sample-cuts', title: 'Sample cuts', cutPath: { kind: 'meetings', cutsBp: [25, 25] }, horizon: { months: 3 },
  history: { kind: 'all-cycles' }, windowMonths: 12, method: { kind: 'stationary', meanBlock: 5 }, paths: 4000, seed: 7,
};

/**
 * A simulate request on the bundled synthetic sample: {@link SAMPLE_SCENARIO} with `scenario`
 * merged over it (validated by the contracts schema), one target and 20 strategy paths unless
 * overridden.
 */
export function sampleSimulateRequest(scenario: Partial<ScenarioInput> = {}, over: Partial<SimulateRequest> = {}): SimulateRequest {
  return {
    scenario: scenarioSchema.parse({ ...SAMPLE_SCENARIO, ...scenario }),
    scenarioFile: 'sample-cuts.json',
    catalog: loadSampleCatalog(),
    origin: 'flag',
    notice: 'SYNTHETIC SAMPLE',
    factsDir: FACTS_DIR,
    commandLine: 'ratecut simulate sample-cuts.json',
    ratecutVersion: '0.0.0-test',
    targets: [{ leg: 'small', level: 0.05, text: 'small:+5%' }],
    strategyPaths: 20,
    sizeSources: { paths: 'paths in sample-cuts.json', horizon: 'horizon.months in sample-cuts.json', strategyPaths: '--strategy-paths' },
    ...over,
  };
}
