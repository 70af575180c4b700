import { fullDataProduct } from '../__fixtures__/entities';
import { dataProductRelations } from './relations';

const asText = (entity = fullDataProduct()) =>
  dataProductRelations(entity).map(
    r =>
      `${r.type} ${r.target.kind}:${r.target.namespace}/${r.target.name} (${r.reverseType})`,
  );

describe('dataProductRelations', () => {
  it('emits every relation the spec lists for a full product', () => {
    expect(asText()).toEqual([
      'ownedBy group:default/identity-platform (ownerOf)',
      'partOf Domain:default/customer (hasPart)',
      'partOf System:default/identity (hasPart)',
      'dependsOn dataproduct:default/crm-accounts (dependencyOf)',
      'dependsOn resource:default/segment-events (dependencyOf)',
      'dependsOn api:default/identity-lookup (dependencyOf)',
      'supersedes dataproduct:default/customer-identity-v1 (supersededBy)',
    ]);
  });

  it('fills in default kinds and the product namespace for short refs', () => {
    const entity = fullDataProduct();
    entity.metadata.namespace = 'sales';
    entity.spec.owner = 'revenue-analytics';
    entity.spec.contract!.lineage = { upstreams: ['orders'] };
    entity.spec.contract!.accessPatterns = [{ type: 'api', api: 'orders-api' }];
    delete entity.spec.domain;
    delete entity.spec.system;
    delete entity.spec.migration;
    delete entity.spec.lifecycle.supersedes;
    expect(asText(entity)).toEqual([
      'ownedBy Group:sales/revenue-analytics (ownerOf)',
      'dependsOn DataProduct:sales/orders (dependencyOf)',
      'dependsOn API:sales/orders-api (dependencyOf)',
    ]);
  });

  it('emits supersedes once when lifecycle.supersedes and migration.from agree', () => {
    const kinds = asText().filter(r => r.startsWith('supersedes'));
    expect(kinds).toHaveLength(1);
  });

  it('emits both when migration.from names a different product', () => {
    const entity = fullDataProduct();
    entity.spec.migration!.from = 'dataproduct:customer-identity-v0';
    expect(asText(entity).filter(r => r.startsWith('supersedes'))).toEqual([
      'supersedes dataproduct:default/customer-identity-v1 (supersededBy)',
      'supersedes dataproduct:default/customer-identity-v0 (supersededBy)',
    ]);
  });

  it('makes a product that names its successor supersededBy it', () => {
    const entity = fullDataProduct();
    entity.spec.lifecycle = {
      stage: 'deprecated',
      sunsetOn: '2027-01-31',
      successor: 'dataproduct:customer-identity-v3',
    };
    delete entity.spec.migration;
    expect(asText(entity)).toContain(
      'supersededBy dataproduct:default/customer-identity-v3 (supersedes)',
    );
  });

  it('emits only ownership for a minimal product', () => {
    expect(
      asText({
        apiVersion: 'stockroom.io/v1alpha1',
        kind: 'DataProduct',
        metadata: { name: 'x' },
        spec: {
          type: 'view',
          category: 'convenience-view',
          owner: 'group:growth',
          lifecycle: { stage: 'active', createdOn: '2026-11-01' },
        },
      }),
    ).toEqual(['ownedBy group:default/growth (ownerOf)']);
  });
});
