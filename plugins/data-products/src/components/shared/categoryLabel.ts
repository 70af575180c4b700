/**
 * How a category reads to a person. Keyed by the YAML value; an unknown value
 * (a newer backend, a hand-written entity) is shown as written.
 */
const CATEGORY_LABELS: Record<string, string> = {
  'core-entity': 'Core entity',
  'shared-mart': 'Shared mart',
  'convenience-view': 'Convenience view',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

/** `micro-batch` → `Micro-batch`, `active` → `Active`. */
export function sentenceCase(value: string): string {
  return value.charAt(0).toLocaleUpperCase('en-US') + value.slice(1);
}
