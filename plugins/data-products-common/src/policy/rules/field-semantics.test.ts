import type { SchemaField } from '../../kind/types';
import { NOW, coreEntity, sharedMart } from '../__fixtures__/entities';
import { CORE, categoryPolicy } from '../__fixtures__/policies';
import { checkFieldSemantics } from './field-semantics';

const withSchema = (schema?: SchemaField[]) =>
  coreEntity(e => {
    e.spec.contract!.schema = schema;
  });

describe('field-semantics', () => {
  it('passes when every field has a description', () => {
    expect(checkFieldSemantics(coreEntity(), CORE, NOW)).toEqual([]);
  });

  it('blocks each undescribed field, by index and name', () => {
    const entity = withSchema([
      { name: 'customer_id', type: 'string', description: 'Stable id.' },
      { name: 'email', type: 'string' },
      { name: 'phone', type: 'string', description: '   ' },
    ]);
    expect(checkFieldSemantics(entity, CORE, NOW)).toEqual([
      {
        ruleId: 'field-semantics',
        severity: 'error',
        path: 'spec.contract.schema[1].description',
        message:
          'spec.contract.schema[1].description is missing (email): core entities say what every field means — add a `description:` with what it holds, its unit and when it is null',
        hint: 'A column name is not a meaning: consumers need to know what a field holds before they join on it. See docs/categories-and-lifecycle.md#field-semantics.',
      },
      expect.objectContaining({
        severity: 'error',
        path: 'spec.contract.schema[2].description',
      }),
    ]);
  });

  it('names the category of the product in the message', () => {
    const mart = sharedMart(e => {
      e.spec.contract!.schema = [{ name: 'x', type: 'int' }];
    });
    expect(
      checkFieldSemantics(
        mart,
        categoryPolicy('shared-mart', { 'field-semantics': 'warn' }),
        NOW,
      ),
    ).toMatchObject([
      {
        severity: 'warning',
        message: expect.stringContaining(
          'is missing (x): shared marts say what every field means',
        ),
      },
    ]);
  });

  it('has nothing to judge without a schema, or with an empty one', () => {
    expect(checkFieldSemantics(withSchema(undefined), CORE, NOW)).toEqual([]);
    expect(checkFieldSemantics(withSchema([]), CORE, NOW)).toEqual([]);
  });

  it('warns at warn and says nothing at off', () => {
    const entity = withSchema([{ name: 'x', type: 'int' }]);
    expect(
      checkFieldSemantics(
        entity,
        categoryPolicy('core-entity', { 'field-semantics': 'warn' }),
        NOW,
      ),
    ).toMatchObject([
      { severity: 'warning', path: 'spec.contract.schema[0].description' },
    ]);
    expect(
      checkFieldSemantics(
        entity,
        categoryPolicy('core-entity', { 'field-semantics': 'off' }),
        NOW,
      ),
    ).toEqual([]);
  });
});
