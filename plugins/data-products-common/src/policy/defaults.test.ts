import { DEFAULT_POLICY } from './defaults';
import { RULE_IDS } from './ruleIds';

describe('DEFAULT_POLICY', () => {
  // The spec's "Categories and their management rules" table, column by column.
  it.each([
    ['owner-is-group', 'block', 'block', 'block'],
    ['sla-percentiles', 'block', 'warn', 'off'],
    ['escalation-path', 'block', 'warn', 'off'],
    ['field-semantics', 'block', 'off', 'off'],
    ['semver', 'block', 'warn', 'off'],
    ['retire-with-replacement', 'block', 'off', 'off'],
    ['planned-deprecation', 'warn', 'warn', 'off'],
    ['quarterly-review', 'off', 'warn', 'off'],
    ['auto-expiry', 'off', 'off', 'block'],
    ['breaking-change-needs-major', 'block', 'block', 'off'],
    ['migration-mapping', 'block', 'warn', 'off'],
    ['retire-when-consumers-moved', 'block', 'warn', 'off'],
    ['funding-follows-reuse', 'warn', 'warn', 'off'],
  ] as const)('%s: core %s, mart %s, view %s', (ruleId, core, mart, view) => {
    expect(DEFAULT_POLICY.categories['core-entity'].rules[ruleId]).toBe(core);
    expect(DEFAULT_POLICY.categories['shared-mart'].rules[ruleId]).toBe(mart);
    expect(DEFAULT_POLICY.categories['convenience-view'].rules[ruleId]).toBe(
      view,
    );
  });

  it('sets every rule in every category and nothing else', () => {
    for (const category of Object.values(DEFAULT_POLICY.categories)) {
      expect(Object.keys(category.rules).sort()).toEqual([...RULE_IDS].sort());
    }
  });

  it('uses the spec day counts in every category', () => {
    for (const category of Object.values(DEFAULT_POLICY.categories)) {
      expect(category).toMatchObject({
        expiryDays: 90,
        expiringWindowDays: 14,
        reviewIntervalDays: 92,
        sunsetWarningDays: 30,
      });
    }
  });

  it('cannot be changed by accident', () => {
    expect(() => {
      (DEFAULT_POLICY.categories['core-entity'].rules as any).semver = 'off';
    }).toThrow(TypeError);
    expect(DEFAULT_POLICY.categories['core-entity'].rules.semver).toBe('block');
  });
});
