export { createRunsRouter, DEFAULT_BODY_LIMIT } from './createRunsRouter';
export type { RunsRouterOptions } from './createRunsRouter';
export { ScoringJob, productsDue } from './ScoringJob';
export type { ScoringSummary } from './ScoringJob';
export { RescoreJob, productsWithNewerRuns } from './RescoreJob';
export type { RescoreSummary } from './RescoreJob';
export { ScorecardService } from './ScorecardService';
export type { ScoringOptions } from './ScorecardService';
export { PRODUCT_INDEX_TTL_MS } from './ProductIndex';
