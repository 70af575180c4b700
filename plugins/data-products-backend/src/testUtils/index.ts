/*
 * For this plugin's tests and the repository's bench/ (which may import only
 * packages' entry points), not a stable API: measuring and seeding helpers,
 * and the stores and services the benchmarks time without starting a whole
 * backend. Kept off the root entry point so that a backend installing the
 * plugin sees only the plugin.
 */
export { startStallProbe, type StallProbe } from './stallProbe';
export { generatedRowsSql, type GeneratedRowsSql } from './generatedRowsSql';
export { openStores } from '../database/openStores';
export type { ScorecardSnapshot } from '../database/ScorecardSnapshotStore';
export { ScorecardService, ScoringJob } from '../service/runs';
export {
  INVENTORY_CATALOG_FIELDS,
  createInventoryRouter,
} from '../service/inventory';
export { HistoryBackfill } from '../service/history/HistoryBackfill';
export { ProductHistory } from '../service/history/ProductHistory';
export { ContractHistoryJob } from '../service/contracts/ContractHistoryJob';
export { firstSighting } from '../service/contracts/firstSighting';
export { createMonthPartitions } from '../database/runPartitions';
export { monthsBetween } from '../database/runMonths';
export { listTables } from './listTables';
