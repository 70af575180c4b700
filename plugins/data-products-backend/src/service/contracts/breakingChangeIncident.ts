import { Enforcement } from '@stockroom/plugin-data-products-common';
import {
  NewDriftIncident,
  RecordedContractVersion,
} from '../../database/ContractHistoryStore';

export const BREAKING_CHANGE_WITHOUT_MAJOR = 'breaking-change-without-major';

/**
 * The incident a newly recorded contract version opens, if any: one when the
 * engine's verdict on its changes is not `ok` (a breaking change without the
 * major bump, or for a core entity without a new entity) and rule
 * `breaking-change-needs-major` is not `off` in the product's category
 * (`enforcement`; off for convenience views by default). `warn` and `block`
 * both open one: the change is in the catalog already, there is nothing left
 * to block. The dedupe key is
 * the product and both fingerprints, so one drift opens one incident however
 * often it is seen — also when a product flips back and forth between the
 * same two contracts.
 */
export function breakingChangeIncident(
  previous: RecordedContractVersion,
  next: RecordedContractVersion,
  enforcement: Enforcement,
): NewDriftIncident | undefined {
  if (enforcement === 'off' || next.verdict === null || next.verdict === 'ok') {
    return undefined;
  }
  return {
    entityRef: next.entityRef,
    kind: BREAKING_CHANGE_WITHOUT_MAJOR,
    dedupeKey: [
      BREAKING_CHANGE_WITHOUT_MAJOR,
      next.entityRef,
      previous.fingerprint,
      next.fingerprint,
    ].join('|'),
    openedAt: next.recordedAt,
    details: {
      verdict: next.verdict,
      fromVersion: previous.version,
      toVersion: next.version,
      fromFingerprint: previous.fingerprint,
      toFingerprint: next.fingerprint,
      changes: next.changes,
    },
  };
}
