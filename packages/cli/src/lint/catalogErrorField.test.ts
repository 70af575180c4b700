import { catalogErrorField, locateCatalogError } from './catalogErrorField';

/*
 * The catalog names fields in three ways; each must land on the field so
 * lint puts the finding on its line. Messages written as the catalog-model
 * sources word them.
 */
describe('catalogErrorField', () => {
  const entity = {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: 'x',
      labels: { 'bad key': 1, 'a.io/b': 'c' },
      tags: ['a', 2],
      links: [{ url: 'nope' }],
    },
  };

  it.each([
    // FieldFormatEntityPolicy
    ['"metadata.name" is not valid; expected …', ['metadata', 'name']],
    ['"labels.a.io/b" is not valid; …', ['metadata', 'labels', 'a.io/b']],
    [
      '"annotations.x.io/y z" is not valid; …',
      ['metadata', 'annotations', 'x.io/y z'],
    ],
    ['"tags.12" is not valid; …', ['metadata', 'tags', 12]],
    ['links.0.url must have a value', ['metadata', 'links', 0, 'url']],
    [
      'links.3.title could not be validated, Error: x',
      ['metadata', 'links', 3, 'title'],
    ],
    // NoForeignRootFieldsEntityPolicy
    ['Unknown field spek', ['spek']],
    // ajv: a JSON pointer (keys may hold spaces and escaped slashes)
    [
      'Malformed envelope, /metadata/labels/bad key must be string',
      ['metadata', 'labels', 'bad key'],
    ],
    [
      'Malformed envelope, /metadata/labels/a.io~1b must be string',
      ['metadata', 'labels', 'a.io/b'],
    ],
    [
      'Malformed envelope, /metadata/tags/1 must be string',
      ['metadata', 'tags', 1],
    ],
    [
      "/metadata must have required property 'name' - missingProperty: name",
      ['metadata', 'name'],
    ],
    ["Malformed envelope, <root> must have required property 'kind'", ['kind']],
  ])('%s', (message, field) => {
    expect(catalogErrorField(message, entity)).toEqual(field);
  });

  it('leaves a message it does not know unplaced', () => {
    expect(catalogErrorField('Something else went wrong', entity)).toBe(
      undefined,
    );
  });

  it('names the unknown root field the schema check leaves out', async () => {
    await expect(
      locateCatalogError(
        'Malformed envelope, <root> must NOT have additional properties',
        { ...entity, spek: {} },
      ),
    ).resolves.toEqual({
      field: ['spek'],
      message:
        'Malformed envelope, <root> must NOT have additional properties (Unknown field spek)',
    });
  });
});
