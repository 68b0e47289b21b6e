import { join } from 'node:path';
import { checkEasingCycleRule, countedCycleIds, cycleEpisodes, formatDay, type Issue, type LoadResult } from '@ratecut/sim-core';
import { loadEasingCycles, loadReturnPair, PAIRS, type Catalog } from '@ratecut/data-loader';
import { CYCLES_SCHEMA, type CyclesResultJson, type PairCyclesJson } from '@ratecut/contracts';
import type { Study } from '../study/study';
import { cyclesConventions } from './cycles-conventions';
import { CYCLES_EPISODE_MONTHS, type CyclesSettings } from './cycles-settings';
import { MEASURE_PAIR_CYCLES, type CyclesBlock, type CyclesContext, type CyclesPairInput } from './measure-pair-cycles';

/** What a cycles study is asked: the catalog it runs on and how it was found, the settings, and how to label the document. */
export interface CyclesRequest {
  readonly catalog: Catalog;
  /** How the catalog was found (`flag`, `env`, `cache`, `sample`), as the document states it. */
  readonly origin: string;
  readonly settings: CyclesSettings;
  /** Folder of the bundled facts (`nber-business-cycles.json`). */
  readonly dataDir: string;
  /** First line of every output made from synthetic data; null for real data. */
  readonly notice: string | null;
  /** Version written in the document. */
  readonly ratecutVersion: string;
}

/** The plan of a cycles study: the whole document except the pairs' sections, which the blocks measure. */
export type CyclesPlan = Omit<CyclesResultJson, 'pairs'>;

/** A cycles study: one block per measurable pair, merged in the order of the pair definitions. */
export type CyclesStudy = Study<CyclesPlan, CyclesContext, CyclesBlock, PairCyclesJson, CyclesResultJson>;

const pct = (x: number): number => Math.round(x * 1e8) / 1e6;
const commandLine = (message: string): Issue => ({ code: 'bad-option', severity: 'error', file: 'command line', message });

/**
 * Plans a cycles study: loads the policy rate and the NBER dates, detects and classifies the
 * easing cycles under the settings, keeps those on or after `since`, groups them into episodes,
 * loads every pair of `PAIRS` the catalog has (a pair it lacks, or whose series share no day, is
 * listed as skipped), and states the conventions. Every problem in every file is reported at
 * once, as issues. A `since` after the end of the policy-rate data, or an unusable rule, is a
 * `bad-option` issue (no answer is possible); a `since` inside the data that no cycle starts
 * after gives empty tables. Data warnings (e.g. gaps) travel with the study (`warnings`).
 */
export function planCyclesStudy(request: CyclesRequest): LoadResult<CyclesStudy> {
  const { catalog, settings } = request;
  const ruleProblems = [
    ...checkEasingCycleRule(settings.rule),
    ...(Number.isInteger(settings.recessionWindowMonths) && settings.recessionWindowMonths >= 0 ? [] : [`recession window ${settings.recessionWindowMonths}: expected a whole number of months >= 0`]),
  ];
  if (ruleProblems.length > 0) return { ok: false, issues: ruleProblems.map(commandLine) };
  // Load everything before giving up, so that every problem in every file is reported at once.
  const easing = loadEasingCycles(catalog, join(request.dataDir, 'nber-business-cycles.json'), settings.rule, settings.recessionWindowMonths);
  const loadedPairs = PAIRS.map((def) => {
    const missing = [def.small, def.large].map((id) => id.split(':')[0]).filter((id) => !catalog.series.some((s) => s.id === id));
    return { def, missing, loaded: missing.length > 0 ? null : loadReturnPair(catalog, { small: def.small, large: def.large }) };
  });
  const errors: Issue[] = [
    ...(easing.ok ? [] : easing.issues),
    ...loadedPairs.flatMap(({ loaded: l }) => (l && !l.ok ? l.issues : [])),
  ];
  if (!easing.ok || errors.length > 0) return { ok: false, issues: errors };
  const warnings: Issue[] = [...easing.warnings];
  const lastDay = easing.value.history.lastDay;
  if (settings.since !== undefined && settings.since > lastDay) {
    return { ok: false, issues: [commandLine(`--since ${formatDay(settings.since)} is after the end of the policy-rate data (${formatDay(lastDay)}): no cycle can start then`)] };
  }
  const classified = easing.value.cycles.filter((c) => settings.since === undefined || c.cycle.firstCut >= settings.since);
  const span = { beforeMonths: 0, afterMonths: CYCLES_EPISODE_MONTHS };
  const episodes = cycleEpisodes(classified.map((c) => c.cycle), span);
  const counted = countedCycleIds(episodes, settings.counting);

  const pairs: CyclesPairInput[] = [];
  const skippedPairs: { id: string; reason: string }[] = [];
  for (const { def, missing, loaded } of loadedPairs) {
    if (loaded === null) {
      skippedPairs.push({ id: def.id, reason: `the catalog has no series ${missing.join(', ')}` });
      continue;
    }
    if (!loaded.ok) continue; // unreachable: errors returned above
    warnings.push(...loaded.warnings);
    const { data } = loaded.value;
    if (data.days.length === 0) {
      skippedPairs.push({ id: def.id, reason: 'the two series have no day in common' });
      continue;
    }
    pairs.push({
      spec: { id: def.id, title: def.title, frequency: def.frequency, horizons: def.horizons, maxAnchorGapDays: def.maxAnchorGapDays, data },
      meta: {
        id: def.id,
        title: def.title,
        small: { id: def.small, title: loaded.value.small.title, totalReturn: loaded.value.small.totalReturn },
        large: { id: def.large, title: loaded.value.large.title, totalReturn: loaded.value.large.totalReturn },
        frequency: def.frequency,
        returnBasis: `${loaded.value.returnBasis}; ${def.horizonNote}`,
        firstDate: formatDay(data.days[0]),
        lastDate: formatDay(data.days[data.days.length - 1]),
        horizons: def.horizons.map((h) => ({ label: h.label, steps: h.steps })),
      },
    });
  }

  const plan: CyclesPlan = {
    ...(request.notice === null ? {} : { notice: request.notice }),
    schema: CYCLES_SCHEMA,
    ratecutVersion: request.ratecutVersion,
    data: { catalog: catalog.path, origin: request.origin, synthetic: request.notice !== null },
    conventions: cyclesConventions(settings, span, easing.value.recessionSource),
    rule: { ...settings.rule, recessionWindowMonths: settings.recessionWindowMonths },
    counting: settings.counting,
    filter: { since: settings.since === undefined ? null : formatDay(settings.since), detected: easing.value.cycles.length },
    cycles: classified.map(({ cycle: c, recession: r }, i) => ({
      id: c.id,
      firstCut: formatDay(c.firstCut),
      lastCut: formatDay(c.lastCut),
      cuts: c.cuts,
      totalEasingBp: c.totalEasingBp,
      rateBeforePct: pct(c.rateBefore),
      rateAfterPct: pct(c.rateAfter),
      resumption: c.resumption,
      open: c.open,
      basis: c.basis,
      recession: r.recession,
      recessionReason: r.reason,
      nberPeak: r.peak === null ? null : formatDay(r.peak).slice(0, 7),
      overlapsPrevious: episodes[i].overlapsPrevious,
      episode: episodes[i].episode,
      counted: counted.has(c.id),
    })),
    skippedPairs,
  };
  const study: CyclesStudy = {
    kind: 'cycles',
    plan,
    context: { cycles: classified, counted: [...counted], pairs },
    blocks: pairs.map((_, pair) => ({ pair })),
    execute: MEASURE_PAIR_CYCLES,
    unit: 'pairs',
    warnings,
    merge: (outputs) => {
      const { skippedPairs: skipped, ...head } = plan;
      return { ...head, pairs: [...outputs], skippedPairs: skipped };
    },
  };
  return { ok: true, value: study, warnings: [] };
}
