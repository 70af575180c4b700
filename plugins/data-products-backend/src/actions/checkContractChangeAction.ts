import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  DATA_PRODUCT_KIND,
  isDataProductEntity,
  judgeContractChange,
  prepareDataProduct,
} from '@stockroom/plugin-data-products-common';
import { ActionDeps, READ_ONLY, Zod } from './ActionDeps';
import { MAX_YAML_CHARS, productFromYaml } from './contractYaml';
import { nextSteps } from './nextSteps';
import { productRefOf } from './productRef';

const input = (z: Zod) =>
  z.object({
    after: z
      .string()
      .min(1)
      .max(MAX_YAML_CHARS)
      .describe('The proposed DataProduct entity, as YAML.'),
    before: z
      .string()
      .min(1)
      .max(MAX_YAML_CHARS)
      .optional()
      .describe(
        'The current DataProduct entity as YAML. Give this or entityRef.',
      ),
    entityRef: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The product as the catalog holds it now, instead of "before", e.g. "orders-core".',
      ),
  });

const output = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    fromVersion: z.string().nullable(),
    toVersion: z.string().nullable(),
    verdict: z
      .enum(['ok', 'needs-major', 'needs-new-entity'])
      .describe(
        'ok: nothing breaks, or it breaks with a major bump; needs-major: breaking without a major bump; needs-new-entity: a core entity must publish a -v2 instead.',
      ),
    enforcement: z.enum(['block', 'warn', 'off']),
    blocks: z.boolean(),
    changes: z.array(
      z.object({
        kind: z.enum(['breaking', 'non-breaking', 'notice']),
        change: z.string(),
        path: z.string(),
        message: z.string(),
      }),
    ),
    nextSteps: z.array(z.string()),
  });

/**
 * `check-contract-change`: the same engine as `stockroom diff` and the
 * catalog's history job (judgeContractChange), on YAML the caller sends.
 */
export function registerCheckContractChange(
  actions: ActionsRegistryService,
  deps: ActionDeps,
): void {
  actions.register({
    name: 'check-contract-change',
    title: 'Check a data contract change',
    description: [
      'Call this before proposing or merging a change to a data product (removing, renaming or retyping a field,',
      'loosening freshness, dropping an access pattern). Give the proposed entity YAML as "after", and either the',
      'current YAML as "before" or the product\'s entityRef to compare with what the catalog holds.',
      'Returns every classified change (breaking, non-breaking, notice), the verdict (ok, needs-major,',
      "needs-new-entity), whether the category's policy blocks it, and what must happen next.",
      'Same answer as `stockroom diff` in CI. Nothing is changed.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input, output },
    action: async ({ input: { after, before, entityRef }, credentials }) => {
      if ((before === undefined) === (entityRef === undefined)) {
        throw new InputError(
          'Give exactly one of "before" (the current YAML) or "entityRef" (the product in the catalog)',
        );
      }
      const proposed = productFromYaml('after', after);
      let current;
      if (before !== undefined) {
        current = productFromYaml('before', before);
      } else {
        const ref = productRefOf('entityRef', entityRef!);
        // the caller's credentials: a product they may not read is not found
        const stored = await deps.catalog.getEntityByRef(ref, { credentials });
        if (!stored || !isDataProductEntity(stored)) {
          throw new NotFoundError(`No data product ${ref} in the catalog`);
        }
        current = {
          ...prepareDataProduct(stored),
          entityRef: stringifyEntityRef(stored),
        };
      }
      const category = proposed.entity.spec.category;
      const judgement = judgeContractChange(
        current.contract,
        proposed.contract,
        {
          category,
          policy: deps.policy,
          supersedesBefore: supersedes(
            proposed.entity.spec.lifecycle?.supersedes,
            proposed.entityRef,
            current.entityRef,
          ),
        },
      );
      const fromVersion = current.contract.version ?? null;
      return {
        output: {
          entityRef: proposed.entityRef,
          fromVersion,
          toVersion: proposed.contract.version ?? null,
          verdict: judgement.verdict,
          enforcement: judgement.enforcement,
          blocks: judgement.blocks,
          changes: judgement.changes.map(c => ({
            kind: c.kind,
            change: c.change,
            path: c.path,
            message: c.message,
          })),
          nextSteps: nextSteps(judgement, current.entityRef, fromVersion),
        },
      };
    },
  });
}

/** Whether `after` is another entity whose lifecycle.supersedes names `before`. */
function supersedes(
  written: string | undefined,
  afterRef: string,
  beforeRef: string,
): boolean {
  if (!written || afterRef.toLowerCase() === beforeRef.toLowerCase()) {
    return false;
  }
  try {
    const ref = stringifyEntityRef(
      parseEntityRef(written, {
        defaultKind: DATA_PRODUCT_KIND,
        defaultNamespace: 'default',
      }),
    );
    return ref.toLowerCase() === beforeRef.toLowerCase();
  } catch {
    return false;
  }
}
