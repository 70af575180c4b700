import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseLocationRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The catalog's verdict on a file now, from a dry run of registering it. */
export type LocationRecheck =
  /** The catalog read it: the entities it defines now (Locations left out). */
  | { outcome: 'read'; defines: string[] }
  /** The catalog failed to process it, with its error messages. */
  | { outcome: 'failed'; errors: string[] }
  /** The catalog would not re-read it (a refused location type, no access…). */
  | { outcome: 'not-rechecked'; reason: string };

// The catalog's refusal of a location type it does not let anyone register
// (only `url` by default): not a verdict on the file.
const TYPE_REFUSAL = 'Registered locations must be of an allowed type';

/**
 * Asks the catalog to process a file as it is now, without registering it
 * (`POST /locations?dryRun=true`). This is how the error of an entity the
 * catalog never stored is read: an entity renamed to an invalid name fails
 * under its new ref, which no catalog read returns, so the failure is only
 * seen by processing the file again.
 */
export async function recheckLocation(
  catalog: CatalogService,
  locationRef: string,
  credentials: BackstageCredentials,
): Promise<LocationRecheck> {
  let location;
  try {
    location = parseLocationRef(locationRef);
  } catch (error) {
    return { outcome: 'not-rechecked', reason: String(error) };
  }
  try {
    const { entities } = await catalog.addLocation(
      { ...location, dryRun: true },
      { credentials },
    );
    return {
      outcome: 'read',
      defines: entities
        .filter(entity => entity.kind !== 'Location')
        .map(entity => stringifyEntityRef(entity)),
    };
  } catch (error) {
    // The catalog client's ResponseError, recognised by name: a copy of
    // @backstage/errors other than ours would fail an instanceof.
    const response = error as Partial<CatalogResponseError>;
    if (response.name !== 'ResponseError' || !response.statusCode) {
      return { outcome: 'not-rechecked', reason: String(error) };
    }
    const message = response.body?.error?.message ?? String(error);
    if (response.statusCode === 400 && !message.startsWith(TYPE_REFUSAL)) {
      return { outcome: 'failed', errors: [message] };
    }
    return {
      outcome: 'not-rechecked',
      reason: `the catalog answered ${response.statusCode}: ${message}`,
    };
  }
}

type CatalogResponseError = Error & {
  statusCode: number;
  body?: { error?: { message?: string } };
};
