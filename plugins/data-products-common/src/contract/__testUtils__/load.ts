import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { DataProductEntityV1alpha1 } from '../../kind/types';

/** An ODCS fixture of this folder, parsed as the catalog would. */
export function odcsFixture(name: string): Record<string, any> {
  return parse(
    fs.readFileSync(path.join(__dirname, '..', '__fixtures__', name), 'utf8'),
  );
}

const EXAMPLES = path.resolve(
  __dirname,
  '../../../../../examples/data-products',
);

/** Every DataProduct of examples/data-products, `$yaml` placeholders resolved like the catalog does. */
export function exampleEntities(): Array<[string, DataProductEntityV1alpha1]> {
  return fs
    .readdirSync(EXAMPLES)
    .filter(file => file.endsWith('.yaml') && !file.endsWith('.odcs.yaml'))
    .map(file => [file, exampleEntity(file)]);
}

export function exampleEntity(file: string): DataProductEntityV1alpha1 {
  const entity = parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
  const odcs = entity.spec?.contract?.odcs;
  if (odcs?.$yaml) {
    entity.spec.contract.odcs = parse(
      fs.readFileSync(path.join(EXAMPLES, odcs.$yaml), 'utf8'),
    );
  }
  return entity;
}
