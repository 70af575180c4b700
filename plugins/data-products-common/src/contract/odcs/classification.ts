import type { FieldClassification } from '../../kind/types';

// ODCS classification is free text ("can be anything, like confidential,
// restricted, public"); these are the values Stockroom can place.
const CLASSIFICATIONS: Record<string, FieldClassification> = {
  public: 'public',
  internal: 'internal',
  confidential: 'confidential',
  restricted: 'confidential',
  pii: 'pii',
};

/**
 * The Stockroom classification of an ODCS property: a `pii` tag wins (it is
 * what decides who may see the field), else the mapped `classification`.
 * `unknown` carries a classification that has no Stockroom counterpart.
 */
export function classificationOf(
  classification: string | undefined,
  tags: unknown,
): { value?: FieldClassification; unknown?: string } {
  if (
    Array.isArray(tags) &&
    tags.some(
      tag => typeof tag === 'string' && tag.trim().toLowerCase() === 'pii',
    )
  ) {
    return { value: 'pii' };
  }
  if (classification === undefined) {
    return {};
  }
  const value = CLASSIFICATIONS[classification.toLowerCase()];
  return value ? { value } : { unknown: classification };
}
