import {
  ObservedSchemaDrift,
  ScorableContract,
  observedSchemaDrift,
} from '@stockroom/plugin-data-products-common';
import { createHash } from 'crypto';
import { NewDriftIncident } from '../../database/ContractHistoryStore';
import { ObservedSchema } from '../../database/RunStore';

export const OBSERVED_SCHEMA_DRIFT = 'observed-schema-drift';

/**
 * A stable fingerprint of a drift list: sha256 of what each drift is (the
 * change, the fields, the types as compared — case and spacing folded), not
 * of its wording, so the same drift seen by any run, in any later version of
 * the messages, is the same drift.
 */
export function driftFingerprint(
  drift: readonly ObservedSchemaDrift[],
): string {
  const canonical = drift.map(d => [
    d.change,
    d.field,
    d.observedField ?? null,
    foldType(d.expectedType),
    foldType(d.observedType),
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * The incident the product's latest observed schema opens, if it drifts
 * from the contract (the rule engine's observedSchemaDrift decides). One per
 * distinct drift list: the dedupe key is the product and the list's
 * fingerprint, so a schema that keeps drifting the same way, run after run,
 * opens one incident; a drift that changes opens another.
 */
export function observedDriftIncident(
  entityRef: string,
  contract: Pick<ScorableContract, 'schema'>,
  observed: ObservedSchema,
  now: Date,
): NewDriftIncident | undefined {
  const drift = observedSchemaDrift(contract, observed.fields);
  if (drift.length === 0) {
    return undefined;
  }
  return {
    entityRef,
    kind: OBSERVED_SCHEMA_DRIFT,
    // kind (21) + ref (≤ 255) + 64 hex: within the 512 of the column.
    dedupeKey: [OBSERVED_SCHEMA_DRIFT, entityRef, driftFingerprint(drift)].join(
      '|',
    ),
    openedAt: now,
    details: {
      runId: observed.runId,
      observedAt: observed.observedAt.toISOString(),
      drift,
    },
  };
}

function foldType(type: string | undefined): string | null {
  return type === undefined ? null : type.replace(/\s+/g, '').toLowerCase();
}
