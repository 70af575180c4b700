import type { Entity } from '@backstage/catalog-model';
import { toCatalogShape } from '../kind/catalogShape';
import { coreEntity } from '../policy/__fixtures__/entities';
import { dependentsOf, supersededRefOf } from './ruleContext';

describe('supersededRefOf', () => {
  it('reads lifecycle.supersedes, else migration.from, in either shape', () => {
    const v2 = coreEntity(); // supersedes dataproduct:customer-identity-v1
    expect(supersededRefOf(v2)).toBe('dataproduct:customer-identity-v1');
    expect(supersededRefOf(toCatalogShape(v2))).toBe(
      'dataproduct:customer-identity-v1',
    );
    const viaMigration = coreEntity(e => {
      delete e.spec.lifecycle.supersedes;
      e.spec.migration = { from: 'dataproduct:customer-identity-v0' };
    });
    expect(supersededRefOf(viaMigration)).toBe(
      'dataproduct:customer-identity-v0',
    );
    expect(
      supersededRefOf(coreEntity(e => delete e.spec.lifecycle.supersedes)),
    ).toBeUndefined();
  });
});

describe('dependentsOf', () => {
  it('lists the dependencyOf relations, sorted, once each, never itself', () => {
    const entity: Entity = {
      apiVersion: 'stockroom.io/v1alpha1',
      kind: 'DataProduct',
      metadata: { name: 'customer-identity-v1', namespace: 'default' },
      relations: [
        { type: 'dependencyOf', targetRef: 'component:default/checkout' },
        { type: 'ownedBy', targetRef: 'group:default/identity-platform' },
        { type: 'dependencyOf', targetRef: 'dataproduct:default/churn' },
        { type: 'dependencyOf', targetRef: 'component:default/checkout' },
        {
          type: 'dependencyOf',
          targetRef: 'dataproduct:default/customer-identity-v1',
        },
        { type: 'dependsOn', targetRef: 'dataproduct:default/crm-accounts' },
      ],
    };
    expect(dependentsOf(entity)).toEqual([
      'component:default/checkout',
      'dataproduct:default/churn',
    ]);
    expect(dependentsOf({ ...entity, relations: undefined })).toEqual([]);
  });
});
