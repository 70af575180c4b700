import { fullDataProduct } from './__fixtures__/dataProducts';
import { validateDataProduct } from './validate';

/** The paths of the problems of the full example with one change applied. */
function pathsAfter(change: (entity: any) => void): string[] {
  const entity: any = fullDataProduct();
  change(entity);
  return validateDataProduct(entity).map(problem => problem.path);
}

describe('validateDataProduct: prototype keys (issue #11)', () => {
  it('refuses an own __proto__ key, as JSON.parse makes it', () => {
    const entity = fullDataProduct() as any;
    const parsed = JSON.parse(
      JSON.stringify(entity).replace(
        '"spec":{',
        '"spec":{"__proto__":{"category":"convenience-view"},',
      ),
    );
    const problems = validateDataProduct(parsed);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'spec.__proto__',
        message: expect.stringMatching(/spec\.__proto__ is a prototype key/),
      }),
    ]);
  });

  it('refuses a __proto__ that became the prototype (an assignment, a merge)', () => {
    // what `spec[key] = value` does with the key `__proto__`: spec.category
    // now reads from the prototype when not set itself
    expect(
      pathsAfter(e => {
        const spec = { ...e.spec };
        delete spec.category;
        Object.setPrototypeOf(spec, { category: 'convenience-view' });
        e.spec = spec;
      }),
    ).toEqual(['spec.__proto__']);
  });

  it.each(['constructor', 'prototype'])(
    'refuses %s anywhere, however deep',
    key => {
      expect(
        pathsAfter(e => {
          e.spec.contract.schema[0][key] = { x: 1 };
        }),
      ).toEqual([`spec.contract.schema[0].${key}`]);
      expect(
        pathsAfter(e => {
          e.metadata.annotations[key] = 'x';
        }),
      ).toEqual([`metadata.annotations.${key}`]);
    },
  );

  it('accepts objects without a prototype', () => {
    const entity: any = fullDataProduct();
    entity.spec = Object.assign(Object.create(null), entity.spec);
    expect(validateDataProduct(entity)).toEqual([]);
  });
});
