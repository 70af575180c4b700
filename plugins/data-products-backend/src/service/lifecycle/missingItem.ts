import { ApiMissingItem } from '@stockroom/plugin-data-products-common';
import { MissingProduct, MissingStatus } from './findMissingProducts';
import { LocationRecheck } from './recheckLocation';

/**
 * One row of `GET /lifecycle/missing` (the API document's `MissingItem`).
 * Absent values are null, so every row has the same shape for scripts that
 * consume it.
 */
export type MissingItem = ApiMissingItem;

/** What the catalog says about the product's file now. */
export interface LocationVerdict {
  /** Errors on the Location entity that reads the file. */
  statusErrors: string[];
  /** A dry-run re-read of the file; absent when none was made. */
  recheck?: LocationRecheck;
}

export function missingItem(
  { known, status }: MissingProduct,
  verdict: LocationVerdict,
): MissingItem {
  const recheck = verdict.recheck;
  const errors = [
    ...new Set([
      ...verdict.statusErrors,
      ...(recheck?.outcome === 'failed' ? recheck.errors : []),
    ]),
  ];
  const defines = recheck?.outcome === 'read' ? recheck.defines : null;
  return {
    entityRef: known.entityRef,
    title: known.title ?? null,
    owner: known.owner ?? null,
    stage: known.stage ?? null,
    status,
    firstSeenAt: known.firstSeenAt.toISOString(),
    lastSeenAt: known.lastSeenAt.toISOString(),
    location: known.location ?? null,
    locationErrors: errors,
    locationDefines: defines,
    explanation: explain(known.entityRef, status, errors, defines, recheck),
  };
}

// The catalog's words for a document that is not a mapping, a list among
// them ("got object": typeof of an array).
const NOT_AN_OBJECT = 'Expected object at root';

const WHAT_STATUS_MEANS: Record<MissingStatus, string> = {
  gone: 'The catalog no longer has this product.',
  orphaned:
    'No file defines this product any more: the catalog deletes it at its next orphan cleanup.',
  stale:
    'The catalog keeps this product as it last read it: edits to its file do not arrive.',
};

function explain(
  entityRef: string,
  status: MissingStatus,
  errors: string[],
  defines: string[] | null,
  recheck: LocationRecheck | undefined,
): string {
  const what = WHAT_STATUS_MEANS[status];
  if (errors.length > 0) {
    const listHint = errors.some(e => e.includes(NOT_AN_OBJECT))
      ? ' (a YAML list or a plain value where an entity belongs: each document must be one entity, a mapping)'
      : '';
    const after =
      status === 'stale' ? 'edits arrive again' : 'the product comes back';
    return `${what} The catalog fails on its file: ${errors.join(
      '; ',
    )}${listHint}. Fix the file (\`stockroom lint\` reports the same problem); ${after} at the catalog's next processing.`;
  }
  if (defines?.length === 0) {
    return `${what} Its file defines no entity now (emptied, or every document commented out). Restore the product's document, or retire the product on purpose.`;
  }
  if (defines?.includes(entityRef)) {
    return `${what} Its file defines it again; the catalog picks it up at its next processing.`;
  }
  if (defines) {
    return `${what} Its file now defines ${defines.join(
      ', ',
    )} instead: a rename makes a new product (restore metadata.name to keep its history).`;
  }
  const reason =
    recheck?.outcome === 'not-rechecked'
      ? ` Its file could not be re-read: ${recheck.reason}.`
      : '';
  return `${what}${reason} Check its file, or whether its location was unregistered.`;
}
