export { createRunsRouter, DEFAULT_BODY_LIMIT } from './createRunsRouter';
export type { RunsRouterOptions } from './createRunsRouter';
export { createScoringTask, SCORING_TASK_ID } from './scoringTask';
export type { ScoringSummary } from './scoringTask';
export { ScorecardService } from './ScorecardService';
export type { ScoringOptions } from './ScorecardService';
export { PRODUCT_INDEX_TTL_MS } from './ProductIndex';
