import type { NowResultJson } from '@ratecut/contracts';
import { SCHEMA, type VegaLiteSpec } from './chart-spec';
import { CONTEXT_GREY, HIGHLIGHT_RED, STRATEGY_COLOURS } from './palette';

/** The forecast's analogs: dark grey, between the current cycle (red) and the other past cycles (light grey). */
const ANALOG_GREY = STRATEGY_COLOURS[5];
/** The panels' titles: the legs in words. */
const LEG_TITLES = { small: 'small caps', large: 'large caps' } as const;

/** Percent from a decimal, to 0.01. */
const pc = (x: number): number => Math.round(x * 10_000) / 100;

/**
 * The current cycle over every past cycle, one panel per leg: each past cycle's cumulative return
 * from its base close by step ({@link CONTEXT_GREY}; the forecast's analogs dark grey), the current cycle bold {@link HIGHLIGHT_RED} up
 * to its step, a rule at that step, and the band (light red) that the analogs' continuations
 * span from there over the horizon, each rebased to the current cycle's level at the step:
 * `(1 + current) × (1 + analog[t]) / (1 + analog[step]) − 1`, lowest to highest.
 */
export function nowSpec(doc: NowResultJson): VegaLiteSpec {
  const every = doc.settings.every, step = doc.current.step, horizon = doc.settings.horizonSteps;
  const analogs = new Set(doc.forecast.analogs);
  const stepOf = (i: number, n: number, upTo: number): number => Math.min(i * every, upTo, (n - 1) * every);
  const rows: Record<string, unknown>[] = [];
  const legs = ['small', 'large'] as const;
  for (const p of doc.past) {
    for (const leg of legs) {
      const values = p[leg];
      values.forEach((v, i) => rows.push({ kind: 'past', leg: LEG_TITLES[leg], cycle: p.id, analog: analogs.has(p.id) ? 'analog' : 'other cycle', t: i === values.length - 1 ? Math.min(step + horizon, i * every) : i * every, value: pc(v) }));
    }
  }
  for (const leg of legs) {
    const values = doc.current[leg];
    values.forEach((v, i) => rows.push({ kind: 'current', leg: LEG_TITLES[leg], cycle: doc.current.id, t: i === values.length - 1 ? step : stepOf(i, values.length, step), value: pc(v) }));
    // The analogs' continuations, on the sampled steps from the current step on.
    const level = doc.current.atStep[leg] ?? 0;
    const continuations = doc.past.filter((p) => analogs.has(p.id)).map((p) => {
      const at = (t: number): number => { const i = Math.min(Math.round(t / every), p[leg].length - 1); return p[leg][i]; };
      const from = 1 + at(step);
      return (t: number): number => (1 + level) * (1 + at(t)) / from - 1;
    });
    if (continuations.length === 0) continue;
    for (let t = Math.ceil(step / every) * every; t <= step + horizon; t += every) {
      const values = continuations.map((f) => f(t));
      rows.push({ kind: 'band', leg: LEG_TITLES[leg], t, lo: pc(Math.min(...values)), hi: pc(Math.max(...values)) });
    }
  }
  const x = { field: 't', type: 'quantitative', title: `${doc.data.pair === 'ff-size' ? 'months' : 'trading days'} since the base close (the last close before the first cut)` };
  return {
    $schema: SCHEMA,
    data: { values: rows },
    facet: { column: { field: 'leg', type: 'nominal', title: null, sort: [LEG_TITLES.small, LEG_TITLES.large] } },
    spec: {
      width: 420, height: 300,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'band'" }],
          mark: { type: 'area', color: HIGHLIGHT_RED, opacity: 0.15 },
          encoding: { x, y: { field: 'lo', type: 'quantitative', title: 'cumulative return, %' }, y2: { field: 'hi' }, tooltip: [{ field: 't', title: 'step' }, { field: 'lo', title: 'lowest analog, %' }, { field: 'hi', title: 'highest analog, %' }] },
        },
        {
          transform: [{ filter: "datum.kind === 'past'" }],
          mark: { type: 'line', strokeWidth: 1 },
          encoding: {
            x, y: { field: 'value', type: 'quantitative' }, detail: { field: 'cycle' },
            color: { field: 'analog', type: 'nominal', scale: { domain: ['analog', 'other cycle'], range: [ANALOG_GREY, CONTEXT_GREY] }, title: null },
            tooltip: [{ field: 'cycle' }, { field: 't', title: 'step' }, { field: 'value', title: 'return, %' }],
          },
        },
        {
          transform: [{ filter: "datum.kind === 'current'" }],
          mark: { type: 'line', strokeWidth: 3, color: HIGHLIGHT_RED },
          encoding: { x, y: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'cycle' }, { field: 't', title: 'step' }, { field: 'value', title: 'return, %' }] },
        },
        { mark: { type: 'rule', strokeDash: [4, 3], color: '#555' }, encoding: { x: { datum: step } } },
      ],
    },
  };
}
