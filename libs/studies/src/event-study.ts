/** `@ratecut/studies/event-study`: the event study of first cuts (`ratecut validate event`). */
export { EVENT_ANCHORS, EVENT_STUDY_DEFAULTS, type EventAnchor, type EventStudySettings } from './lib/event-study/event-study-settings';
export { EVENT_GROUPS, measurePairEvents, MEASURE_PAIR_EVENTS, type EventStudyContext, type EventStudyBlock, type EventPairInput } from './lib/event-study/measure-pair-events';
export { planEventStudy, type EventStudyRequest, type EventStudyPlan, type EventStudy } from './lib/event-study/plan-event-study';
