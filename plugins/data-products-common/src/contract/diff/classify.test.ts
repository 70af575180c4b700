import type { NormalizedContract } from '../types';
import { classifyContractChanges } from './classify';

const base: NormalizedContract = {
  schema: [
    {
      name: 'customer_id',
      type: 'string',
      description: 'Stable id.',
      key: 'primary',
      required: true,
      classification: 'internal',
    },
    {
      name: 'email',
      type: 'string',
      description: 'Email.',
      classification: 'pii',
    },
    { name: 'first_seen', type: 'date', description: 'First seen.' },
  ],
  freshness: { p95: '30m', p99: '60m', tier: 'micro-batch' },
  accessPatterns: [
    { type: 'batch', location: 'snowflake://acme/DB.S.T', format: 'table' },
    { type: 'api', api: 'api:identity-lookup' },
  ],
  lineage: { upstreams: [] },
};

const changed = (edit: (c: NormalizedContract) => void): NormalizedContract => {
  const copy = JSON.parse(JSON.stringify(base));
  edit(copy);
  return copy;
};

const summary = (after: NormalizedContract) =>
  classifyContractChanges(base, after).map(({ kind, change, path }) => [
    kind,
    change,
    path,
  ]);

describe('classifyContractChanges', () => {
  it('finds nothing between equal contracts', () => {
    expect(
      classifyContractChanges(
        base,
        changed(() => {}),
      ),
    ).toEqual([]);
  });

  it('field removed: breaking, at the field in before', () => {
    const changes = classifyContractChanges(
      base,
      changed(c => c.schema.splice(1, 1)),
    );
    expect(changes).toEqual([
      {
        kind: 'breaking',
        change: 'field-removed',
        path: 'spec.contract.schema[1]',
        message: 'field email removed (was string)',
      },
    ]);
  });

  it('likely rename: removed and added with the same type and description → one breaking change', () => {
    const changes = classifyContractChanges(
      base,
      changed(c => {
        c.schema[1].name = 'email_sha256';
      }),
    );
    expect(changes).toEqual([
      {
        kind: 'breaking',
        change: 'field-renamed',
        path: 'spec.contract.schema[1].name',
        message:
          'field email renamed to email_sha256 (likely rename: email removed and email_sha256 added, both string, same description)',
      },
    ]);
  });

  // The spec's likely rename needs similar names (≥ 0.6) or equal
  // descriptions; email → email_sha256 is 1 − 7/12 ≈ 0.42 similar.
  it('not a rename when the type differs, or the names are dissimilar and the descriptions differ', () => {
    expect(
      summary(
        changed(c => {
          c.schema[2] = {
            name: 'first_seen_at',
            type: 'timestamp',
            description: 'First seen.',
          };
        }),
      ),
    ).toEqual([
      ['breaking', 'field-removed', 'spec.contract.schema[2]'],
      ['non-breaking', 'field-added', 'spec.contract.schema[2]'],
    ]);
    expect(
      summary(
        changed(c => {
          c.schema.splice(1, 1);
          c.schema.push({ name: 'email_sha256', type: 'string' });
        }),
      ),
    ).toEqual([
      ['breaking', 'field-removed', 'spec.contract.schema[1]'],
      ['non-breaking', 'field-added', 'spec.contract.schema[2]'],
    ]);
  });

  it('reports what else changed on a renamed field', () => {
    expect(
      summary(
        changed(c => {
          // email → e_mail: 1 − 1/6 ≈ 0.83 similar; its description changed too
          c.schema[1] = {
            name: 'e_mail',
            type: 'string',
            description: 'Hashed.',
            classification: 'pii',
          };
        }),
      ),
    ).toEqual([
      ['breaking', 'field-renamed', 'spec.contract.schema[1].name'],
      [
        'non-breaking',
        'description-changed',
        'spec.contract.schema[1].description',
      ],
    ]);
  });

  it('type changed: breaking, at the field in after, naming both types', () => {
    const [change] = classifyContractChanges(
      base,
      changed(c => {
        c.schema.unshift({
          name: 'row_id',
          type: 'bigint',
          description: 'Row.',
        });
        c.schema[3].type = 'timestamp';
      }),
    ).filter(c => c.change === 'type-changed');
    expect(change).toEqual({
      kind: 'breaking',
      change: 'type-changed',
      path: 'spec.contract.schema[3].type',
      message: 'field first_seen type changed: date → timestamp',
    });
  });

  it('ignores case and spacing of types', () => {
    expect(
      classifyContractChanges(
        { ...base, schema: [{ name: 'a', type: 'decimal(18,2)' }] },
        { ...base, schema: [{ name: 'a', type: 'DECIMAL(18, 2)' }] },
      ),
    ).toEqual([]);
  });

  it('required added to an existing field: breaking; dropped: not a classified change', () => {
    expect(
      classifyContractChanges(
        base,
        changed(c => {
          c.schema[1].required = true;
        }),
      ),
    ).toEqual([
      {
        kind: 'breaking',
        change: 'required-added',
        path: 'spec.contract.schema[1].required',
        message: 'field email required: false → true',
      },
    ]);
    expect(
      classifyContractChanges(
        base,
        changed(c => {
          delete c.schema[0].required;
        }),
      ),
    ).toEqual([]);
  });

  it('key changed: breaking, in either direction', () => {
    expect(
      summary(
        changed(c => {
          c.schema[0].key = 'foreign';
        }),
      ),
    ).toEqual([['breaking', 'key-changed', 'spec.contract.schema[0].key']]);
    const [dropped] = classifyContractChanges(
      base,
      changed(c => {
        delete c.schema[0].key;
      }),
    );
    expect(dropped.message).toBe(
      'field customer_id key changed: primary → none',
    );
  });

  it('field added: non-breaking', () => {
    expect(
      classifyContractChanges(
        base,
        changed(c => {
          c.schema.push({ name: 'phone', type: 'string' });
        }),
      ),
    ).toEqual([
      {
        kind: 'non-breaking',
        change: 'field-added',
        path: 'spec.contract.schema[3]',
        message: 'field phone added (string)',
      },
    ]);
  });

  it('description changed: non-breaking, quoting both', () => {
    const [change] = classifyContractChanges(
      base,
      changed(c => {
        c.schema[2].description = 'Date (UTC) first seen.';
      }),
    );
    expect(change).toEqual({
      kind: 'non-breaking',
      change: 'description-changed',
      path: 'spec.contract.schema[2].description',
      message:
        'field first_seen description changed: First seen. → Date (UTC) first seen.',
    });
  });

  it('classification changed: a notice', () => {
    expect(
      classifyContractChanges(
        base,
        changed(c => {
          c.schema[0].classification = 'confidential';
        }),
      ),
    ).toEqual([
      {
        kind: 'notice',
        change: 'classification-changed',
        path: 'spec.contract.schema[0].classification',
        message:
          'field customer_id classification changed: internal → confidential (consumers may lose access)',
      },
    ]);
  });

  it('freshness loosened when p95 or p99 is raised or removed: breaking', () => {
    expect(
      classifyContractChanges(
        base,
        changed(c => {
          c.freshness!.p99 = '2h';
        }),
      ),
    ).toEqual([
      {
        kind: 'breaking',
        change: 'freshness-loosened',
        path: 'spec.contract.freshness.p99',
        message: 'freshness p99 loosened: 60m → 2h',
      },
    ]);
    expect(
      classifyContractChanges(
        base,
        changed(c => {
          delete c.freshness;
        }),
      ),
    ).toEqual([
      {
        kind: 'breaking',
        change: 'freshness-loosened',
        path: 'spec.contract.freshness.p95',
        message: 'freshness p95 removed: 30m → (none)',
      },
      {
        kind: 'breaking',
        change: 'freshness-loosened',
        path: 'spec.contract.freshness.p99',
        message: 'freshness p99 removed: 60m → (none)',
      },
    ]);
  });

  it('freshness tightened when lowered or newly promised: non-breaking; same duration in other units is no change', () => {
    expect(
      summary(
        changed(c => {
          c.freshness!.p95 = '15m';
        }),
      ),
    ).toEqual([
      ['non-breaking', 'freshness-tightened', 'spec.contract.freshness.p95'],
    ]);
    const [added] = classifyContractChanges(
      { ...base, freshness: undefined },
      base,
    );
    expect(added.message).toBe('freshness p95 added: (none) → 30m');
    expect(
      classifyContractChanges(
        base,
        changed(c => {
          c.freshness!.p99 = '1h';
        }),
      ),
    ).toEqual([]);
  });

  it('access pattern removed: breaking; added: non-breaking; identity is type + location or api', () => {
    expect(
      classifyContractChanges(
        base,
        changed(c => {
          c.accessPatterns[0].location = 'snowflake://acme/DB.S.T2';
          c.accessPatterns[1].format = 'json';
        }),
      ),
    ).toEqual([
      {
        kind: 'breaking',
        change: 'access-pattern-removed',
        path: 'spec.contract.accessPatterns[0]',
        message: 'batch access pattern snowflake://acme/DB.S.T removed',
      },
      {
        kind: 'non-breaking',
        change: 'access-pattern-added',
        path: 'spec.contract.accessPatterns[0]',
        message: 'batch access pattern snowflake://acme/DB.S.T2 added',
      },
    ]);
    expect(
      summary(
        changed(c => {
          c.accessPatterns.splice(1, 1);
        }),
      ),
    ).toEqual([
      ['breaking', 'access-pattern-removed', 'spec.contract.accessPatterns[1]'],
    ]);
  });

  it('classifies customer-identity v1 → v2 as the renames and reshaping they were', () => {
    const v1: NormalizedContract = {
      ...base,
      schema: [
        { name: 'cust_id', type: 'string', key: 'primary', required: true },
        { name: 'email', type: 'string', classification: 'pii' },
        { name: 'first_seen', type: 'date', required: true },
      ],
    };
    const v2: NormalizedContract = {
      ...base,
      schema: [
        { name: 'customer_id', type: 'string', key: 'primary', required: true },
        { name: 'email_sha256', type: 'string', classification: 'pii' },
        { name: 'identity_sources', type: 'array<string>', required: true },
      ],
    };
    // cust_id → customer_id: 1 − 4/11 ≈ 0.64 similar, a likely rename.
    // email → email_sha256 (≈ 0.42, no descriptions) and first_seen →
    // identity_sources (other type) are removals and additions, which the
    // migration field mapping then has to account for.
    expect(
      classifyContractChanges(v1, v2).map(c => [c.change, c.path]),
    ).toEqual([
      ['field-removed', 'spec.contract.schema[1]'],
      ['field-removed', 'spec.contract.schema[2]'],
      ['field-renamed', 'spec.contract.schema[0].name'],
      ['field-added', 'spec.contract.schema[1]'],
      ['field-added', 'spec.contract.schema[2]'],
    ]);
  });
});
