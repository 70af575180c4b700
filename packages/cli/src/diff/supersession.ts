import {
  type CategoryPolicy,
  type ClassifiedContractChange,
  type DataProductEntityV1alpha1,
  type Enforcement,
  type Finding,
  type StockroomPolicy,
  classifyContractChanges,
  isDataProductEntity,
  judgeDataProduct,
  prepareDataProduct,
} from '@stockroom/plugin-data-products-common';
import { entityRefOf } from '../documents/entityRef';
import { EntityIndex, normalizeRef } from '../documents/entityIndex';
import { loadDocuments } from '../documents/loadDocuments';
import { resolvePlaceholders } from '../documents/resolvePlaceholders';
import { supersededProduct } from '../documents/supersededProduct';
import type { InputProblem } from '../documents/types';
import { Position, pathToLine } from '../yaml/pathToLine';

/** A v2 compared with the product it supersedes (both in the loaded files). */
export interface SupersessionResult {
  /** The v2's file, as shown. */
  file: string;
  /** The v2, `dataproduct:<namespace>/<name>`. */
  entityRef: string;
  /** What it supersedes, as written (`lifecycle.supersedes`, else `migration.from`). */
  supersedes: string;
  /** The file holding the superseded product, as shown. */
  supersededFile: string;
  fromVersion: string | null;
  toVersion: string | null;
  /** The engine's classification of v1 → v2, for reading; the verdict is the mapping's. */
  changes: ClassifiedContractChange[];
  /** The `migration-mapping` findings on the v2 (none: every dropped field mapped, every target exists). */
  mapping: Finding[];
  /** Fields of v1 the v2 maps (`fieldMapping[].from`) that it dropped. */
  mappedCount: number;
  /** Loaded entities that still depend on the superseded product. */
  consumers: string[];
  /** `migration-mapping` in the v2's category under the policy. */
  enforcement: Enforcement;
  /** A mapping finding is an error (the rule is at `block`): the catalog rejects the v2. */
  blocks: boolean;
  /** Where a field path is written in the v2's file. */
  locate(path: string): Position;
}

export interface SupersessionContext {
  policy: StockroomPolicy;
  now: Date;
  display: (absolute: string) => string;
  /** Say so when a v2's superseded product is not loaded (only when the user asked for the check). */
  noteMissing: boolean;
}

/**
 * Every DataProduct of `files` that supersedes a product `index` holds,
 * compared with it as the catalog processor judges it: the v2 through
 * `judgeDataProduct` with the superseded contract (rule
 * `migration-mapping`), the contract change classified v1 → v2, and the
 * entities still depending on v1 (`dependsOn`, lineage upstreams).
 */
export function checkSupersessions(
  files: ReadonlyArray<{ absolute: string; text: string }>,
  index: EntityIndex,
  context: SupersessionContext,
): { results: SupersessionResult[]; problems: InputProblem[] } {
  const results: SupersessionResult[] = [];
  const problems: InputProblem[] = [];
  for (const { absolute, text } of files) {
    const file = context.display(absolute);
    const loaded = loadDocuments(file, text);
    for (const { document, value } of loaded.documents) {
      if (!isDataProductEntity(value as any)) continue;
      const superseded = supersededProduct(value, index, context.display);
      if (!superseded) continue;
      const entityRef = entityRefOf(value);
      const locate = (fieldPath: string) =>
        pathToLine(document, loaded.lineCounter, fieldPath);
      if (!superseded.entry) {
        if (context.noteMissing) {
          problems.push({
            file,
            severity: 'note',
            message: `${entityRef} supersedes ${superseded.ref}, which none of the given files holds: give its file with --against <file> to check the field mapping and list its consumers`,
            ...locate('spec.lifecycle.supersedes'),
          });
        }
        continue;
      }
      const supersededFile = context.display(superseded.entry.absolute);
      if (!superseded.contract) {
        problems.push({
          file,
          severity: 'error',
          message: `${entityRef} supersedes ${superseded.ref} (${supersededFile}), whose contract cannot be read; run \`stockroom lint ${supersededFile}\``,
        });
        continue;
      }
      const resolved = resolvePlaceholders(value, absolute, context.display);
      const unresolved = resolved.findings.find(f => f.severity === 'error');
      let prepared;
      try {
        prepared = unresolved
          ? undefined
          : prepareDataProduct(
              resolved.entity as unknown as DataProductEntityV1alpha1,
            );
      } catch {
        prepared = undefined;
      }
      if (!prepared) {
        problems.push({
          file,
          severity: 'error',
          message: `${entityRef}: its contract cannot be read${
            unresolved ? ` (${unresolved.message})` : ''
          }; run \`stockroom lint ${file}\``,
        });
        continue;
      }
      const judged = judgeDataProduct(
        resolved.entity,
        context.policy,
        context.now,
        { supersededContract: { schema: superseded.contract.schema ?? [] } },
      );
      const mapping = judged.findings.filter(
        f => f.ruleId === 'migration-mapping',
      );
      const category = prepared.entity.spec?.category;
      const after = new Set(
        (prepared.contract.schema ?? []).map(field => field.name),
      );
      const mappedFrom = new Set(
        (prepared.entity.spec?.migration?.fieldMapping ?? []).map(e => e?.from),
      );
      const namespace = (value.metadata as { namespace?: string }).namespace;
      const v1 = normalizeRef(
        superseded.ref,
        'DataProduct',
        namespace || 'default',
      );
      results.push({
        file,
        entityRef,
        supersedes: superseded.ref,
        supersededFile,
        fromVersion: superseded.contract.version ?? null,
        toVersion: prepared.contract.version ?? null,
        changes: classifyContractChanges(superseded.contract, prepared.contract),
        mapping,
        mappedCount: (superseded.contract.schema ?? []).filter(
          field => !after.has(field.name) && mappedFrom.has(field.name),
        ).length,
        consumers: v1
          ? index
              .dependentsOf(v1)
              .filter(ref => ref !== entityRef.toLocaleLowerCase('en-US'))
          : [],
        enforcement: mappingEnforcement(context.policy, category),
        blocks: mapping.some(finding => finding.severity === 'error'),
        locate,
      });
    }
  }
  return { results, problems };
}

function mappingEnforcement(
  policy: StockroomPolicy,
  category: unknown,
): Enforcement {
  const categories = policy.categories as Record<string, CategoryPolicy>;
  return typeof category === 'string' && Object.hasOwn(categories, category)
    ? categories[category].rules['migration-mapping'] ?? 'off'
    : 'off';
}
