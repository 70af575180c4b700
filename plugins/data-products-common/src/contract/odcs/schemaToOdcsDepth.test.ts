import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { contractFromOdcs } from './fromOdcs';
import { contractToOdcs } from './toOdcs';

/** Object fields `f1`, `f1.f2`, … nested `levels` deep, the last a string. */
function nestedSchema(levels: number) {
  const names: string[] = [];
  for (let level = 1; level <= levels; level++) {
    names.push(level === 1 ? 'f1' : `${names[level - 2]}.f${level}`);
  }
  return names.map((name, i) => ({
    name,
    type: i === levels - 1 ? 'string' : 'object',
  }));
}

function product(schema: object[]): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'orders' },
    spec: {
      type: 'table',
      category: 'shared-mart',
      owner: 'group:commerce',
      lifecycle: { stage: 'active' },
      contract: { schema },
    },
  } as DataProductEntityV1alpha1;
}

describe('contractToOdcs: nested fields within the schema limits', () => {
  it('nests dotted fields up to 32 levels', () => {
    const doc = contractToOdcs(product(nestedSchema(32))) as any;
    let property = doc.schema[0].properties[0];
    for (let level = 2; level <= 32; level++) {
      expect(property.properties).toHaveLength(1);
      property = property.properties[0];
    }
    expect(property).toMatchObject({ name: 'f32', logicalType: 'string' });
  });

  it('keeps deeper fields flat with dotted names, which import reads back unchanged', () => {
    const schema = nestedSchema(40);
    const doc = contractToOdcs(product(schema)) as any;
    const properties = doc.schema[0].properties;
    expect(properties.map((p: any) => p.name)).toEqual(
      schema.map(field => field.name),
    );
    expect(properties.every((p: any) => p.properties === undefined)).toBe(true);
    const back = contractFromOdcs(doc, { productName: 'orders' });
    expect(back.contract.schema!.map(field => field.name)).toEqual(
      schema.map(field => field.name),
    );
  });
});
