import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DataProductEntityV1alpha1,
  PreparedDataProduct,
  isDataProductEntity,
  prepareDataProduct,
} from '@stockroom/plugin-data-products-common';
import { parseDocument } from 'yaml';

/**
 * The most YAML one side of a change may hold. The demo's largest product
 * is under 8 KB; two sides at this limit stay under the 100 KB JSON body
 * the actions registry accepts (it answers 413 past that).
 */
export const MAX_YAML_CHARS = 40 * 1024;

/**
 * One DataProduct from YAML a caller sent, prepared as every surface reads
 * it. Anything else is an input error naming `field`: YAML that does not
 * parse (with its line), several documents, something that is not a
 * DataProduct, or a contract the ODCS mapping rejects. Placeholders
 * (`$text`, `$yaml`) are not resolved: there is no file to resolve them from.
 */
export function productFromYaml(
  field: string,
  text: string,
): PreparedDataProduct & { entityRef: string } {
  const document = parseDocument(text, {
    prettyErrors: true,
    uniqueKeys: true,
  });
  if (document.errors.length > 0) {
    throw new InputError(
      `${field} is not valid YAML: ${document.errors[0].message}`,
    );
  }
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  if (
    typeof value !== 'object' ||
    value === null ||
    !isDataProductEntity(value as DataProductEntityV1alpha1)
  ) {
    throw new InputError(
      `${field} is not a DataProduct: expected apiVersion stockroom.io/v1alpha1 and kind DataProduct`,
    );
  }
  const entity = value as DataProductEntityV1alpha1;
  if (typeof entity.metadata?.name !== 'string' || !entity.spec) {
    throw new InputError(`${field} has no metadata.name or no spec`);
  }
  const prepared = prepareDataProduct(entity);
  const mappingErrors = prepared.contractFindings.filter(
    f => f.severity === 'error',
  );
  if (mappingErrors.length > 0) {
    throw new InputError(
      `${field}: the contract cannot be read (${mappingErrors
        .map(f => f.message)
        .join('; ')})`,
    );
  }
  return { ...prepared, entityRef: stringifyEntityRef(entity) };
}
