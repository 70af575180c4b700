import {
  DEFAULT_POLICY,
  toCatalogShape,
  type DataProductEntityV1alpha1,
} from '@stockroom/plugin-data-products-common';
import { component } from '../../__testUtils__/entities';
import { customerV1, customerV2 } from './__testUtils__/customerVersions';
import { evaluateProducts } from './evaluateProducts';

// A convenience view created 2026-11-01, written by hand: on 2026-11-25 it is
// 24 days old, so active, expiring 90 days after creation (2027-01-30).
const view: DataProductEntityV1alpha1 = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'weekly-churn-view' },
  spec: {
    type: 'view',
    category: 'convenience-view',
    owner: 'group:growth-analytics',
    lifecycle: { stage: 'active', createdOn: '2026-11-01' },
  },
} as DataProductEntityV1alpha1;

describe('evaluateProducts', () => {
  it('judges entities as the catalog stores them (lifecycle as a string)', () => {
    const stored = toCatalogShape(view);
    expect(typeof (stored.spec as any).lifecycle).toBe('string');
    const [product] = evaluateProducts(
      [stored],
      DEFAULT_POLICY,
      new Date('2026-11-25T09:00:00Z'),
    );
    expect(product).toMatchObject({
      entityRef: 'dataproduct:default/weekly-churn-view',
      evaluation: { state: 'active', expiresOn: '2027-01-30', blocking: [] },
    });
    expect(product.entity.spec.lifecycle).toEqual({
      stage: 'active',
      createdOn: '2026-11-01',
    });
  });

  it('skips what is not a DataProduct of ours', () => {
    expect(
      evaluateProducts(
        [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'x' },
          },
          { ...view, apiVersion: 'example.com/v9' } as any,
        ],
        DEFAULT_POLICY,
        new Date('2026-11-25T09:00:00Z'),
      ),
    ).toEqual([]);
  });

  describe('with what only the catalog knows, as the processor judges', () => {
    const NOW = new Date('2026-11-25T09:00:00Z');
    const findingsOf = (entities: any[], name: string) =>
      evaluateProducts(entities, DEFAULT_POLICY, NOW).find(
        product => product.entity.metadata.name === name,
      )!.evaluation.findings;
    const ofRule = (findings: any[], ruleId: string) =>
      findings.filter(finding => finding.ruleId === ruleId);

    it('blocks retiring a core entity a service still depends on, naming the service', () => {
      const checkout = component('checkout', 'group:default/web', [
        'dataproduct:default/customer-v1',
      ]);
      const retired = customerV1('retired', {
        dependents: ['component:default/checkout'],
      });

      const findings = ofRule(
        findingsOf([retired, checkout], 'customer-v1'),
        'retire-when-consumers-moved',
      );

      expect(findings).toEqual([
        expect.objectContaining({
          severity: 'error',
          path: 'spec.lifecycle.stage',
          message: expect.stringContaining('component:default/checkout'),
        }),
      ]);
    });

    it('lets a core entity retire once no one depends on it', () => {
      expect(
        ofRule(
          findingsOf([customerV1('retired')], 'customer-v1'),
          'retire-when-consumers-moved',
        ),
      ).toEqual([]);
    });

    it('blocks a v2 whose field mapping leaves a dropped field of v1 out, naming it', () => {
      const v2 = customerV2({
        fieldMapping: [{ from: 'cust_id', to: 'customer_id' }],
      });

      const findings = ofRule(
        findingsOf([customerV1('deprecated'), v2], 'customer-v2'),
        'migration-mapping',
      );

      // v1 has cust_id, email, segment; v2 keeps email and maps cust_id.
      expect(findings).toEqual([
        expect.objectContaining({
          severity: 'error',
          path: 'spec.migration.fieldMapping',
          message: expect.stringContaining('segment'),
        }),
      ]);
      expect(findings[0].message).not.toContain('cust_id');
    });

    it('finds v1 by the short ref v2 wrote, and is content once every dropped field is mapped', () => {
      const v2 = customerV2({
        supersedes: 'customer-v1',
        fieldMapping: [
          { from: 'cust_id', to: 'customer_id' },
          { from: 'segment', to: 'email', note: 'segments moved to CRM' },
        ],
      });
      const unmapped = customerV2({ supersedes: 'customer-v1' });

      expect(
        ofRule(
          findingsOf([customerV1('deprecated'), v2], 'customer-v2'),
          'migration-mapping',
        ),
      ).toEqual([]);
      expect(
        ofRule(
          findingsOf([customerV1('deprecated'), unmapped], 'customer-v2'),
          'migration-mapping',
        ),
      ).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('cust_id, segment'),
        }),
      ]);
    });

    it('says nothing about the mapping when v1 is not among the products (hidden from the caller, or gone)', () => {
      expect(
        ofRule(findingsOf([customerV2()], 'customer-v2'), 'migration-mapping'),
      ).toEqual([]);
    });
  });
});
