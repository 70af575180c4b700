import {
  ClassifiedContractChange,
  ContractChangeVerdict,
} from '@stockroom/plugin-data-products-common';
import {
  DriftIncident,
  RecordedContractVersion,
} from '../../database/ContractHistoryStore';

/** One row of `GET …/contract/history`. */
export interface ContractHistoryItem {
  version: string | null;
  fingerprint: string;
  /** The contract this one replaced; null on the first sighting. */
  previousFingerprint: string | null;
  /** ISO 8601. */
  recordedAt: string;
  changes: ClassifiedContractChange[];
  /** null on the first sighting: nothing to judge. */
  verdict: ContractChangeVerdict | null;
}

export function contractHistoryItem(
  version: RecordedContractVersion,
): ContractHistoryItem {
  return {
    version: version.version,
    fingerprint: version.fingerprint,
    previousFingerprint: version.previousFingerprint,
    recordedAt: version.recordedAt.toISOString(),
    changes: version.changes,
    verdict: version.verdict,
  };
}

/** One row of `GET …/incidents`. */
export interface IncidentItem {
  id: number;
  kind: string;
  /** ISO 8601. */
  openedAt: string;
  details: Record<string, unknown>;
}

export function incidentItem(incident: DriftIncident): IncidentItem {
  return {
    id: incident.id,
    kind: incident.kind,
    openedAt: incident.openedAt.toISOString(),
    details: incident.details,
  };
}
