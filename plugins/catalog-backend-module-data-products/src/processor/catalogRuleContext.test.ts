import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { fullDataProduct } from '../__fixtures__/entities';
import { StoredEntityReader } from './catalogRuleContext';
import { DataProductProcessor } from './DataProductProcessor';

/**
 * When the processor reads the catalog, and what it does when a read fails
 * or finds nothing. The real catalog's verdicts are in
 * breakingChangeGates.test.ts; here a reader that records the refs asked
 * for (or fails) stands in for it, because a catalog that fails on demand
 * does not exist.
 */

const NOW = new Date('2026-03-01T12:00:00Z');
const location = { type: 'file', target: '/catalog-info.yaml' };

function recordingReader(
  stored: Entity[] = [],
): StoredEntityReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async getEntityByRef(ref) {
      asked.push(ref);
      return stored.find(
        e =>
          `${e.kind}:${e.metadata.namespace ?? 'default'}/${
            e.metadata.name
          }`.toLowerCase() === ref.toLowerCase(),
      );
    },
  };
}

function failingReader(): StoredEntityReader {
  return {
    async getEntityByRef() {
      throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
    },
  };
}

/** Validates and post-processes like the catalog; the findings it stores. */
async function process(processor: DataProductProcessor, entity: any) {
  await processor.validateEntityKind(entity);
  const result = await processor.postProcessEntity(entity, location, () => {});
  return JSON.parse(
    result.metadata.annotations?.['stockroom.io/findings'] ?? '[]',
  ) as Array<{ ruleId: string }>;
}

/** fullDataProduct (core entity, supersedes customer-identity-v1) as JSON. */
function v2(): any {
  return JSON.parse(JSON.stringify(fullDataProduct()));
}

function retired(): any {
  const entity = v2();
  delete entity.spec.lifecycle.supersedes;
  delete entity.spec.migration;
  entity.spec.lifecycle = {
    stage: 'retired',
    createdOn: '2025-01-10',
    sunsetOn: '2026-02-01',
    successor: 'dataproduct:customer-identity-v3',
  };
  return entity;
}

describe('what DataProductProcessor reads from the catalog', () => {
  it('reads nothing for a product that neither supersedes nor is retired', async () => {
    const catalog = recordingReader();
    const entity = v2();
    delete entity.spec.lifecycle.supersedes;
    delete entity.spec.migration;
    await process(
      new DataProductProcessor({ catalog, clock: () => NOW }),
      entity,
    );
    expect(catalog.asked).toEqual([]);
  });

  it('reads nothing where the category turns the rules off (convenience views)', async () => {
    const catalog = recordingReader();
    const view = {
      apiVersion: 'stockroom.io/v1alpha1',
      kind: 'DataProduct',
      metadata: { name: 'weekly-cohorts-v2' },
      spec: {
        type: 'view',
        category: 'convenience-view',
        owner: 'group:growth',
        lifecycle: {
          stage: 'active',
          createdOn: '2026-02-20',
          supersedes: 'dataproduct:weekly-cohorts',
        },
      },
    };
    await process(
      new DataProductProcessor({ catalog, clock: () => NOW }),
      view,
    );
    const retiredView = JSON.parse(JSON.stringify(view));
    retiredView.spec.lifecycle = { stage: 'retired', createdOn: '2026-02-20' };
    await process(
      new DataProductProcessor({ catalog, clock: () => NOW }),
      retiredView,
    );
    expect(catalog.asked).toEqual([]);
  });

  it('reads nothing for a document the schema rejects', async () => {
    const catalog = recordingReader();
    const entity = v2();
    entity.spec.category = 'gold';
    const processor = new DataProductProcessor({ catalog, clock: () => NOW });
    await expect(processor.validateEntityKind(entity)).rejects.toThrow(
      'spec.category',
    );
    expect(catalog.asked).toEqual([]);
  });

  it('asks once per processing for the superseded product, in the default namespace', async () => {
    const catalog = recordingReader();
    const findings = await process(
      new DataProductProcessor({ catalog, clock: () => NOW }),
      v2(),
    );
    // lifecycle.supersedes and migration.from name the same product: one read
    expect(catalog.asked).toEqual(['dataproduct:default/customer-identity-v1']);
    // not in the catalog: nothing to compare with, so no finding
    expect(findings.map(f => f.ruleId)).not.toContain('migration-mapping');
  });

  it('skips migration-mapping, with a warning, when the catalog cannot be read', async () => {
    const logger = mockServices.logger.mock();
    const findings = await process(
      new DataProductProcessor({
        catalog: failingReader(),
        logger,
        clock: () => NOW,
      }),
      v2(),
    );
    expect(findings.map(f => f.ruleId)).not.toContain('migration-mapping');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Skipped rule migration-mapping for dataproduct:default/customer-identity-v2',
      ),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('ECONNREFUSED'),
    );
  });

  it('reads a retired product’s own stored entity, and skips the rule with a warning when that fails', async () => {
    const catalog = recordingReader();
    await process(
      new DataProductProcessor({ catalog, clock: () => NOW }),
      retired(),
    );
    expect(catalog.asked).toEqual(['dataproduct:default/customer-identity-v2']);

    const logger = mockServices.logger.mock();
    const findings = await process(
      new DataProductProcessor({
        catalog: failingReader(),
        logger,
        clock: () => NOW,
      }),
      retired(),
    );
    expect(findings.map(f => f.ruleId)).not.toContain(
      'retire-when-consumers-moved',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Skipped rule retire-when-consumers-moved for dataproduct:default/customer-identity-v2',
      ),
    );
  });
});
