import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { isDataProductEntity } from '@stockroom/plugin-data-products-common';
import { loadDocuments } from './loadDocuments';

/** One entity document of the loaded files, as written (placeholders unresolved). */
export interface IndexedEntity {
  /** The file it was read from. */
  absolute: string;
  value: Record<string, unknown>;
  /** `kind:namespace/name`, lower-case, as catalog relations spell refs. */
  ref: string;
}

/**
 * Every entity of the files a command read, by ref: what the CLI knows in
 * place of the catalog. `stockroom lint` and `stockroom diff` look up the
 * product a v2 supersedes here (the catalog processor reads it from the
 * catalog) and the entities that `dependsOn` a product (the catalog's
 * `dependencyOf` relations). Only what the files hold is known: a product
 * or consumer in another repository is not.
 */
export class EntityIndex {
  private readonly byRef = new Map<string, IndexedEntity>();
  private readonly all: IndexedEntity[] = [];

  /** The entities of each file's text; unreadable documents are skipped (the command reports them). */
  static fromFiles(
    files: ReadonlyArray<{ absolute: string; text: string }>,
  ): EntityIndex {
    const index = new EntityIndex();
    for (const { absolute, text } of files) {
      for (const { value } of loadDocuments(absolute, text).documents) {
        index.add(absolute, value);
      }
    }
    return index;
  }

  add(absolute: string, value: Record<string, unknown>): void {
    const ref = refOf(value);
    if (ref === undefined) return;
    const entry = { absolute, value, ref };
    this.all.push(entry);
    // the first definition wins, as in the catalog (a conflict is refused there)
    if (!this.byRef.has(ref)) this.byRef.set(ref, entry);
  }

  /** The DataProduct a ref names (`dataproduct:` and `default/` assumed when left out). */
  dataProduct(ref: string, defaultNamespace = 'default') {
    const key = normalizeRef(ref, 'DataProduct', defaultNamespace);
    const found = key === undefined ? undefined : this.byRef.get(key);
    return found && isDataProductEntity(found.value as any) ? found : undefined;
  }

  /**
   * Refs of the loaded entities that depend on the entity `ref` names, as
   * the catalog would relate them: any entity's `spec.dependsOn` and a
   * DataProduct's `spec.contract.lineage.upstreams`. Sorted, each once.
   */
  dependentsOf(ref: string): string[] {
    const target = normalizeRef(ref, 'DataProduct', 'default');
    const found = new Set<string>();
    for (const entry of this.all) {
      if (entry.ref === target) continue;
      const namespace = namespaceOf(entry.value);
      if (
        dependencies(entry.value).some(
          ({ ref: dependency, defaultKind }) =>
            normalizeRef(dependency, defaultKind, namespace) === target,
        )
      ) {
        found.add(entry.ref);
      }
    }
    return [...found].sort();
  }
}

function dependencies(value: Record<string, unknown>) {
  const spec = (value.spec ?? {}) as Record<string, any>;
  const refs: Array<{ ref: unknown; defaultKind?: string }> = [];
  if (Array.isArray(spec.dependsOn)) {
    refs.push(...spec.dependsOn.map((ref: unknown) => ({ ref })));
  }
  const upstreams = spec.contract?.lineage?.upstreams;
  if (isDataProductEntity(value as any) && Array.isArray(upstreams)) {
    refs.push(
      ...upstreams.map((ref: unknown) => ({ ref, defaultKind: 'DataProduct' })),
    );
  }
  return refs;
}

function refOf(value: Record<string, unknown>): string | undefined {
  const metadata = (value.metadata ?? {}) as Record<string, unknown>;
  if (typeof value.kind !== 'string' || typeof metadata.name !== 'string') {
    return undefined;
  }
  return normalizeRef(
    `${value.kind}:${namespaceOf(value)}/${metadata.name}`,
    undefined,
    'default',
  );
}

function namespaceOf(value: Record<string, unknown>): string {
  const namespace = (value.metadata as Record<string, unknown> | undefined)
    ?.namespace;
  return typeof namespace === 'string' && namespace !== ''
    ? namespace
    : 'default';
}

/** `kind:namespace/name` in lower case, or undefined for what is not a ref. */
export function normalizeRef(
  ref: unknown,
  defaultKind: string | undefined,
  defaultNamespace: string,
): string | undefined {
  if (typeof ref !== 'string' || ref.trim() === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref.trim(), { defaultKind, defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
