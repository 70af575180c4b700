import { DEFAULT_POLICY } from './defaults';
import { PolicyConfigError } from './PolicyConfigError';
import { policyFromConfig } from './policyFromConfig';

describe('policyFromConfig', () => {
  it('gives the defaults for no config, an empty section or an empty category', () => {
    expect(policyFromConfig(undefined)).toEqual(DEFAULT_POLICY);
    expect(policyFromConfig(null)).toEqual(DEFAULT_POLICY);
    expect(policyFromConfig({})).toEqual(DEFAULT_POLICY);
    expect(policyFromConfig({ categories: { 'shared-mart': null } })).toEqual(
      DEFAULT_POLICY,
    );
  });

  it('merges rule enforcements and day counts over the defaults, per category', () => {
    const policy = policyFromConfig({
      categories: {
        'shared-mart': {
          rules: { 'sla-percentiles': 'block', 'field-semantics': 'warn' },
          reviewIntervalDays: 120,
        },
        'convenience-view': {
          expiryDays: 60,
          expiringWindowDays: 7,
          rules: { 'auto-expiry': 'warn' },
        },
      },
    });

    expect(policy.categories['shared-mart']).toEqual({
      ...DEFAULT_POLICY.categories['shared-mart'],
      rules: {
        ...DEFAULT_POLICY.categories['shared-mart'].rules,
        'sla-percentiles': 'block',
        'field-semantics': 'warn',
      },
      reviewIntervalDays: 120,
    });
    expect(policy.categories['convenience-view']).toEqual({
      ...DEFAULT_POLICY.categories['convenience-view'],
      rules: {
        ...DEFAULT_POLICY.categories['convenience-view'].rules,
        'auto-expiry': 'warn',
      },
      expiryDays: 60,
      expiringWindowDays: 7,
    });
    // Untouched categories stay the defaults, and the defaults stay untouched.
    expect(policy.categories['core-entity']).toEqual(
      DEFAULT_POLICY.categories['core-entity'],
    );
    expect(
      DEFAULT_POLICY.categories['shared-mart'].rules['sla-percentiles'],
    ).toBe('warn');
  });

  it('accepts zero-day windows and turning a rule off', () => {
    const policy = policyFromConfig({
      categories: {
        'core-entity': {
          sunsetWarningDays: 0,
          rules: { 'owner-is-group': 'off' },
        },
        'convenience-view': { expiringWindowDays: 0 },
      },
    });
    expect(policy.categories['core-entity'].sunsetWarningDays).toBe(0);
    expect(policy.categories['core-entity'].rules['owner-is-group']).toBe(
      'off',
    );
    expect(policy.categories['convenience-view'].expiringWindowDays).toBe(0);
  });

  it('ignores other features under stockroom', () => {
    expect(policyFromConfig({ scoring: { windowDays: 30 } })).toEqual(
      DEFAULT_POLICY,
    );
  });

  describe('rejects malformed config, naming the key and what is allowed', () => {
    it.each([
      [
        'an unknown category',
        { categories: { 'core-entities': {} } },
        'stockroom.categories.core-entities',
        'stockroom.categories.core-entities is not a category; allowed categories are core-entity, shared-mart, convenience-view',
      ],
      [
        'an unknown rule id',
        {
          categories: {
            'core-entity': { rules: { 'sla-percentile': 'warn' } },
          },
        },
        'stockroom.categories.core-entity.rules.sla-percentile',
        'stockroom.categories.core-entity.rules.sla-percentile is not a rule id; allowed rule ids are owner-is-group, sla-percentiles, escalation-path, field-semantics, semver, retire-with-replacement, planned-deprecation, quarterly-review, auto-expiry, breaking-change-needs-major, migration-mapping, retire-when-consumers-moved, funding-follows-reuse',
      ],
      [
        'an unknown enforcement',
        { categories: { 'shared-mart': { rules: { semver: 'warning' } } } },
        'stockroom.categories.shared-mart.rules.semver',
        'stockroom.categories.shared-mart.rules.semver is "warning"; allowed values are block, warn, off',
      ],
      [
        'a bare YAML 1.1 off',
        { categories: { 'shared-mart': { rules: { semver: false } } } },
        'stockroom.categories.shared-mart.rules.semver',
        'stockroom.categories.shared-mart.rules.semver is false; allowed values are block, warn, off (write "off" in quotes)',
      ],
      [
        'negative days',
        { categories: { 'convenience-view': { expiringWindowDays: -1 } } },
        'stockroom.categories.convenience-view.expiringWindowDays',
        'stockroom.categories.convenience-view.expiringWindowDays is -1; allowed values are whole numbers of days ≥ 0',
      ],
      [
        'fractional days',
        { categories: { 'shared-mart': { reviewIntervalDays: 91.5 } } },
        'stockroom.categories.shared-mart.reviewIntervalDays',
        'stockroom.categories.shared-mart.reviewIntervalDays is 91.5; allowed values are whole numbers of days ≥ 1',
      ],
      [
        'days as a string',
        { categories: { 'convenience-view': { expiryDays: '90' } } },
        'stockroom.categories.convenience-view.expiryDays',
        'stockroom.categories.convenience-view.expiryDays is "90"; allowed values are whole numbers of days ≥ 1',
      ],
      [
        'zero expiry days',
        { categories: { 'convenience-view': { expiryDays: 0 } } },
        'stockroom.categories.convenience-view.expiryDays',
        'stockroom.categories.convenience-view.expiryDays is 0; allowed values are whole numbers of days ≥ 1',
      ],
      [
        'an expiring window as long as the expiry',
        { categories: { 'convenience-view': { expiryDays: 14 } } },
        'stockroom.categories.convenience-view.expiringWindowDays',
        'stockroom.categories.convenience-view.expiringWindowDays is 14; allowed values are whole numbers of days below expiryDays (14), or a view would be expiring from the day it is renewed',
      ],
      [
        'a misspelt setting',
        { categories: { 'convenience-view': { expiryDay: 60 } } },
        'stockroom.categories.convenience-view.expiryDay',
        'stockroom.categories.convenience-view.expiryDay is not a setting; allowed settings are rules, expiryDays, expiringWindowDays, reviewIntervalDays, sunsetWarningDays, requireP99, requireOnCall, breakingChangeAsNewEntity',
      ],
      [
        'a switch that is not a boolean',
        { categories: { 'shared-mart': { requireP99: 'yes' } } },
        'stockroom.categories.shared-mart.requireP99',
        'stockroom.categories.shared-mart.requireP99 is "yes"; allowed values are true, false',
      ],
      [
        'rules as a list',
        { categories: { 'core-entity': { rules: ['semver'] } } },
        'stockroom.categories.core-entity.rules',
        'stockroom.categories.core-entity.rules is a list; expected an object (a YAML mapping)',
      ],
      [
        'a category as a string',
        { categories: { 'core-entity': 'strict' } },
        'stockroom.categories.core-entity',
        'stockroom.categories.core-entity is "strict"; expected an object (a YAML mapping)',
      ],
      [
        'categories as a list',
        { categories: ['core-entity'] },
        'stockroom.categories',
        'stockroom.categories is a list; expected an object (a YAML mapping)',
      ],
      [
        'stockroom as a string',
        'strict',
        'stockroom',
        'stockroom is "strict"; expected an object (a YAML mapping)',
      ],
    ])('%s', (_, config, key, message) => {
      const error = catchError(() => policyFromConfig(config));
      expect(error).toBeInstanceOf(PolicyConfigError);
      expect(error.name).toBe('PolicyConfigError');
      expect(error.issues).toEqual([{ key, message }]);
      expect(error.message).toBe(`Invalid app-config: ${message}`);
    });

    it('lists every problem at once', () => {
      const error = catchError(() =>
        policyFromConfig({
          categories: {
            'core-entity': { rules: { semver: 'strict', nope: 'warn' } },
            'shared-mart': { sunsetWarningDays: -3 },
          },
        }),
      );
      expect(error.issues.map(issue => issue.key)).toEqual([
        'stockroom.categories.core-entity.rules.semver',
        'stockroom.categories.core-entity.rules.nope',
        'stockroom.categories.shared-mart.sunsetWarningDays',
      ]);
      expect(error.message).toBe(
        [
          'Invalid app-config, 3 problems:',
          '- stockroom.categories.core-entity.rules.semver is "strict"; allowed values are block, warn, off',
          '- stockroom.categories.core-entity.rules.nope is not a rule id; allowed rule ids are owner-is-group, sla-percentiles, escalation-path, field-semantics, semver, retire-with-replacement, planned-deprecation, quarterly-review, auto-expiry, breaking-change-needs-major, migration-mapping, retire-when-consumers-moved, funding-follows-reuse',
          '- stockroom.categories.shared-mart.sunsetWarningDays is -3; allowed values are whole numbers of days ≥ 0',
        ].join('\n'),
      );
    });
  });
});

function catchError(fn: () => unknown): PolicyConfigError {
  try {
    fn();
  } catch (error) {
    return error as PolicyConfigError;
  }
  throw new Error('expected an error');
}
