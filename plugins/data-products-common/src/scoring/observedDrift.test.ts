import { observedSchemaDrift } from './observedDrift';

const contract = {
  schema: [
    { name: 'interaction_id', type: 'string' },
    { name: 'channel', type: 'string' },
    { name: 'opened_at', type: 'timestamp' },
    { name: 'csat_score', type: 'integer' },
    { name: 'amount', type: 'decimal(18,2)' },
  ],
};

const asContracted = contract.schema.map(({ name, type }) => ({ name, type }));

describe('observedSchemaDrift', () => {
  it('finds nothing when the run reports the contract', () => {
    expect(observedSchemaDrift(contract, asContracted)).toEqual([]);
  });

  it('compares types ignoring case and whitespace', () => {
    expect(
      observedSchemaDrift(contract, [
        { name: 'interaction_id', type: 'STRING' },
        { name: 'channel', type: ' string ' },
        { name: 'opened_at', type: 'TimeStamp' },
        { name: 'csat_score', type: 'INTEGER' },
        { name: 'amount', type: 'DECIMAL(18, 2)' },
      ]),
    ).toEqual([]);
  });

  it('matches field names ignoring case, as warehouses fold them', () => {
    expect(
      observedSchemaDrift(
        contract,
        asContracted.map(field => ({
          ...field,
          name: field.name.toUpperCase(),
        })),
      ),
    ).toEqual([]);
  });

  it('reports a field observed with another type', () => {
    const observed = asContracted.map(field =>
      field.name === 'amount' ? { ...field, type: 'float' } : field,
    );
    expect(observedSchemaDrift(contract, observed)).toEqual([
      {
        change: 'type-changed',
        field: 'amount',
        observedField: 'amount',
        expectedType: 'decimal(18,2)',
        observedType: 'float',
        message:
          'field amount is float in the observed schema, decimal(18,2) in the contract',
      },
    ]);
  });

  it('reports a missing field, and a same-typed stranger in its place as a rename', () => {
    const observed = asContracted.map(field =>
      field.name === 'csat_score' ? { name: 'csat', type: 'integer' } : field,
    );
    expect(observedSchemaDrift(contract, observed)).toEqual([
      {
        change: 'field-renamed',
        field: 'csat_score',
        observedField: 'csat',
        expectedType: 'integer',
        observedType: 'integer',
        message:
          'field csat_score appears renamed to csat (csat_score is missing and csat is observed in its place, position 4, both integer)',
      },
    ]);
  });

  it('is no rename when the field in its place has another type, or none', () => {
    const otherType = asContracted.map(field =>
      field.name === 'csat_score' ? { name: 'csat', type: 'string' } : field,
    );
    const noType = asContracted.map(field =>
      field.name === 'csat_score' ? { name: 'csat' } : field,
    );
    for (const observed of [otherType, noType]) {
      expect(observedSchemaDrift(contract, observed)).toEqual([
        {
          change: 'field-missing',
          field: 'csat_score',
          expectedType: 'integer',
          message:
            'field csat_score (integer) is missing from the observed schema',
        },
      ]);
    }
  });

  it('is no rename when the field in its place is another contract field', () => {
    // channel dropped: opened_at moved up into its position.
    const observed = asContracted.filter(field => field.name !== 'channel');
    expect(observedSchemaDrift(contract, observed)).toEqual([
      expect.objectContaining({ change: 'field-missing', field: 'channel' }),
    ]);
  });

  it('reports a missing last field, with nothing observed in its place', () => {
    // The last field missing; nothing observed at its position.
    const observed = asContracted.slice(0, 4);
    expect(observedSchemaDrift(contract, observed)).toEqual([
      expect.objectContaining({ change: 'field-missing', field: 'amount' }),
    ]);
  });

  it('does not count extra observed fields as drift', () => {
    expect(
      observedSchemaDrift(contract, [
        ...asContracted,
        { name: 'agent_id', type: 'string' },
        { name: 'loaded_at' },
      ]),
    ).toEqual([]);
  });

  it('does not judge a type the run did not report', () => {
    expect(
      observedSchemaDrift(
        contract,
        asContracted.map(({ name }) => ({ name })),
      ),
    ).toEqual([]);
  });

  it('reports several drifts in the contract order', () => {
    expect(
      observedSchemaDrift(contract, [
        { name: 'interaction_id', type: 'bigint' },
        { name: 'chan', type: 'string' },
        { name: 'opened_at', type: 'timestamp' },
      ]).map(d => [d.change, d.field, d.observedField]),
    ).toEqual([
      ['type-changed', 'interaction_id', 'interaction_id'],
      ['field-renamed', 'channel', 'chan'],
      ['field-missing', 'csat_score', undefined],
      ['field-missing', 'amount', undefined],
    ]);
  });

  it('finds nothing without a contract schema or an observed field', () => {
    expect(observedSchemaDrift({}, asContracted)).toEqual([]);
    expect(observedSchemaDrift({ schema: [] }, asContracted)).toEqual([]);
    expect(observedSchemaDrift(contract, [])).toEqual([]);
  });
});
