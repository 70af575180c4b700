import type {
  ClassifiedContractChange,
  ContractChangeVerdict,
  NormalizedContract,
} from '@stockroom/plugin-data-products-common';

/**
 * One contract a product published, as the history task recorded it: what it
 * was, and how it changed from the one before.
 */
export interface RecordedContractVersion {
  /** The data product, e.g. `dataproduct:default/orders`. */
  entityRef: string;
  /** The product's spec.version with this contract; null when it had none. */
  version: string | null;
  fingerprint: string;
  /** The contract this one replaced; null on the product's first sighting. */
  previousFingerprint: string | null;
  contract: NormalizedContract;
  /** Classified against the previous contract; [] on the first sighting. */
  changes: ClassifiedContractChange[];
  /** The engine's verdict on `changes`; null on the first sighting. */
  verdict: ContractChangeVerdict | null;
  recordedAt: Date;
}

/**
 * What a drift incident is about: a breaking contract change published
 * without its major bump (the contract-history task), or a run's observed
 * schema differing from the contract (scoring). The column is a plain string
 * so adding a kind needs no migration.
 */
export type DriftIncidentKind =
  | 'breaking-change-without-major'
  | 'observed-schema-drift';

/** An incident to open: once per `dedupeKey`. */
export interface NewDriftIncident {
  entityRef: string;
  kind: DriftIncidentKind;
  /** Identifies the drift; a second incident with the same key is not opened. */
  dedupeKey: string;
  openedAt: Date;
  /** JSON-serializable: what the drift is, for a reader (versions, changes…). */
  details: Record<string, unknown>;
}

export interface DriftIncident extends NewDriftIncident {
  id: number;
}

/** What {@link ContractHistoryStore.recordVersion} did. */
export interface RecordOutcome {
  /** False when the product's latest contract was no longer the one expected. */
  recorded: boolean;
  /** True when the incident was opened now, false when none was given or it was open already. */
  incidentOpened: boolean;
}

/**
 * The contract history of every data product and the drift incidents opened
 * about them. Shared by every instance of a backend cluster through the
 * plugin's database.
 */
export interface ContractHistoryStore {
  /** Each recorded product's current fingerprint, by entity ref. */
  latestFingerprints(): Promise<Map<string, string>>;

  /** The product's current recorded contract; undefined before its first sighting. */
  latestVersion(
    entityRef: string,
  ): Promise<RecordedContractVersion | undefined>;

  /**
   * Records `version` as the product's current contract and opens
   * `incident` (unless its dedupe key is taken), in one transaction. Does
   * nothing when the product's latest recorded fingerprint is not
   * `version.previousFingerprint` any more (another run got there first): the
   * change was classified against a stale contract.
   *
   * A contract that returns to an earlier form keeps its one row (unique per
   * product and fingerprint): the row becomes the latest again, with the
   * changes from the contract it replaced this time.
   */
  recordVersion(
    version: RecordedContractVersion,
    incident?: NewDriftIncident,
  ): Promise<RecordOutcome>;

  /**
   * Records each of `versions` (first sightings: no previous fingerprint)
   * as its product's first contract, in one transaction: what
   * `recordVersion` does for each, for a whole inventory seen for the first
   * time. A product that has a recorded contract by then is skipped (another
   * run got there first). Returns the refs recorded.
   */
  recordFirstSightings(
    versions: readonly RecordedContractVersion[],
  ): Promise<Set<string>>;

  /** The product's recorded contracts, newest first. */
  listVersions(entityRef: string): Promise<RecordedContractVersion[]>;

  /** The product's drift incidents, newest first. */
  listIncidents(entityRef: string): Promise<DriftIncident[]>;

  /**
   * Opens `incident` unless one with its dedupe key exists (opened by any
   * instance, however long ago). True when this call opened it.
   */
  openIncident(incident: NewDriftIncident): Promise<boolean>;

  /**
   * Incidents opened at or after `since`, oldest first: of every product, or
   * only of `options.entityRef`.
   */
  listIncidentsOpenedSince(
    since: Date,
    options?: { entityRef?: string },
  ): Promise<DriftIncident[]>;

  /**
   * Whether a change of the product's contract was ever recorded (a version
   * after its first sighting): evidence that stability can be judged.
   */
  hasContractChange(entityRef: string): Promise<boolean>;
}
