import type { EasingCycle } from './easing-cycle';
import type { RecessionClass } from './recession';

/** An easing cycle with its recession class. */
export interface ClassifiedCycle {
  readonly cycle: EasingCycle;
  readonly recession: RecessionClass;
}
