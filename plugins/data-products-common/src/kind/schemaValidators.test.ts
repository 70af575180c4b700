import { fullDataProduct } from './__fixtures__/dataProducts';
import { exactSchemaValidator, quickSchemaValidator } from './schemaValidators';
import { validateDataProduct } from './validate';

// The quick validator may only pass what the exact one passes (validate.ts
// trusts a pass without asking the exact one). Expectations below are the
// spec's: a text must hold a character that is not white space, where white
// space is JavaScript's (`\s`: spaces, tabs, line breaks, no-break and other
// Unicode spaces, the byte-order mark).

const blank = [
  ['empty', ''],
  ['a space', ' '],
  ['spaces', '   '],
  ['a tab and a line break', '\t\n'],
  ['a carriage return', '\r'],
  ['a no-break space', '\u00a0'],
  ['an ideographic space', '\u3000'],
  ['a byte-order mark', '\ufeff'],
  ['a line separator', '\u2028'],
];

const filled = [
  ['a word', 'table'],
  ['a leading space', ' table'],
  ['leading line breaks', '\n\nview'],
  ['a no-break space first', '\u00a0x'],
  ['an accented letter first', 'état'],
  ['an emoji', '📦'],
  ['a lone surrogate', '\ud800'],
  ['a control character', '\u0001'],
  ['a zero-width space (not white space in JavaScript)', '\u200b'],
  ['a tilde, the last printable ASCII character', '~'],
  ['an exclamation mark, the first', '!'],
  ['DEL, just past printable ASCII', '\u007f'],
];

/** The full product with one text field, spec.type, set to `text`. */
function withType(text: string) {
  const entity: any = fullDataProduct();
  entity.spec.type = text;
  return entity;
}

/** The full product with the first field's description set to `text`. */
function withDescription(text: string) {
  const entity: any = fullDataProduct();
  entity.spec.contract.schema[0].description = text;
  return entity;
}

describe('the quick and the exact schema validators', () => {
  it('both pass the full product', () => {
    expect(quickSchemaValidator()(fullDataProduct())).toBe(true);
    expect(exactSchemaValidator()(fullDataProduct())).toBe(true);
  });

  it.each(blank)('both refuse a text that is only %s', (_, text) => {
    for (const entity of [withType(text), withDescription(text)]) {
      expect(quickSchemaValidator()(entity)).toBe(false);
      expect(exactSchemaValidator()(entity)).toBe(false);
    }
  });

  it.each(filled)('both pass a text with %s', (_, text) => {
    for (const entity of [withType(text), withDescription(text)]) {
      expect(quickSchemaValidator()(entity)).toBe(true);
      expect(exactSchemaValidator()(entity)).toBe(true);
    }
  });

  it('both refuse what the schema refuses besides blank text', () => {
    const invalid: Array<(e: any) => void> = [
      e => (e.spec.category = 'core'),
      e => (e.spec.owner = 'group:'),
      e => (e.spec.lifecycle.createdOn = '2026-02-30'),
      e => (e.spec.contract.freshness.p95 = '30 minutes'),
      e => (e.spec.contract.schema[0].colour = 'red'),
      e => (e.spec.type = 'x'.repeat(1001)),
      e => delete e.spec.owner,
    ];
    for (const breakIt of invalid) {
      const entity: any = fullDataProduct();
      breakIt(entity);
      expect(quickSchemaValidator()(entity)).toBe(false);
      expect(exactSchemaValidator()(entity)).toBe(false);
    }
  });
});

describe('validateDataProduct on blank and filled text', () => {
  it.each(blank)(
    'names spec.type when it is only %s, as before the quick check',
    (_, text) => {
      expect(validateDataProduct(withType(text))).toEqual([
        expect.objectContaining({
          path: 'spec.type',
          message: 'spec.type is empty',
        }),
      ]);
    },
  );

  it.each(filled)('finds nothing wrong with %s', (_, text) => {
    expect(validateDataProduct(withType(text))).toEqual([]);
    expect(validateDataProduct(withDescription(text))).toEqual([]);
  });
});
