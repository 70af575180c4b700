/**
 * The REST types of the data-products backend (`/api/data-products`),
 * generated from its API document by `yarn generate:api` into
 * `./generated/openapi.ts`. The backend's handlers answer in these shapes and
 * the frontend client reads them, so the document is the one description of
 * the API; `Api…` names the schemas both sides use.
 *
 * @packageDocumentation
 */
import type { components, operations, paths } from './generated/openapi';

/** @public */
export type { components as DataProductsApiComponents };
/** @public */
export type { operations as DataProductsApiOperations };
/** @public */
export type { paths as DataProductsApiPaths };

type Schemas = components['schemas'];

/**
 * The JSON body an operation of the API document answers with `status`
 * (200 by default), by its `operationId`.
 *
 * @public
 */
export type ApiJsonResponse<
  OperationId extends keyof operations,
  Status extends keyof operations[OperationId]['responses'] = 200 &
    keyof operations[OperationId]['responses'],
> = operations[OperationId]['responses'][Status] extends {
  content: { 'application/json': infer Body };
}
  ? Body
  : never;

/** `GET …/scorecard`, `POST …/scorecard/refresh`. @public */
export type ApiScorecard = Schemas['Scorecard'];
/** One dimension of a scorecard. @public */
export type ApiScorecardDimension = Schemas['Dimension'];
/** The thresholds a scorecard was computed with. @public */
export type ApiScoreThresholds = Schemas['ScoreThresholds'];
/** A scorecard's window. @public */
export type ApiScorecardWindow = Schemas['Window'];
/** The seven dimensions' scores, each 1–5 or null. @public */
export type ApiDimensionScores = Schemas['DimensionScores'];
/** `GET …/scorecard/history`. @public */
export type ApiScorecardHistory = Schemas['ScorecardHistory'];
/** @public */
export type ApiScorecardHistoryItem = Schemas['ScorecardHistoryItem'];
/** A snapshot's freshness lag (null when stored without one). @public */
export type ApiScorecardLag = Schemas['ScorecardLag'];
/** `GET …/runs`. @public */
export type ApiRunsPage = Schemas['RunsPage'];
/** One run of `GET …/runs`, with its `lagMs` and `breach` verdict. @public */
export type ApiRun = Schemas['Run'];
/** `GET …/incidents`. @public */
export type ApiIncidentList = Schemas['IncidentList'];
/** @public */
export type ApiIncident = Schemas['Incident'];
/** `GET …/contract` (format json). @public */
export type ApiProductContract = Schemas['ProductContract'];
/** `GET …/contract/history`. @public */
export type ApiContractHistory = Schemas['ContractHistory'];
/** @public */
export type ApiContractHistoryEntry = Schemas['ContractHistoryEntry'];
/** @public */
export type ApiContractChange = Schemas['ContractChange'];
/** `GET /products`. @public */
export type ApiInventoryPage = Schemas['InventoryPage'];
/** One product of the inventory, with `breaching` and `funding`. @public */
export type ApiInventoryItem = Schemas['InventoryItem'];
/** @public */
export type ApiInventoryCost = Schemas['InventoryCost'];
/** The verdict of rule funding-follows-reuse on an inventory item. @public */
export type ApiFunding = Schemas['Funding'];
/** @public */
export type ApiInventoryTotals = Schemas['InventoryTotals'];
/** The inventory's tier-review figures, with `breachingNow`. @public */
export type ApiInventorySummary = Schemas['InventorySummary'];
/** @public */
export type ApiInventoryCategorySummary = Schemas['InventoryCategorySummary'];
/** `GET /lifecycle`. @public */
export type ApiLifecycleList = Schemas['LifecycleList'];
/** @public */
export type ApiLifecycleItem = Schemas['LifecycleItem'];
/** `GET /lifecycle/missing`. @public */
export type ApiMissingProducts = Schemas['MissingProducts'];
/** @public */
export type ApiMissingItem = Schemas['MissingItem'];
/** `POST /tasks/{id}/trigger`. @public */
export type ApiTaskTriggered = Schemas['TaskTriggered'];
/** The reply of `POST /openlineage`, `/api/v1/lineage` and `/runs`. @public */
export type ApiIngestionCounts = Schemas['IngestionCounts'];
/** The body of an error answer. @public */
export type ApiErrorDetail = Schemas['ErrorDetail'];
