export { AlertsJob, DEFAULT_ALERT_LOOKBACK_MS } from './AlertsJob';
export type { AlertsSummary } from './AlertsJob';
export { ALERT_TOPICS } from './alertPayload';
