import type { SchemaField } from '../../kind/types';
import { coreEntity, sharedMart } from '../__fixtures__/entities';
import { CORE, MART, VIEW } from '../__fixtures__/policies';
import { checkMigrationMapping } from './migration-mapping';

// v1 of the spec's example: cust_id and email became customer_id and
// email_sha256 in v2 (the core-entity fixture), first_seen was dropped.
const v1: { schema: SchemaField[] } = {
  schema: [
    { name: 'cust_id', type: 'string' },
    { name: 'email', type: 'string' },
    { name: 'first_seen', type: 'date' },
  ],
};

const HINT =
  'Consumers of the old version rewrite their queries from the field mapping: a dropped field it does not map leaves them guessing, a mapping to a field that does not exist sends them nowhere. See docs/categories-and-lifecycle.md#migration-mapping.';

const v2 = (fieldMapping: Array<{ from: string; to: string; note?: string }>) =>
  coreEntity(e => {
    e.spec.migration = {
      from: 'dataproduct:customer-identity-v1',
      fieldMapping,
    };
  });

describe('migration-mapping', () => {
  it('passes a v2 that maps every field it drops to a field it has', () => {
    expect(
      checkMigrationMapping(
        v2([
          { from: 'cust_id', to: 'customer_id', note: 'renamed' },
          { from: 'email', to: 'email_sha256', note: 'hashed' },
          { from: 'first_seen', to: 'customer_id', note: 'dropped' },
        ]),
        CORE,
        { supersededContract: v1 },
      ),
    ).toEqual([]);
  });

  it('blocks a core entity that leaves dropped fields unmapped, naming each', () => {
    expect(
      checkMigrationMapping(
        v2([{ from: 'cust_id', to: 'customer_id' }]),
        CORE,
        { supersededContract: v1 },
      ),
    ).toEqual([
      {
        ruleId: 'migration-mapping',
        severity: 'error',
        path: 'spec.migration.fieldMapping',
        message:
          'spec.migration.fieldMapping does not map 2 fields of dataproduct:customer-identity-v1 that this contract drops: email, first_seen — core entities that supersede another say where each old field went — add e.g. `- { from: email, to: <its field in spec.contract.schema>, note: "…" }`',
        hint: HINT,
      },
    ]);
  });

  it('does not ask to map fields the new schema still has', () => {
    const kept = {
      schema: [
        { name: 'customer_id', type: 'string' },
        { name: 'email_sha256', type: 'string' },
      ],
    };
    expect(
      checkMigrationMapping(v2([]), CORE, { supersededContract: kept }),
    ).toEqual([]);
  });

  it('flags a mapping target the new schema lacks, at that entry', () => {
    const findings = checkMigrationMapping(
      v2([
        { from: 'cust_id', to: 'customer_id' },
        { from: 'email', to: 'email_hash' },
        { from: 'first_seen', to: 'customer_id' },
      ]),
      CORE,
      { supersededContract: v1 },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'migration-mapping',
        severity: 'error',
        path: 'spec.migration.fieldMapping[1].to',
        message:
          "spec.migration.fieldMapping[1].to is email_hash, which is not a field of this contract's schema: map email to one of customer_id, email_sha256",
      }),
    ]);
  });

  it('warns on a shared mart and says nothing on a convenience view (rule off)', () => {
    const mart = sharedMart(e => {
      e.spec.lifecycle.supersedes = 'dataproduct:orders-v1';
    });
    const oldMart = { schema: [{ name: 'legacy_total', type: 'decimal' }] };
    expect(
      checkMigrationMapping(mart, MART, { supersededContract: oldMart }),
    ).toMatchObject([
      {
        severity: 'warning',
        message: expect.stringContaining(
          'does not map 1 field of dataproduct:orders-v1 that this contract drops: legacy_total',
        ),
      },
    ]);
    expect(
      checkMigrationMapping(mart, VIEW, { supersededContract: oldMart }),
    ).toEqual([]);
  });

  it('is skipped without the superseded contract, or when nothing is superseded', () => {
    expect(checkMigrationMapping(v2([]), CORE, {})).toEqual([]);
    const standalone = coreEntity(e => {
      delete e.spec.lifecycle.supersedes;
    });
    expect(
      checkMigrationMapping(standalone, CORE, { supersededContract: v1 }),
    ).toEqual([]);
  });
});
