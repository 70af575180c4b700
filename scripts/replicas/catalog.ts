/*
 * What the replicas' catalog holds: Acme's example inventory with its
 * lifecycle dates moved to today (as `yarn start` serves it, so lifecycle
 * notices fall due: a view expiring, one expired, a deprecation), and
 * `products` synthetic DataProducts whose datasets the streamed OpenLineage
 * events write, owned by Acme's teams so their notices have recipients.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { renderExamples } from '../../packages/cli/src/demo/renderExamples';
import { benchDatasetAnnotation } from '../../bench/lib/openLineageEvents';
import { syntheticDataProduct } from '../../bench/lib/synthetic';

const TEAMS = [
  'group:default/data-platform',
  'group:default/growth-analytics',
  'group:default/marketing-analytics',
  'group:default/commerce-eng',
];

/** Writes the catalog's files into `dir`; returns the location targets. */
export function writeCatalog(dir: string, products: number): string[] {
  const examples = path.join(dir, 'examples');
  renderExamples({
    from: path.resolve(__dirname, '..', '..', 'examples'),
    to: examples,
    today: new Date(),
  });
  const file = path.join(dir, 'products.yaml');
  fs.writeFileSync(
    file,
    Array.from({ length: products }, (_, i) => {
      const product = syntheticDataProduct(i);
      product.metadata.annotations = {
        'openlineage.io/dataset': benchDatasetAnnotation(i),
      };
      product.spec.owner = TEAMS[i % TEAMS.length];
      if (product.spec.cost) product.spec.cost.fundedBy = product.spec.owner;
      return YAML.stringify(product);
    }).join('---\n'),
  );
  return [path.join(examples, 'all.yaml'), file];
}
