import type { SchemaField } from '../../kind/types';
import type { NormalizedContract } from '../types';
import { classifyContractChanges } from './classify';

// dataproduct-spec.md "Breaking contract changes", likely rename: a removed
// and an added field of the same type whose names are similar (normalised
// edit-distance similarity ≥ 0.6) or whose descriptions are equal, wherever
// they sit in the list. Similarities below are worked out by hand.
const contract = (schema: SchemaField[]): NormalizedContract => ({
  schema,
  accessPatterns: [],
  lineage: { upstreams: [] },
});

const changesOf = (before: SchemaField[], after: SchemaField[]) =>
  classifyContractChanges(contract(before), contract(after)).map(c => [
    c.change,
    c.path,
  ]);

const f = (name: string, type = 'string', description?: string) =>
  description ? { name, type, description } : { name, type };

describe('likely renames', () => {
  it('finds cust_id → customer_id after a reorder as one field-renamed (1 − 4/11 ≈ 0.64)', () => {
    const changes = classifyContractChanges(
      contract([f('cust_id'), f('email'), f('first_seen', 'date')]),
      contract([f('email'), f('first_seen', 'date'), f('customer_id')]),
    );
    expect(changes).toEqual([
      {
        kind: 'breaking',
        change: 'field-renamed',
        path: 'spec.contract.schema[2].name',
        message:
          'field cust_id renamed to customer_id (likely rename: cust_id removed and customer_id added, both string, names 63% similar)',
      },
    ]);
  });

  it('pairs fields with equal descriptions however different their names and positions', () => {
    const description = 'Stable id, never reused.';
    const changes = classifyContractChanges(
      contract([f('id', 'string', description), f('email')]),
      contract([f('email'), f('person_key', 'string', description)]),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        change: 'field-renamed',
        path: 'spec.contract.schema[1].name',
        message:
          'field id renamed to person_key (likely rename: id removed and person_key added, both string, same description)',
      }),
    ]);
  });

  it('takes 0.6 as similar and 0.4 as not (price → prc is 1 − 2/5, price → pr is 1 − 3/5)', () => {
    expect(changesOf([f('price', 'decimal')], [f('prc', 'decimal')])).toEqual([
      ['field-renamed', 'spec.contract.schema[0].name'],
    ]);
    expect(changesOf([f('price', 'decimal')], [f('pr', 'decimal')])).toEqual([
      ['field-removed', 'spec.contract.schema[0]'],
      ['field-added', 'spec.contract.schema[0]'],
    ]);
  });

  it('never pairs fields of different types, however similar', () => {
    expect(changesOf([f('cust_id')], [f('customer_id', 'bigint')])).toEqual([
      ['field-removed', 'spec.contract.schema[0]'],
      ['field-added', 'spec.contract.schema[0]'],
    ]);
  });

  it('does not count two missing descriptions as equal', () => {
    expect(changesOf([f('email')], [f('hashed_contact')])).toEqual([
      ['field-removed', 'spec.contract.schema[0]'],
      ['field-added', 'spec.contract.schema[0]'],
    ]);
  });

  it('pairs a removed field with the most similar added one, once', () => {
    // cust_ids: 1 − 1/8 ≈ 0.88 beats customer_id ≈ 0.64
    expect(
      changesOf([f('cust_id')], [f('customer_id'), f('cust_ids')]),
    ).toEqual([
      ['field-added', 'spec.contract.schema[0]'],
      ['field-renamed', 'spec.contract.schema[1].name'],
    ]);
  });

  it('compares names case aside (CustomerID → customer_id is 1 − 1/11 similar)', () => {
    expect(changesOf([f('CustomerID')], [f('customer_id')])).toEqual([
      ['field-renamed', 'spec.contract.schema[0].name'],
    ]);
  });
});
