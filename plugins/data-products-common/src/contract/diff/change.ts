import type {
  ClassifiedContractChange,
  ContractChangeKind,
  ContractChangeType,
} from '../types';

/**
 * Which kind each change type is, per dataproduct-spec.md "Breaking contract changes".
 * @public
 */
export const CHANGE_KINDS: Readonly<
  Record<ContractChangeType, ContractChangeKind>
> = Object.freeze({
  'field-removed': 'breaking',
  'field-renamed': 'breaking',
  'type-changed': 'breaking',
  'required-added': 'breaking',
  'key-changed': 'breaking',
  'freshness-loosened': 'breaking',
  'access-pattern-removed': 'breaking',
  'field-added': 'non-breaking',
  'description-changed': 'non-breaking',
  'freshness-tightened': 'non-breaking',
  'access-pattern-added': 'non-breaking',
  'classification-changed': 'notice',
});

export function change(
  type: ContractChangeType,
  path: string,
  message: string,
): ClassifiedContractChange {
  return { kind: CHANGE_KINDS[type], change: type, path, message };
}

/**
 * Any value as text, for messages and comparisons. `stockroom diff` reads
 * files before any lint, and YAML can write an object that `String()`
 * throws on (`type: {toString: 0}`): that one reads `[object Object]`.
 */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A value in a message: `(none)` for absent, long text shortened. */
export function shownValue(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '(none)';
  }
  const text = asText(value).replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `"${text.slice(0, 57)}…"` : text;
}
