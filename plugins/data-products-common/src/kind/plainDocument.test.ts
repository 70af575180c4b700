import { fullDataProduct } from './__fixtures__/dataProducts';
import { isPlainDocumentWithinLimits } from './plainDocument';
import { validateDataProduct } from './validate';

// Limits from docs/dataproduct-yaml.md ("Limits"): 100 levels, 256 KiB.

/** `levels` objects nested in one another (the outermost is level 1). */
function nested(levels: number) {
  let value: any = { leaf: true };
  for (let i = 1; i < levels; i++) value = { child: value };
  return value;
}

describe('isPlainDocumentWithinLimits (the fast path of validateDataProduct)', () => {
  it('passes an ordinary product', () => {
    expect(isPlainDocumentWithinLimits(fullDataProduct())).toBe(true);
  });

  it('passes objects without a prototype', () => {
    const entity: any = fullDataProduct();
    entity.spec = Object.assign(Object.create(null), entity.spec);
    expect(isPlainDocumentWithinLimits(entity)).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses an own %s key anywhere, whatever its value',
    key => {
      const entity: any = fullDataProduct();
      Object.defineProperty(entity.spec.contract.schema[0], key, {
        value: undefined,
        enumerable: true,
      });
      expect(isPlainDocumentWithinLimits(entity)).toBe(false);
    },
  );

  it('refuses an object whose prototype is another object (a merged __proto__)', () => {
    const entity: any = fullDataProduct();
    entity.metadata = Object.setPrototypeOf(
      { ...entity.metadata },
      {
        name: 'x',
      },
    );
    expect(isPlainDocumentWithinLimits(entity)).toBe(false);
  });

  it('passes 100 levels of nesting and refuses 101, objects or lists', () => {
    expect(isPlainDocumentWithinLimits(nested(100))).toBe(true);
    expect(isPlainDocumentWithinLimits(nested(101))).toBe(false);
    let list: any = [1];
    for (let i = 1; i < 101; i++) list = [list];
    expect(isPlainDocumentWithinLimits(list)).toBe(false);
  });

  it('refuses 20,000 levels without overflowing the stack', () => {
    expect(isPlainDocumentWithinLimits(nested(20_000))).toBe(false);
  });

  it('counts a number at its longest, so many short numbers go to the exact count, which passes them', () => {
    // 11,000 × `1,` is 22,000 bytes as JSON; at their longest (25 bytes,
    // `-0.0000012345678901234567`) they could be 286,000, over 262,144
    const short: any = fullDataProduct();
    short.metadata.counts = new Array(11_000).fill(1);
    expect(isPlainDocumentWithinLimits(short)).toBe(false);
    expect(validateDataProduct(short)).toEqual([]);
    // and when they are that long, the entity is too large
    const long: any = fullDataProduct();
    long.metadata.counts = new Array(11_000).fill(-0.0000012345678901234567);
    expect(isPlainDocumentWithinLimits(long)).toBe(false);
    expect(validateDataProduct(long)).toEqual([
      expect.objectContaining({
        path: '',
        message:
          'the entity is larger than the limit of 256 KiB (262,144 bytes as JSON)',
      }),
    ]);
  });

  it('passes a text far under the size limit, and leaves one whose every character could be escaped to the exact count', () => {
    // 40,000 units: at most 240,002 bytes as JSON, under 262,144 whatever they are
    const short: any = fullDataProduct();
    short.metadata.description = 'x'.repeat(40_000);
    expect(isPlainDocumentWithinLimits(short)).toBe(true);
    // 50,000 plain units are 50,002 bytes, but could have been 300,002
    const long: any = fullDataProduct();
    long.metadata.description = 'x'.repeat(50_000);
    expect(isPlainDocumentWithinLimits(long)).toBe(false);
  });
});
