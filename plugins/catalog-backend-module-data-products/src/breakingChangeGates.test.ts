import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  DataProductEntityV1alpha1,
  SchemaField,
} from '@stockroom/plugin-data-products-common';
import { stringify } from 'yaml';
import { fullDataProduct } from './__fixtures__/entities';
import { startRealCatalog, waitFor } from './testUtils';

/**
 * The two rules only the catalog can judge (spec, "Breaking contract
 * changes"): `migration-mapping` needs the superseded product's contract,
 * `retire-when-consumers-moved` the entities depending on the product. Both
 * block core entities and warn shared marts by default. The catalog is
 * eventually consistent, so each scenario first lets the catalog hold what
 * the rule reads, then changes the file, as an owner would.
 */

jest.setTimeout(90_000);

/** A valid product of `category` named `name`, superseding nothing. */
function product(
  name: string,
  category: 'core-entity' | 'shared-mart' = 'core-entity',
): DataProductEntityV1alpha1 {
  const entity = JSON.parse(JSON.stringify(fullDataProduct()));
  entity.metadata.name = name;
  entity.spec.category = category;
  delete entity.spec.lifecycle.supersedes;
  delete entity.spec.migration;
  return entity;
}

function field(name: string): SchemaField {
  return {
    name,
    type: 'string',
    description: `The ${name}.`,
    classification: 'internal',
  };
}

/** v1 with fields cust_id and email. */
function v1(name: string, category?: 'core-entity' | 'shared-mart') {
  const entity = product(name, category);
  entity.spec.version = '1.4.0';
  entity.spec.contract!.schema = [
    { ...field('cust_id'), key: 'primary', required: true },
    field('email'),
  ];
  entity.spec.contract!.quality!.keyFields = ['cust_id'];
  return entity;
}

/**
 * v2 of `from`: renames cust_id to customer_id and replaces email with
 * email_sha256, mapping only `mapped` of the old fields.
 */
function v2(
  name: string,
  from: string,
  mapped: Array<{ from: string; to: string }>,
  category?: 'core-entity' | 'shared-mart',
) {
  const entity = product(name, category);
  entity.spec.version = '2.0.0';
  entity.spec.lifecycle.supersedes = `dataproduct:${from}`;
  entity.spec.contract!.schema = [
    { ...field('customer_id'), key: 'primary', required: true },
    field('email_sha256'),
  ];
  entity.spec.contract!.quality!.keyFields = ['customer_id'];
  entity.spec.migration = {
    from: `dataproduct:${from}`,
    guide: 'https://wiki.example.com/customers-v2',
    fieldMapping: mapped,
  };
  return entity;
}

function yamlOf(...entities: object[]): string {
  return entities.map(e => stringify(e)).join('---\n');
}

describe('the catalog judges what only it knows', () => {
  it('blocks a core v2 that does not map a dropped field, and accepts it once mapped', async () => {
    const dir = createMockDirectory();
    const file = dir.resolve('products.yaml');
    const renamed = { from: 'cust_id', to: 'customer_id' };
    dir.setContent({
      'products.yaml': yamlOf(
        v1('customers-v1'),
        v1('marts-v1', 'shared-mart'),
      ),
    });
    const catalog = await startRealCatalog({ locations: [file] });
    const errors = catalog.processingErrors;
    try {
      // v1 must be in the catalog before v2 is judged against it
      await waitFor(
        async () =>
          (await catalog.entity('DataProduct', 'customers-v1')) &&
          (await catalog.entity('DataProduct', 'marts-v1')),
        'both v1 products',
      );
      dir.addContent({
        'products.yaml': yamlOf(
          v1('customers-v1'),
          v2('customers-v2', 'customers-v1', [renamed]),
          v1('marts-v1', 'shared-mart'),
          v2('marts-v2', 'marts-v1', [renamed], 'shared-mart'),
        ),
      });

      const rejected = await waitFor(async () => {
        const found = errors.filter(e => e.name === 'customers-v2');
        return found.length ? found : undefined;
      }, 'the core v2 to be rejected');
      expect(rejected[0].message).toContain(
        '[migration-mapping] spec.migration.fieldMapping: spec.migration.fieldMapping does not map 1 field of dataproduct:customers-v1 that this contract drops: email',
      );
      expect(await catalog.entity('DataProduct', 'customers-v2')).toBe(
        undefined,
      );

      // a shared mart is warned, not blocked: stored, the finding attached
      const mart = await waitFor(
        () => catalog.entity('DataProduct', 'marts-v2'),
        'the shared-mart v2',
      );
      const martFindings = JSON.parse(
        mart.metadata.annotations['stockroom.io/findings'],
      );
      expect(martFindings).toContainEqual(
        expect.objectContaining({
          ruleId: 'migration-mapping',
          severity: 'warning',
          path: 'spec.migration.fieldMapping',
        }),
      );
      expect(
        martFindings.find((f: any) => f.ruleId === 'migration-mapping').message,
      ).toContain('that this contract drops: email');
      expect(errors.filter(e => e.name === 'marts-v2')).toEqual([]);

      dir.addContent({
        'products.yaml': yamlOf(
          v1('customers-v1'),
          v2('customers-v2', 'customers-v1', [
            renamed,
            { from: 'email', to: 'email_sha256' },
          ]),
          v1('marts-v1', 'shared-mart'),
        ),
      });
      const accepted = await waitFor(
        () => catalog.entity('DataProduct', 'customers-v2'),
        'the mapped core v2 to be accepted',
      );
      expect(accepted.spec.lifecycleDetails.supersedes).toBe(
        'dataproduct:customers-v1',
      );
    } finally {
      await catalog.backend.stop();
    }
  });

  it('blocks retiring a core product while a component depends on it, until the component moves', async () => {
    const dir = createMockDirectory();
    const products = dir.resolve('products.yaml');
    const components = dir.resolve('components.yaml');
    const checkout = (dependsOn: string[]) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'checkout' },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:commerce',
        dependsOn,
      },
    });
    const active = product('orders-v1');
    const retired = product('orders-v1');
    retired.spec.lifecycle = {
      stage: 'retired',
      createdOn: '2025-01-10',
      sunsetOn: '2026-06-30',
      successor: 'dataproduct:orders-v2',
    };
    dir.setContent({
      'products.yaml': yamlOf(active),
      'components.yaml': yamlOf(checkout(['dataproduct:orders-v1'])),
    });
    const catalog = await startRealCatalog({
      locations: [products, components],
    });
    const errors = catalog.processingErrors;
    try {
      await waitFor(async () => {
        const entity = await catalog.entity('DataProduct', 'orders-v1');
        return entity?.relations?.some(
          (r: any) =>
            r.type === 'dependencyOf' &&
            r.targetRef === 'component:default/checkout',
        )
          ? entity
          : undefined;
      }, 'orders-v1 with checkout depending on it');

      dir.addContent({ 'products.yaml': yamlOf(retired) });
      const rejected = await waitFor(async () => {
        const found = errors.filter(e => e.name === 'orders-v1');
        return found.length ? found : undefined;
      }, 'retiring orders-v1 to be rejected');
      expect(rejected[0].message).toContain(
        '[retire-when-consumers-moved] spec.lifecycle.stage: spec.lifecycle.stage is retired, but 1 catalog entity still depends on it (dependsOn): component:default/checkout',
      );
      // the rejected retirement keeps the previous version in the catalog
      expect(
        (await catalog.entity('DataProduct', 'orders-v1')).spec.lifecycle,
      ).toBe('active');

      // checkout moves away; at the next processing the retirement goes through
      dir.addContent({ 'components.yaml': yamlOf(checkout([])) });
      await waitFor(async () => {
        const entity = await catalog.entity('DataProduct', 'orders-v1');
        return entity?.spec.lifecycle === 'retired' ? entity : undefined;
      }, 'orders-v1 to be retired');
    } finally {
      await catalog.backend.stop();
    }
  });
});
