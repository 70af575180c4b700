import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Entity, EntityRelation } from '@backstage/catalog-model';
import {
  toCatalogShape,
  type DataProductEntityV1alpha1,
} from '@stockroom/plugin-data-products-common';

const EXAMPLES = path.resolve(__dirname, '../../../../examples/data-products');

function rel(type: string, targetRef: string): EntityRelation {
  return { type, targetRef };
}

/**
 * An example DataProduct as the catalog stores it: the authored YAML in
 * catalog shape, with the labels, annotations and relations the processor
 * and the catalog add.
 */
function fromExample(
  file: string,
  extra: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    relations: EntityRelation[];
  },
): Entity {
  const authored = parse(
    fs.readFileSync(path.join(EXAMPLES, file), 'utf8'),
  ) as DataProductEntityV1alpha1;
  const entity = toCatalogShape(authored);
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      namespace: 'default',
      labels: { ...entity.metadata.labels, ...extra.labels },
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': `file:/srv/acme/examples/data-products/${file}`,
        'backstage.io/managed-by-origin-location':
          'file:/srv/acme/examples/all.yaml',
        ...extra.annotations,
      },
    },
    relations: extra.relations,
  };
}

/** examples/data-products/customer-identity-v2.yaml, active, 4 consumers. */
export const customerIdentityV2 = fromExample('customer-identity-v2.yaml', {
  labels: { 'stockroom.io/state': 'active' },
  annotations: { 'stockroom.io/category': 'core-entity' },
  relations: [
    rel('ownedBy', 'group:default/identity-platform'),
    rel('partOf', 'domain:default/customer'),
    rel('partOf', 'system:default/identity'),
    rel('dependsOn', 'resource:default/segment-events'),
    rel('dependsOn', 'resource:default/salesforce-accounts'),
    rel('dependsOn', 'api:default/identity-lookup'),
    rel('supersedes', 'dataproduct:default/customer-identity-v1'),
    rel('dependencyOf', 'component:default/checkout-service'),
    rel('dependencyOf', 'component:default/fraud-scoring'),
    rel('dependencyOf', 'component:default/support-copilot'),
    rel('dependencyOf', 'component:default/pricing-experiments'),
  ],
});

/** examples/data-products/customer-identity-v1.yaml, deprecated, 2 consumers left. */
export const customerIdentityV1 = fromExample('customer-identity-v1.yaml', {
  labels: { 'stockroom.io/state': 'deprecated' },
  annotations: { 'stockroom.io/category': 'core-entity' },
  relations: [
    rel('ownedBy', 'group:default/identity-platform'),
    rel('dependsOn', 'resource:default/segment-events'),
    rel('dependsOn', 'resource:default/salesforce-accounts'),
    rel('supersededBy', 'dataproduct:default/customer-identity-v2'),
    rel('dependencyOf', 'component:default/crm-sync'),
    rel('dependencyOf', 'component:default/lifecycle-emails'),
  ],
});

/** The owner group of both, with its members (examples/org.yaml). */
export const identityPlatform: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace: 'default', name: 'identity-platform' },
  spec: {
    type: 'team',
    profile: {
      displayName: 'Identity Platform',
      email: 'identity-platform@example.com',
    },
    children: [],
  },
  relations: [
    rel('hasMember', 'user:default/priya.raman'),
    rel('hasMember', 'user:default/tomas.silva'),
    rel('ownerOf', 'dataproduct:default/customer-identity-v1'),
    rel('ownerOf', 'dataproduct:default/customer-identity-v2'),
  ],
};

/** What the catalog holds for these tests. */
export const identityCatalog: Entity[] = [
  customerIdentityV1,
  customerIdentityV2,
  identityPlatform,
];

/**
 * examples/data-products/support-interactions.yaml, whose contract is an ODCS
 * document: inlined here as the catalog's `$yaml` placeholder resolves it.
 */
export const supportInteractions: Entity = (() => {
  const authored = parse(
    fs.readFileSync(path.join(EXAMPLES, 'support-interactions.yaml'), 'utf8'),
  ) as DataProductEntityV1alpha1;
  const odcs = parse(
    fs.readFileSync(
      path.join(EXAMPLES, 'support-interactions.odcs.yaml'),
      'utf8',
    ),
  );
  const entity = toCatalogShape({
    ...authored,
    spec: {
      ...authored.spec,
      contract: { ...authored.spec.contract, odcs },
    },
  });
  return {
    ...entity,
    metadata: { ...entity.metadata, namespace: 'default' },
    relations: [rel('ownedBy', 'group:default/customer-support-eng')],
  };
})();
