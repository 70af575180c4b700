/** `dataproduct:<namespace>/<name>`, readable even for an invalid entity. */
export function entityRefOf(value: Record<string, unknown>): string {
  const metadata = (value.metadata ?? {}) as Record<string, unknown>;
  const text = (v: unknown, fallback: string) =>
    typeof v === 'string' && v !== '' ? v : fallback;
  return `dataproduct:${text(metadata.namespace, 'default')}/${text(
    metadata.name,
    '(unnamed)',
  )}`;
}
