/*
 * The example data products the demo replays (examples/data-products), and
 * what each one's pipeline reads: its declared upstream products' datasets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import {
  DataProductEntityV1alpha1,
  datasetKeysOf,
  declaredUpstreamRefs,
  normalizeContract,
} from '@stockroom/plugin-data-products-common';
import { datasetOf } from './events';

export const EXAMPLE_PRODUCTS = path.resolve(
  __dirname,
  '../../examples/data-products',
);

/** Every DataProduct of a folder, with ODCS `$yaml` references read in. */
export function loadProducts(
  dir: string = EXAMPLE_PRODUCTS,
): DataProductEntityV1alpha1[] {
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.yaml') && !f.endsWith('.odcs.yaml'))
    .sort()
    .flatMap(f => {
      const file = path.join(dir, f);
      return parseAllDocuments(fs.readFileSync(file, 'utf8'))
        .map(d => d.toJS())
        .filter(e => e?.kind === 'DataProduct')
        .map(e => {
          const odcs = e.spec?.contract?.odcs;
          if (odcs?.$yaml) {
            e.spec.contract.odcs = parse(
              fs.readFileSync(
                path.resolve(path.dirname(file), odcs.$yaml),
                'utf8',
              ),
            );
          }
          return e as DataProductEntityV1alpha1;
        });
    });
}

/** `dataproduct:default/web-sessions`: how runs and lineage name a product. */
export function productRef(entity: DataProductEntityV1alpha1): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return `dataproduct:${namespace}/${entity.metadata.name}`.toLocaleLowerCase(
    'en-US',
  );
}

/** The product's first `openlineage.io/dataset` identity: where its runs write. */
export function outputDatasetOf(entity: DataProductEntityV1alpha1) {
  const annotation = entity.metadata.annotations?.['openlineage.io/dataset'];
  const [key] = annotation ? datasetKeysOf(annotation) : [];
  return key ? datasetOf(key) : undefined;
}

/**
 * The datasets a product's pipeline reads, as OpenLineage inputs: one of
 * each declared upstream product that has a dataset — the one in the
 * reader's own namespace when the upstream has several (a warehouse job
 * reads the warehouse table, not the Kafka topic), else its first. Raw
 * sources (`resource:`) have no dataset here and are left out, as are
 * upstreams that are not among `products`.
 */
export function inputDatasetsOf(
  entity: DataProductEntityV1alpha1,
  products: readonly DataProductEntityV1alpha1[],
): Array<{ namespace: string; name: string }> {
  const byRef = new Map(products.map(p => [productRef(p), p]));
  const { contract } = normalizeContract(entity);
  const own = outputDatasetOf(entity)?.namespace;
  return declaredUpstreamRefs(
    contract.lineage?.upstreams,
    entity.metadata.namespace ?? 'default',
  ).flatMap(ref => {
    const upstream = byRef.get(ref.toLocaleLowerCase('en-US'));
    const annotation =
      upstream?.metadata.annotations?.['openlineage.io/dataset'];
    if (!annotation) return [];
    const datasets = datasetKeysOf(annotation).map(datasetOf);
    return [datasets.find(d => d.namespace === own) ?? datasets[0]];
  });
}
