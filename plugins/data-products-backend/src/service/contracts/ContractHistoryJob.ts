import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  StockroomPolicy,
  judgeContractChange,
  contractFingerprint,
  isDataProductEntity,
  PreparedDataProduct,
  prepareDataProduct,
} from '@stockroom/plugin-data-products-common';
import {
  ContractHistoryStore,
  RecordedContractVersion,
} from '../../database/ContractHistoryStore';
import { readDataProducts } from '../catalogReads';
import { breakingChangeIncident } from './breakingChangeIncident';
import { firstSighting } from './firstSighting';

/** What one run did, one count per product. */
export interface ContractHistorySummary {
  /** DataProducts read from the catalog. */
  products: number;
  /** Seen for the first time: recorded, nothing to compare against. */
  firstSightings: number;
  /** A changed contract, recorded with its changes. */
  changed: number;
  /** Same contract as the latest recorded. */
  unchanged: number;
  /** Drift incidents opened by this run. */
  incidentsOpened: number;
  /** Could not be read or recorded; tried again on the next run. */
  failed: number;
}

/** First sightings recorded per transaction. */
const FIRST_SIGHTINGS_PER_BATCH = 200;

type Outcome =
  | 'firstSightings'
  | 'changed'
  | 'unchanged'
  | 'failed'
  | 'incident';

/**
 * The scheduled task's body: read every DataProduct with the plugin's own
 * credentials, normalize its contract with the engine, and record it when its
 * fingerprint differs from the latest recorded one — classified against that
 * one, with an incident when the change breaks consumers without the version
 * bump it needs. Runs are idempotent: an unchanged inventory records nothing.
 */
export class ContractHistoryJob {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: ContractHistoryStore;
      policy: StockroomPolicy;
      logger: LoggerService;
    },
  ) {}

  async run(now: Date, signal?: AbortSignal): Promise<ContractHistorySummary> {
    const { catalog, auth, store } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const products = (await readDataProducts(catalog, credentials))
      .filter(isDataProductEntity)
      .map(stored => prepareDataProduct(stored));
    const latest = await store.latestFingerprints();

    const summary: ContractHistorySummary = {
      products: products.length,
      firstSightings: 0,
      changed: 0,
      unchanged: 0,
      incidentsOpened: 0,
      failed: 0,
    };
    // Products never recorded are first sightings, recorded in batches: a
    // new install's first run is the whole inventory, and a transaction
    // each was 15 s of database work at 10,000 products against 0.6 s in
    // batches (bench contract-history), competing with every request.
    const unseen = products.filter(
      ({ entity }) => !latest.has(stringifyEntityRef(entity)),
    );
    for (let i = 0; i < unseen.length; i += FIRST_SIGHTINGS_PER_BATCH) {
      if (signal?.aborted) break;
      const batch = unseen.slice(i, i + FIRST_SIGHTINGS_PER_BATCH);
      const outcome = await this.recordFirstSightings(batch, now);
      summary.firstSightings += outcome.recorded;
      summary.unchanged += outcome.skipped;
      summary.failed += outcome.failed;
    }
    for (const product of products) {
      // What is not recorded now differs next run too, so stopping loses nothing.
      if (signal?.aborted) break;
      if (!latest.has(stringifyEntityRef(product.entity))) continue;
      const outcome = await this.recordIfChanged(product, latest, now);
      if (outcome === 'incident') {
        summary.changed += 1;
        summary.incidentsOpened += 1;
      } else {
        summary[outcome] += 1;
      }
    }
    return summary;
  }

  /**
   * Products with no recorded contract, recorded as first sightings in one
   * transaction; one another run recorded meanwhile is skipped (counted as
   * unchanged, as recordIfChanged counts it). A batch that fails is logged
   * and tried again on the next run.
   */
  private async recordFirstSightings(
    batch: PreparedDataProduct[],
    now: Date,
  ): Promise<{ recorded: number; skipped: number; failed: number }> {
    const { store, logger } = this.deps;
    const versions: RecordedContractVersion[] = [];
    let failed = 0;
    for (const product of batch) {
      try {
        versions.push(firstSighting(product, now));
      } catch (error) {
        failed += 1;
        logger.warn(
          `Could not record the contract of ${stringifyEntityRef(
            product.entity,
          )}; it is tried again on the next run`,
          error as Error,
        );
      }
    }
    try {
      const recorded = await store.recordFirstSightings(versions);
      return {
        recorded: recorded.size,
        skipped: versions.length - recorded.size,
        failed,
      };
    } catch (error) {
      logger.warn(
        `Could not record the first contracts of ${versions.length} products; they are tried again on the next run`,
        error as Error,
      );
      return { recorded: 0, skipped: 0, failed: failed + versions.length };
    }
  }

  private async recordIfChanged(
    { entity, contract }: PreparedDataProduct,
    latest: Map<string, string>,
    now: Date,
  ): Promise<Outcome> {
    const { store, policy, logger } = this.deps;
    const entityRef = stringifyEntityRef(entity);
    try {
      const fingerprint = contractFingerprint(contract);
      if (latest.get(entityRef) === fingerprint) {
        return 'unchanged';
      }
      const previous = await store.latestVersion(entityRef);
      const next: RecordedContractVersion = {
        entityRef,
        version: contract.version ?? null,
        fingerprint,
        previousFingerprint: previous?.fingerprint ?? null,
        contract,
        changes: [],
        verdict: null,
        recordedAt: now,
      };
      if (!previous) {
        const { recorded } = await store.recordVersion(next);
        return recorded ? 'firstSightings' : 'unchanged';
      }
      if (previous.fingerprint === fingerprint) {
        // Recorded by another run since the fingerprints were read.
        return 'unchanged';
      }
      const { changes, verdict, enforcement } = judgeContractChange(
        previous.contract,
        contract,
        { category: entity.spec.category, policy },
      );
      next.changes = changes;
      next.verdict = verdict;
      const { recorded, incidentOpened } = await store.recordVersion(
        next,
        breakingChangeIncident(previous, next, enforcement),
      );
      if (!recorded) {
        // Another run recorded a newer contract meanwhile; the next run
        // compares against it.
        return 'unchanged';
      }
      return incidentOpened ? 'incident' : 'changed';
    } catch (error) {
      logger.warn(
        `Could not record the contract of ${entityRef}; it is tried again on the next run`,
        error as Error,
      );
      return 'failed';
    }
  }
}
