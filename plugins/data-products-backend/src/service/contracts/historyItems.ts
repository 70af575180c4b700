import {
  ApiContractHistoryEntry,
  ApiIncident,
} from '@stockroom/plugin-data-products-common';
import {
  DriftIncident,
  RecordedContractVersion,
} from '../../database/ContractHistoryStore';

/** One row of `GET …/contract/history`. */
export function contractHistoryItem(
  version: RecordedContractVersion,
): ApiContractHistoryEntry {
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
export function incidentItem(incident: DriftIncident): ApiIncident {
  return {
    id: incident.id,
    kind: incident.kind,
    openedAt: incident.openedAt.toISOString(),
    details: incident.details,
  };
}
