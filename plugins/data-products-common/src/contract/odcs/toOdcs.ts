import type { JsonObject } from '@backstage/types';
import { isCalendarDate } from '../../kind/calendarDate';
import { fromCatalogShape } from '../../kind/catalogShape';
import type { DataProductEntityV1alpha1, SchemaField } from '../../kind/types';
import { normalizeContract } from '../normalize';
import type { NormalizedContract } from '../types';
import { EXTENSION, extensionList } from './extensions';
import { schemaObjectToOdcs } from './schemaToOdcs';
import { serversToOdcs } from './serversToOdcs';
import { priceToOdcs, slaToOdcs, supportToOdcs } from './termsToOdcs';
import { compact, textOf } from './values';

/** The ODCS version Stockroom exports. @public */
export const ODCS_API_VERSION = 'v3.1.0';

/**
 * A data product's normalized contract as an ODCS v3.1.0 document (what
 * `GET …/contract?format=odcs` serves). Everything ODCS can say is in its
 * own fields; what it cannot (lineage, escalation hours, exact field types,
 * foreign keys, exact access patterns, funding, priced freshness options)
 * travels in `stockroom*`
 * custom properties, written only where needed, so that
 * {@link contractFromOdcs} reads back the same contract.
 *
 * @public
 */
export function contractToOdcs(entity: DataProductEntityV1alpha1): JsonObject {
  const authored = fromCatalogShape(entity);
  const { contract } = normalizeContract(authored);
  const { metadata, spec } = authored;
  const name = metadata.name;
  const createdOn = spec.lifecycle?.createdOn;
  return compact({
    apiVersion: ODCS_API_VERSION,
    kind: 'DataContract',
    id: name,
    name,
    // ODCS requires both; a product without a version says so in an extension.
    version: contract.version ?? '0.0.0',
    status: contract.stage ?? 'draft',
    domain: spec.domain ? refName(spec.domain) : undefined,
    dataProduct: name,
    tags: metadata.tags?.length ? [...metadata.tags] : undefined,
    description: metadata.description
      ? { purpose: metadata.description }
      : undefined,
    servers: contract.accessPatterns.length
      ? serversToOdcs(contract.accessPatterns)
      : undefined,
    schema: [
      schemaObjectToOdcs(
        // the object of a multi-table document it was imported from keeps its name
        textOf(spec.contract?.odcsSchema) ?? name,
        spec.type,
        metadata.description,
        contract.schema,
        contract.quality,
      ),
    ],
    slaProperties: slaToOdcs(contract),
    support: supportToOdcs(contract.escalation),
    team: spec.owner ? { name: refName(spec.owner) } : undefined,
    price: priceToOdcs(contract.cost),
    customProperties: extensionList([
      [
        EXTENSION.lineageUpstreams,
        contract.lineage.upstreams.length
          ? [...contract.lineage.upstreams]
          : undefined,
      ],
      [EXTENSION.escalationHours, contract.escalation?.hours],
      [EXTENSION.costFundedBy, contract.cost?.fundedBy],
      [EXTENSION.costOptions, costOptionsExtension(contract)],
      [EXTENSION.keyFields, keyFieldsExtension(contract)],
      [EXTENSION.version, contract.version === undefined ? null : undefined],
    ]),
    contractCreatedTs:
      createdOn && isCalendarDate(createdOn)
        ? `${createdOn}T00:00:00Z`
        : undefined,
  }) as JsonObject;
}

/**
 * The key fields, when import would not derive them: it takes primary keys
 * and critical data elements in schema order, so a primary key left out of
 * `keyFields`, another order, or a name outside the schema needs saying.
 */
function keyFieldsExtension(
  contract: NormalizedContract,
): string[] | undefined {
  const keyFields = contract.quality?.keyFields ?? [];
  const listed = new Set(keyFields);
  const derived = contract.schema
    .filter(
      (field: SchemaField) => field.key === 'primary' || listed.has(field.name),
    )
    .map(field => field.name);
  const same =
    derived.length === keyFields.length &&
    derived.every((name, index) => name === keyFields[index]);
  return same ? undefined : [...keyFields];
}

/**
 * `cost.options` as written, an empty list included: ODCS `price` holds one
 * monthly amount, not what other freshness would cost.
 */
function costOptionsExtension(
  contract: NormalizedContract,
): JsonObject[] | undefined {
  return contract.cost?.options?.map(
    option => compact({ ...option }) as JsonObject,
  );
}

/** `group:default/identity-platform` → `identity-platform`. */
function refName(ref: string): string {
  return (
    ref
      .slice(ref.lastIndexOf(':') + 1)
      .split('/')
      .pop() ?? ref
  );
}
