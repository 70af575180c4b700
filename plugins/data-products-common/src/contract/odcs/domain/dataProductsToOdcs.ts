import type { Entity } from '@backstage/catalog-model';
import type { JsonObject, JsonValue } from '@backstage/types';
import { fromCatalogShape } from '../../../kind/catalogShape';
import type { DataProductEntityV1alpha1 } from '../../../kind/types';
import { ODCS_API_VERSION, contractToOdcs } from '../toOdcs';
import { compact, textOf } from '../values';
import { refName } from './entityNames';

/**
 * A System's data products as one ODCS v3.1.0 document (what
 * `stockroom export-odcs --system` and `GET …/systems/:namespace/:name/contract?format=odcs`
 * serve): the System is the contract, each product one schema object (named
 * by its `odcsSchema`, else its own name), so importing the document again
 * gives back the same products. Each product's document is
 * {@link contractToOdcs}; what ODCS keeps at the top level is merged:
 *
 * - `servers` and `support`: every distinct one, in product order;
 * - `slaProperties`: as they are when every product promises the same;
 *   otherwise each product's, scoped to its object with `element`;
 * - `price`, Stockroom's custom properties and `contractCreatedTs`: kept
 *   when every product says the same, else left out (ODCS has no place for
 *   them per object);
 * - `version`: the products' version when they share one, else the highest;
 *   `status`: theirs when they share one, else `active`.
 *
 * A product with no fields and no `odcsSchema` adds terms but no object.
 * Accepts products in the authored and the catalog shape, with their ODCS
 * documents resolved.
 *
 * @public
 */
export function dataProductsToOdcs(
  products: ReadonlyArray<DataProductEntityV1alpha1 | Entity>,
  system: Entity,
): JsonObject {
  const parts = products.map(product => {
    const authored = fromCatalogShape(product as DataProductEntityV1alpha1);
    const document = contractToOdcs(authored);
    const object = (document.schema as JsonObject[])[0];
    const hasObject =
      textOf(authored.spec.contract?.odcsSchema) !== undefined ||
      ((object.properties as JsonValue[] | undefined)?.length ?? 0) > 0;
    return { document, object: hasObject ? object : undefined };
  });
  const documents = parts.map(part => part.document);
  const systemSpec = (system.spec ?? {}) as JsonObject;
  const owner = textOf(systemSpec.owner);
  const domain = textOf(systemSpec.domain);
  const name = system.metadata.name;
  return compact({
    apiVersion: ODCS_API_VERSION,
    kind: 'DataContract',
    id: name,
    name: system.metadata.title ?? name,
    version: mergedVersion(documents.map(d => String(d.version))),
    status: shared(documents.map(d => d.status)) ?? 'active',
    domain: domain ? refName(domain) : undefined,
    dataProduct: name,
    tags: system.metadata.tags?.length ? [...system.metadata.tags] : undefined,
    description: system.metadata.description
      ? { purpose: system.metadata.description }
      : undefined,
    servers: distinctServers(documents),
    schema: parts.flatMap(part => (part.object ? [part.object] : [])),
    slaProperties: mergedSla(parts),
    support: distinct(documents.flatMap(d => listOf(d.support))),
    team: owner ? { name: refName(owner) } : undefined,
    price: shared(documents.map(d => d.price)),
    customProperties: shared(documents.map(d => d.customProperties)),
    contractCreatedTs: shared(documents.map(d => d.contractCreatedTs)),
  }) as JsonObject;
}

function listOf(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? (value as JsonObject[]) : [];
}

/** The value every document has (deep-equal), else undefined. */
function shared<T extends JsonValue | undefined>(values: T[]): T | undefined {
  if (values.length === 0) return undefined;
  const first = JSON.stringify(values[0]);
  return values.every(value => JSON.stringify(value) === first)
    ? values[0]
    : undefined;
}

function distinct(items: JsonObject[]): JsonObject[] | undefined {
  const seen = new Set<string>();
  const kept = items.filter(item => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.length > 0 ? kept : undefined;
}

/** Distinct servers; a `server` name two different ones share gets a suffix. */
function distinctServers(documents: JsonObject[]): JsonObject[] | undefined {
  const servers = distinct(documents.flatMap(d => listOf(d.servers)));
  if (!servers) return undefined;
  const taken = new Set<string>();
  return servers.map(server => {
    const base = String(server.server);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return name === base ? server : { ...server, server: name };
  });
}

function mergedSla(
  parts: Array<{ document: JsonObject; object?: JsonObject }>,
): JsonObject[] | undefined {
  const same = shared(parts.map(part => part.document.slaProperties));
  if (same !== undefined || parts.every(p => !p.document.slaProperties)) {
    return same as JsonObject[] | undefined;
  }
  const scoped = parts.flatMap(part =>
    listOf(part.document.slaProperties).map(property =>
      part.object
        ? { ...property, element: String(part.object.name) }
        : property,
    ),
  );
  return scoped.length > 0 ? scoped : undefined;
}

/** The shared version, else the highest semver (a domain is as new as its newest part). */
function mergedVersion(versions: string[]): string {
  const same = shared(versions);
  if (same !== undefined) return same;
  return [...versions].sort(compareSemver).pop() ?? '0.0.0';
}

function compareSemver(a: string, b: string): number {
  const parts = (v: string) =>
    (/^(\d+)\.(\d+)\.(\d+)/.exec(v) ?? ['', '0', '0', '0'])
      .slice(1)
      .map(Number);
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
