/**
 * Catalog names for what an ODCS document names freely: a Backstage name is
 * at most 63 letters, digits and `-_.` between them; tags are lower-case
 * words joined by `-`.
 */

const MAX_NAME = 63;

/** `SalesOrderHeader` → `salesorderheader`, `Air_Quality` → `air-quality`; undefined when nothing is left. */
export function entityNameOf(text: string): string | undefined {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME)
    .replace(/-+$/, '');
  return name === '' ? undefined : name;
}

/** Names made unique in order: a second `orders` becomes `orders-2`. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  claim(name: string): string {
    let candidate = name;
    for (let n = 2; this.taken.has(candidate); n++) {
      const suffix = `-${n}`;
      candidate = `${name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    }
    this.taken.add(candidate);
    return candidate;
  }
}

/** ODCS tags as catalog tags: slugged, valid ones only, each once. */
export function catalogTags(...lists: unknown[]): string[] | undefined {
  const tags = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const tag of list) {
      if (typeof tag !== 'string') continue;
      const slug = entityNameOf(tag);
      if (slug) tags.add(slug);
    }
  }
  return tags.size > 0 ? [...tags] : undefined;
}

/** `group:default/identity-platform` → `identity-platform`. */
export function refName(ref: string): string {
  return (
    ref
      .slice(ref.lastIndexOf(':') + 1)
      .split('/')
      .pop() ?? ref
  );
}
