/**
 * How big a DataProduct may be. Every surface serves, stores and indexes an
 * entity whole (the catalog's database, its search collator, the entity
 * page), so one oversized or absurdly nested document can stall all of them:
 * a 10 MB description froze a search collation, a 20,000-level schema
 * overflowed the stack. The limits are generous for real products (the
 * largest real contracts we know are a few hundred fields and a few dozen
 * KiB) and are documented in docs/dataproduct-yaml.md and docs/security.md.
 */

/** The whole entity, as compact JSON (UTF-8), after placeholders are resolved. @public */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/**
 * Objects and lists nested in one another, anywhere in the entity (the
 * entity itself is level 1). Deep enough for any real document, ODCS
 * contracts included; shallow enough that no walk over it can exhaust the
 * stack.
 *
 * @public
 */
export const MAX_DOCUMENT_DEPTH = 100;

/** Free text: descriptions, notes, sample queries, guides. @public */
export const MAX_TEXT_LENGTH = 10_000;

/** Names, types, refs, locations, tags and other one-word values. @public */
export const MAX_NAME_LENGTH = 1_000;

/**
 * Fields of one schema: a contract's `schema` (ODCS properties flattened),
 * an observed schema of a run or OpenLineage schema facet (nested fields
 * counted), and the lists that name fields (key fields, field mappings).
 *
 * @public
 */
export const MAX_SCHEMA_FIELDS = 10_000;

/**
 * Levels of nested fields in one schema (a top-level field is level 1;
 * `address.geo.lat` is level 3): ODCS properties, OpenLineage schema facet
 * fields.
 *
 * @public
 */
export const MAX_SCHEMA_DEPTH = 32;

/** Items of every other list: access patterns, upstreams, tags, queries … @public */
export const MAX_LIST_ITEMS = 1_000;

/** `262144` → `256 KiB`, for messages. */
export function formatLimitBytes(bytes: number): string {
  return bytes >= 1024 && bytes % 1024 === 0
    ? `${bytes / 1024} KiB`
    : `${bytes} bytes`;
}

/** `10000` → `10,000`, for messages. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
