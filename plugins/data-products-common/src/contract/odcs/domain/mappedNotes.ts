import type { NormalizedContract } from '../../types';

/**
 * What the ODCS document gave a product, one line per part, for the comments
 * `stockroom import-odcs` writes above each file: owners read what they got
 * before they read what they must add.
 */
export function mappedNotes(
  contract: Partial<NormalizedContract>,
  objectName: string | undefined,
): string[] {
  const notes: string[] = [];
  const fields = contract.schema ?? [];
  const from = objectName
    ? `schema object ${objectName}`
    : 'the document (it has no schema object)';
  notes.push(
    `schema: ${fields.length} ${
      fields.length === 1 ? 'field' : 'fields'
    } from ${from}`,
  );
  const described = fields.filter(field => field.description).length;
  if (fields.length > 0 && described < fields.length) {
    notes.push(
      `descriptions: ${described} of ${fields.length} fields have one`,
    );
  }
  if (contract.quality?.keyFields?.length) {
    notes.push(
      `quality.keyFields: ${contract.quality.keyFields.join(
        ', ',
      )} (primary keys and critical data elements)`,
    );
  }
  const limits = [
    contract.quality?.maxNullRate !== undefined
      ? `maxNullRate ${contract.quality.maxNullRate}`
      : undefined,
    contract.quality?.maxDuplicateRate !== undefined
      ? `maxDuplicateRate ${contract.quality.maxDuplicateRate}`
      : undefined,
  ].filter(Boolean);
  if (limits.length) {
    notes.push(`quality: ${limits.join(', ')} (from quality rules)`);
  }
  const freshness = contract.freshness;
  if (freshness) {
    const parts = [
      freshness.p95 ? `p95 ${freshness.p95} (latencyP95)` : undefined,
      freshness.p99 ? `p99 ${freshness.p99} (latency)` : undefined,
      freshness.tier ? `tier ${freshness.tier} (frequency)` : undefined,
    ].filter(Boolean);
    notes.push(`freshness: ${parts.join(', ')} from slaProperties`);
  }
  if (contract.availability) {
    notes.push(`availability: ${contract.availability} from slaProperties`);
  }
  if (contract.sunsetOn) {
    notes.push(
      `lifecycle.sunsetOn: ${contract.sunsetOn} (endOfSupport / endOfLife)`,
    );
  }
  if (contract.accessPatterns?.length) {
    notes.push(
      `accessPatterns: ${contract.accessPatterns.length} from servers`,
    );
  }
  if (contract.escalation) {
    notes.push(
      `escalation: ${[contract.escalation.channel, contract.escalation.onCall]
        .filter(Boolean)
        .join(', ')} from support`,
    );
  }
  if (contract.version) notes.push(`version: ${contract.version}`);
  if (contract.stage) notes.push(`lifecycle.stage: ${contract.stage} (status)`);
  if (contract.cost) notes.push('cost: from price');
  return notes;
}
