import { join } from 'node:path';
import { ANCHOR_CONVENTION, formatDay, parseIsoDay, type AnchorSide, type LoadResult } from '@ratecut/sim-core';
import { CURATED_CYCLES_FILE, loadCuratedCycles, type Catalog } from '@ratecut/data-loader';
import { EVENT_STUDY_SCHEMA, type EventStudyResultJson, type PairEventStudyJson } from '@ratecut/contracts';
import type { Study } from '../study/study';
import { planCyclesStudy } from '../cycles/plan-cycles-study';
import type { EventAnchor, EventStudySettings } from './event-study-settings';

/** The anchors in words, as the document states them. */
const ANCHOR_WORDS: Readonly<Record<EventAnchor, string>> = {
  effective: `effective: ${ANCHOR_CONVENTION}`,
  announcement:
    'announcement: base = close of the last observation strictly before the day the FOMC announced the first cut ' +
    '(the announcement dates of data/easing-cycles.json, from the Federal Reserve\'s record; the FOMC has announced ' +
    'its decisions since February 1994, so earlier cycles have no announcement date and are left out); a horizon of h ' +
    'steps ends h observations after the base.',
  'cut-day':
    'cut-day: base = the first close on or after the day the FOMC announced the first cut: the close of the cut day, ' +
    'which holds the market\'s reaction (the next close when the announcement came on a day without trading); cycles ' +
    'without an announcement date (before 1994) are left out; a horizon of h steps ends h observations after the base.',
};
import { EVENT_GROUPS, MEASURE_PAIR_EVENTS, type EventStudyBlock, type EventStudyContext } from './measure-pair-events';
import { loadCycleFacts } from '../inputs/cycle-facts';
import { builtinScenarioNames, loadScenario } from '../simulate/load-scenario';
import { scenarioAnalogs } from '../simulate/simulation-inputs';

/** What an event study is asked: the catalog and how it was found, the settings, and how to label the document. */
export interface EventStudyRequest {
  readonly catalog: Catalog;
  readonly origin: string;
  readonly settings: EventStudySettings;
  /** Folder of the bundled facts (`nber-business-cycles.json`). */
  readonly dataDir: string;
  readonly notice: string | null;
  readonly commandLine: string;
  readonly ratecutVersion: string;
}

/** The plan of an event study: the document without the pairs' sections, which the blocks measure. */
export type EventStudyPlan = Omit<EventStudyResultJson, 'pairs'>;

/** An event study: one block per measurable pair, merged in the order of the pair definitions. */
export type EventStudy = Study<EventStudyPlan, EventStudyContext, EventStudyBlock, PairEventStudyJson, EventStudyResultJson>;

/**
 * Plans an event study of first cuts. The cycles, pairs and anchors are those of the cycles
 * study (`planCyclesStudy`: the same detection, classification, counting and data checks, and
 * its issues); the statistics are stated in the document's conventions.
 */
export function planEventStudy(request: EventStudyRequest): LoadResult<EventStudy> {
  const { settings } = request;
  const cycles = planCyclesStudy({
    catalog: request.catalog, origin: request.origin, settings: { ...settings.cycles, since: undefined }, dataDir: request.dataDir,
    notice: request.notice, ratecutVersion: request.ratecutVersion,
  });
  if (!cycles.ok) return cycles;
  const { plan: cp, context: cc } = cycles.value;
  // The announcement dates, by the first cut's effective date (the curated facts list both).
  const announced = new Map<string, number>();
  if (settings.anchor !== 'effective') {
    const curated = loadCuratedCycles(join(request.dataDir, CURATED_CYCLES_FILE));
    if (!curated.ok) return curated;
    for (const c of curated.value.cycles) if (c.firstCutAnnounced !== undefined) announced.set(c.firstCut, parseIsoDay(c.firstCutAnnounced));
  }
  // The cycles each built-in scenario draws from (as simulate selects them), a group each,
  // unless a fixed group is the same selection (all-cycles, resumption).
  const loadedFacts = loadCycleFacts(request.dataDir);
  if (!loadedFacts.ok) return loadedFacts;
  const scenarioGroups: { name: string; ids: string[] }[] = [];
  for (const name of builtinScenarioNames(request.dataDir)) {
    const loaded = loadScenario(name, request.dataDir, request.dataDir);
    if (!loaded.ok) return loaded;
    const { scenario } = loaded.value;
    if (scenario.history.kind === 'full-history' || scenario.history.kind === 'all-cycles' || EVENT_GROUPS.some((g) => g.name === name)) continue;
    scenarioGroups.push({ name, ids: scenarioAnalogs(cc.cycles, scenario, loadedFacts.value.facts).cycles.map((c) => c.cycle.id) });
  }
  const anchorDays = cc.cycles.map((c) => (settings.anchor === 'effective' ? c.cycle.firstCut : announced.get(formatDay(c.cycle.firstCut)) ?? null));
  const side: AnchorSide = settings.anchor === 'cut-day' ? 'on-or-after' : 'before';
  const pct = (x: number): string => `${+(x * 100).toFixed(2)}%`;
  const plan: EventStudyPlan = {
    ...(request.notice === null ? {} : { notice: request.notice }),
    schema: EVENT_STUDY_SCHEMA,
    ratecutVersion: request.ratecutVersion,
    commandLine: request.commandLine,
    data: cp.data,
    conventions: {
      anchor: ANCHOR_WORDS[settings.anchor],
      spread: 'small minus large simple return over the horizon, in decimals (0.05: small beat large by 5 percentage points); each pair states price or total return',
      counting: cp.conventions.counting,
      groups: `all counted cycles; recession and non-recession (${cp.conventions.recessionRule}); resumption (a cycle that resumes easing after a pause); ${scenarioGroups.map((g) => g.name).join(', ')}: the counted cycles among those the built-in scenario of that name draws from (its analog filter or list, as ratecut simulate selects them: ${scenarioGroups.map((g) => `${g.name} ${g.ids.join(' ') || 'none'}`).join('; ')})`,
      bootstrap: `percentile intervals (${pct(settings.confidence)}, type-7 percentiles) from ${settings.resamples} resamples of the group's cycles with replacement: the cycles are the independent units (Efron, 1979)`,
      placebo: `the group's mean spread against ${settings.placebos} means of as many distinct dates drawn at random from the pair's history, among the dates more than ${settings.excludeMonths} calendar months from every detected first cut (counted or not) whose whole horizon is in the data; p-values (1 + k) / (N + 1) (Davison and Hinkley, 1997), two-sided = 2 × the smaller one-sided, at most 1. Random dates may lie close together, which widens the placebo distribution (a conservative test)`,
      baseline: 'the spread from every date of the pair whose whole horizon is in the data and crosses no gap: what "any time" looks like',
      recessionSource: cp.conventions.recessionSource,
    },
    settings: {
      seed: settings.seed, resamples: settings.resamples, placebos: settings.placebos, confidence: settings.confidence,
      excludeMonths: settings.excludeMonths, counting: settings.cycles.counting, anchor: settings.anchor,
    },
    cycles: cp.cycles.map((c, i) => ({
      id: c.id, firstCut: c.firstCut, anchorFrom: anchorDays[i] === null ? null : formatDay(anchorDays[i] as number),
      recession: c.recession, resumption: c.resumption, counted: c.counted,
    })),
    skippedPairs: cp.skippedPairs,
  };
  const context: EventStudyContext = {
    cycles: cc.cycles,
    counted: cc.counted,
    pairs: cc.pairs.map((p) => ({
      spec: p.spec,
      meta: { id: p.meta.id, title: p.meta.title, frequency: p.meta.frequency, returnBasis: p.meta.returnBasis, firstDate: p.meta.firstDate, lastDate: p.meta.lastDate },
    })),
    settings: { seed: settings.seed, resamples: settings.resamples, placebos: settings.placebos, confidence: settings.confidence, excludeMonths: settings.excludeMonths },
    anchor: { days: anchorDays, side },
    scenarioGroups,
  };
  const study: EventStudy = {
    kind: 'event-study',
    plan,
    context,
    blocks: context.pairs.map((_, pair) => ({ pair })),
    execute: MEASURE_PAIR_EVENTS,
    unit: 'pairs',
    warnings: cycles.value.warnings ?? [],
    merge: (outputs) => {
      const { skippedPairs, ...head } = plan;
      return { ...head, pairs: [...outputs], skippedPairs };
    },
  };
  return { ok: true, value: study, warnings: [] };
}
