import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** What stands in for a product the caller may not read. */
export const HIDDEN_PRODUCT = 'a data product you cannot read';

const DATA_PRODUCT_REF = /^dataproduct:[^/]+\/.+$/i;

/**
 * `value` with every `dataproduct:` ref the caller may not read replaced by
 * {@link HIDDEN_PRODUCT}. Scoring has no user: it reads upstream runs with
 * the plugin's own credentials, so a stored supply chain can name upstream
 * products (and their run ids) that the reader of the scorecard may not
 * see. The reader learns that a hop exists, never what it is. One catalog
 * read with the caller's credentials decides.
 */
export async function withReadableProducts<T>(
  value: T,
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<T> {
  const refs = new Set<string>();
  walkStrings(value, text => {
    if (DATA_PRODUCT_REF.test(text)) refs.add(text.toLocaleLowerCase('en-US'));
    return text;
  });
  if (refs.size === 0) return value;
  const entityRefs = [...refs];
  const { items } = await catalog.getEntitiesByRefs(
    {
      entityRefs,
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    { credentials },
  );
  const readable = new Set(
    items.flatMap(entity =>
      entity ? [stringifyEntityRef(entity).toLocaleLowerCase('en-US')] : [],
    ),
  );
  return walkStrings(value, text =>
    DATA_PRODUCT_REF.test(text) &&
    !readable.has(text.toLocaleLowerCase('en-US'))
      ? HIDDEN_PRODUCT
      : text,
  );
}

/** A copy of plain JSON data with each string mapped by `map`. */
function walkStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) {
    return value.map(item => walkStrings(item, map)) as T;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, walkStrings(item, map)]),
    ) as T;
  }
  return value;
}
