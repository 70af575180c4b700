import { DataProductEntityV1alpha1 } from '@stockroom/plugin-data-products-common';
import { withComputedMetadata } from './computedMetadata';

const view = (): DataProductEntityV1alpha1 => ({
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'v',
    labels: { team: 'growth', 'stockroom.io/state': 'active' },
    annotations: {
      'openlineage.io/dataset': 'x',
      'stockroom.io/expires-on': '2099-01-01',
      'stockroom.io/findings': '[]',
    },
  },
  spec: {
    type: 'view',
    category: 'shared-mart',
    owner: 'group:growth',
    lifecycle: { stage: 'deprecated' },
  },
});

describe('withComputedMetadata', () => {
  it('overwrites typed-in computed keys and keeps everything else', () => {
    const evaluation = {
      state: 'deprecated' as const,
      expiresOn: null,
      findings: [],
    };
    const out = withComputedMetadata(view(), evaluation);
    expect(out.metadata.labels).toEqual({
      team: 'growth',
      'stockroom.io/state': 'deprecated',
    });
    expect(out.metadata.annotations).toEqual({
      'openlineage.io/dataset': 'x',
      'stockroom.io/category': 'shared-mart',
    });
    expect(out.spec).toEqual(view().spec);
  });

  it('writes expiry and non-blocking findings when there are some', () => {
    const finding = {
      ruleId: 'quarterly-review' as const,
      severity: 'warning' as const,
      message: 'spec.lifecycle.reviewedOn is 134 days old',
      path: 'spec.lifecycle.reviewedOn',
      hint: 'review it',
    };
    const out = withComputedMetadata(view(), {
      state: 'expiring',
      expiresOn: '2026-11-29',
      findings: [finding],
    });
    expect(out.metadata.annotations!['stockroom.io/expires-on']).toBe(
      '2026-11-29',
    );
    expect(
      JSON.parse(out.metadata.annotations!['stockroom.io/findings']),
    ).toEqual([finding]);
  });
});
