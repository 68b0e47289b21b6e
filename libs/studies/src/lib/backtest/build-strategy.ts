import type { StrategyConfig } from '@ratecut/contracts';
import { BUILTIN_STRATEGIES, findBuiltinStrategy, ParameterError, type Issue, type RebalanceSchedule, type Strategy } from '@ratecut/sim-core';
import { configIssue, type ConfigSource } from './config-source';

/** A strategy built from its configuration, with the schedule it runs on. */
export interface BuiltStrategy {
  readonly strategy: Strategy;
  readonly schedule: RebalanceSchedule;
}

/**
 * Every problem of one configured strategy on data with `periodsPerYear` rows a year, as
 * `bad-parameter` issues at the strategy's place in the configuration (`keys`, e.g.
 * `['strategies', 0]`): an unknown built-in (at `name`), a parameter the built-in does not
 * have, and each value the built-in's own check refuses (at `params.<name>`). Empty when
 * {@link buildStrategy} accepts the configuration.
 */
export function strategyIssues(cfg: StrategyConfig, periodsPerYear: number, source: ConfigSource, keys: readonly PropertyKey[]): Issue[] {
  const def = findBuiltinStrategy(cfg.name);
  if (!def) {
    return [configIssue(source, [...keys, 'name'], 'bad-parameter', `unknown strategy '${cfg.name}'; built-ins: ${BUILTIN_STRATEGIES.map((s) => s.name).join(', ')}`)];
  }
  // Own properties only: `__proto__`, `constructor`, `toString` are not parameters.
  const unknown = Object.keys(cfg.params).filter((k) => !Object.hasOwn(def.defaults, k));
  if (unknown.length > 0) {
    const known = Object.keys(def.defaults);
    return unknown.map((k) => configIssue(source, [...keys, 'params', k], 'bad-parameter',
      `strategy ${cfg.name}: unknown parameter ${k}; expected ${known.length ? known.join(', ') : 'no parameters'}`));
  }
  return def.check({ ...def.defaults, ...cfg.params }, periodsPerYear).map((p) => configIssue(source, [...keys, 'params', p.param], 'bad-parameter', p.message));
}

/**
 * Builds a configured built-in strategy: its parameters over the built-in's defaults, its
 * configured schedule or else the built-in's. The configuration must pass
 * {@link strategyIssues}: anything else is a programmer error (ParameterError).
 */
export function buildStrategy(cfg: StrategyConfig, periodsPerYear: number): BuiltStrategy {
  const def = findBuiltinStrategy(cfg.name);
  if (!def) throw new ParameterError(`unknown strategy '${cfg.name}' (check it with strategyIssues first)`);
  const schedule: RebalanceSchedule = cfg.schedule ?? def.schedule;
  return { strategy: def.build({ ...def.defaults, ...cfg.params }, schedule, periodsPerYear), schedule };
}

/** True when two built strategies are the same definition: same built-in, parameters and schedule. */
export function sameDefinition(a: BuiltStrategy, b: BuiltStrategy): boolean {
  const key = (s: BuiltStrategy): string =>
    JSON.stringify([s.strategy.name, Object.entries(s.strategy.params).sort(([x], [y]) => (x < y ? -1 : 1)), s.schedule]);
  return key(a) === key(b);
}
