/**
 * Owns the tables `contract_versions` and `drift_incidents`: no other module
 * reads or writes them. One store for both, because a version and the
 * incident its change opens are written in one transaction.
 */
import { Knex } from 'knex';
import {
  ContractHistoryStore,
  DriftIncident,
  NewDriftIncident,
  RecordOutcome,
  RecordedContractVersion,
} from './ContractHistoryStore';

const VERSIONS = 'contract_versions';
const INCIDENTS = 'drift_incidents';

type Timestamp = Date | string | number;

type VersionRow = {
  id: number;
  entity_ref: string;
  version: string | null;
  fingerprint: string;
  previous_fingerprint: string | null;
  contract: string;
  changes: string;
  verdict: string | null;
  recorded_at: Timestamp;
};

type IncidentRow = {
  id: number;
  entity_ref: string;
  kind: string;
  dedupe_key: string;
  opened_at: Timestamp;
  details: string;
};

// Products per `IN (…)` and rows per INSERT: 8 columns × 100 rows stays
// under SQLite's bound-value limit.
const REFS_PER_QUERY = 500;
const ROWS_PER_INSERT = 100;

// Newest first; the id breaks ties between rows recorded in the same instant.
const NEWEST_FIRST = [
  { column: 'recorded_at', order: 'desc' },
  { column: 'id', order: 'desc' },
];

/** {@link ContractHistoryStore} on the plugin's knex database (SQLite or PostgreSQL). */
export class KnexContractHistoryStore implements ContractHistoryStore {
  constructor(private readonly db: Knex) {}

  async latestFingerprints(): Promise<Map<string, string>> {
    // The rows no newer row of the same product outranks: one per product,
    // read off the (entity_ref, recorded_at) index.
    const current = (column: string) => this.db.ref(`current.${column}`);
    const rows: Array<Pick<VersionRow, 'entity_ref' | 'fingerprint'>> =
      await this.db({ current: VERSIONS })
        .select('current.entity_ref', 'current.fingerprint')
        .whereNotExists(
          this.db({ newer: VERSIONS })
            .select('newer.id')
            .where('newer.entity_ref', current('entity_ref'))
            .andWhere(newer =>
              newer
                .where('newer.recorded_at', '>', current('recorded_at'))
                .orWhere(tie =>
                  tie
                    .where('newer.recorded_at', current('recorded_at'))
                    .andWhere('newer.id', '>', current('id')),
                ),
            ),
        );
    return new Map(rows.map(row => [row.entity_ref, row.fingerprint]));
  }

  async latestVersion(
    entityRef: string,
  ): Promise<RecordedContractVersion | undefined> {
    const row = await this.db<VersionRow>(VERSIONS)
      .where('entity_ref', entityRef)
      .orderBy(NEWEST_FIRST)
      .first();
    return row ? versionFromRow(row) : undefined;
  }

  async recordVersion(
    version: RecordedContractVersion,
    incident?: NewDriftIncident,
  ): Promise<RecordOutcome> {
    return this.db.transaction(async tx => {
      const latest = await tx<VersionRow>(VERSIONS)
        .select('fingerprint')
        .where('entity_ref', version.entityRef)
        .orderBy(NEWEST_FIRST)
        .first();
      if ((latest?.fingerprint ?? null) !== version.previousFingerprint) {
        return { recorded: false, incidentOpened: false };
      }

      const row = versionRow(version);
      // A contract seen before becomes the latest again (see the interface).
      // A concurrent run recording the same contract lands here too, and
      // writes the same values.
      await tx(VERSIONS)
        .insert(row)
        .onConflict(['entity_ref', 'fingerprint'])
        .merge([
          'version',
          'previous_fingerprint',
          'changes',
          'verdict',
          'recorded_at',
        ]);

      if (!incident) {
        return { recorded: true, incidentOpened: false };
      }
      return {
        recorded: true,
        incidentOpened: await insertIncident(tx, incident),
      };
    });
  }

  async recordFirstSightings(
    versions: readonly RecordedContractVersion[],
  ): Promise<Set<string>> {
    const recorded = new Set<string>();
    if (versions.length === 0) return recorded;
    return this.db.transaction(async tx => {
      const refs = versions.map(version => version.entityRef);
      const seen = new Set<string>();
      for (let i = 0; i < refs.length; i += REFS_PER_QUERY) {
        const rows: Array<Pick<VersionRow, 'entity_ref'>> = await tx(VERSIONS)
          .distinct('entity_ref')
          .whereIn('entity_ref', refs.slice(i, i + REFS_PER_QUERY));
        rows.forEach(row => seen.add(row.entity_ref));
      }
      const rows = versions
        .filter(version => !seen.has(version.entityRef))
        .map(versionRow);
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        // A concurrent run recording the same contract: already there.
        await tx(VERSIONS)
          .insert(rows.slice(i, i + ROWS_PER_INSERT))
          .onConflict(['entity_ref', 'fingerprint'])
          .ignore();
      }
      rows.forEach(row => recorded.add(row.entity_ref));
      return recorded;
    });
  }

  async openIncident(incident: NewDriftIncident): Promise<boolean> {
    return insertIncident(this.db, incident);
  }

  async listIncidentsOpenedSince(
    since: Date,
    options: { entityRef?: string } = {},
  ): Promise<DriftIncident[]> {
    const query = this.db<IncidentRow>(INCIDENTS).where(
      'opened_at',
      '>=',
      since,
    );
    if (options.entityRef !== undefined) {
      query.where('entity_ref', options.entityRef);
    }
    const rows = await query.orderBy([
      { column: 'opened_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(incidentFromRow);
  }

  async hasContractChange(entityRef: string): Promise<boolean> {
    // The first sighting of a contract has no previous fingerprint; a row
    // with one is a change.
    const change = await this.db<VersionRow>(VERSIONS)
      .where('entity_ref', entityRef)
      .whereNotNull('previous_fingerprint')
      .first('id');
    return change !== undefined;
  }

  async listVersions(entityRef: string): Promise<RecordedContractVersion[]> {
    const rows = await this.db<VersionRow>(VERSIONS)
      .where('entity_ref', entityRef)
      .orderBy(NEWEST_FIRST);
    return rows.map(versionFromRow);
  }

  async listIncidents(entityRef: string): Promise<DriftIncident[]> {
    const rows = await this.db<IncidentRow>(INCIDENTS)
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'opened_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(incidentFromRow);
  }
}

/** Inserts the incident unless its dedupe key is taken; true when inserted. */
async function insertIncident(
  db: Knex,
  incident: NewDriftIncident,
): Promise<boolean> {
  const opened = await db(INCIDENTS)
    .insert({
      entity_ref: incident.entityRef,
      kind: incident.kind,
      dedupe_key: incident.dedupeKey,
      opened_at: incident.openedAt,
      details: JSON.stringify(incident.details),
    })
    .onConflict('dedupe_key')
    .ignore()
    .returning('id');
  return opened.length > 0;
}

function incidentFromRow(row: IncidentRow): DriftIncident {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    kind: row.kind as DriftIncident['kind'],
    dedupeKey: row.dedupe_key,
    openedAt: dateOf(row.opened_at),
    details: JSON.parse(row.details),
  };
}

function versionFromRow(row: VersionRow): RecordedContractVersion {
  return {
    entityRef: row.entity_ref,
    version: row.version,
    fingerprint: row.fingerprint,
    previousFingerprint: row.previous_fingerprint,
    contract: JSON.parse(row.contract),
    changes: JSON.parse(row.changes),
    verdict: row.verdict as RecordedContractVersion['verdict'],
    recordedAt: dateOf(row.recorded_at),
  };
}

// PostgreSQL returns a Date, SQLite the stored epoch milliseconds.
function dateOf(value: Timestamp): Date {
  return new Date(value);
}

function versionRow(version: RecordedContractVersion) {
  return {
    entity_ref: version.entityRef,
    version: version.version,
    fingerprint: version.fingerprint,
    previous_fingerprint: version.previousFingerprint,
    contract: JSON.stringify(version.contract),
    changes: JSON.stringify(version.changes),
    verdict: version.verdict,
    recorded_at: version.recordedAt,
  };
}
