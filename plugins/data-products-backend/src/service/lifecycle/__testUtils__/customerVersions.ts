import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import {
  DataProductEntityV1alpha1,
  FieldMapping,
  LifecycleStage,
  toCatalogShape,
} from '@stockroom/plugin-data-products-common';

/**
 * A core entity shipped twice, as the catalog serves it: `customer-v1`
 * (fields cust_id, email, segment) and `customer-v2` (customer_id, email),
 * which supersedes it. v2 drops cust_id and segment, so its field mapping
 * must say where both went.
 */
export function customerV1(
  stage: LifecycleStage,
  options: { dependents?: string[] } = {},
): Entity {
  return catalogProduct(
    {
      name: 'customer-v1',
      version: '1.4.0',
      lifecycle: {
        stage,
        createdOn: '2024-01-10',
        sunsetOn: '2026-09-30',
        successor: 'dataproduct:default/customer-v2',
      },
      schema: [
        { name: 'cust_id', type: 'string', description: 'Customer key.' },
        { name: 'email', type: 'string', description: 'Contact address.' },
        { name: 'segment', type: 'string', description: 'Marketing segment.' },
      ],
    },
    // What the catalog stitches from each dependent's dependsOn.
    (options.dependents ?? []).map(targetRef => ({
      type: RELATION_DEPENDENCY_OF,
      targetRef,
    })),
  );
}

export function customerV2(
  options: {
    fieldMapping?: FieldMapping[];
    /** How v2 names v1; the full ref by default. */
    supersedes?: string;
  } = {},
): Entity {
  const product = catalogProduct(
    {
      name: 'customer-v2',
      version: '2.0.0',
      lifecycle: {
        stage: 'active',
        createdOn: '2026-05-01',
        supersedes: options.supersedes ?? 'dataproduct:default/customer-v1',
      },
      schema: [
        { name: 'customer_id', type: 'string', description: 'Customer key.' },
        { name: 'email', type: 'string', description: 'Contact address.' },
      ],
    },
    [],
  );
  (product.spec as any).migration = {
    guide: 'https://wiki.example.com/customer-v2-migration',
    fieldMapping: options.fieldMapping ?? [],
  };
  return product;
}

function catalogProduct(
  parts: {
    name: string;
    version: string;
    lifecycle: DataProductEntityV1alpha1['spec']['lifecycle'];
    schema: NonNullable<
      NonNullable<DataProductEntityV1alpha1['spec']['contract']>['schema']
    >;
  },
  relations: Entity['relations'] & {},
): Entity {
  const owner = 'group:default/customer-platform';
  const product: DataProductEntityV1alpha1 = {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: parts.name, namespace: 'default' },
    spec: {
      type: 'table',
      category: 'core-entity',
      owner,
      version: parts.version,
      lifecycle: parts.lifecycle,
      contract: {
        schema: parts.schema,
        freshness: { p95: '1h', p99: '2h', tier: 'micro-batch' },
        escalation: { channel: '#customer-oncall' },
      },
    },
    relations: [{ type: RELATION_OWNED_BY, targetRef: owner }, ...relations],
  };
  // A JSON round trip: the catalog serves plain JSON.
  return JSON.parse(JSON.stringify(toCatalogShape(product)));
}
