import { didYouMean, editDistance } from './suggest';

describe('didYouMean', () => {
  const specFields = [
    'type',
    'category',
    'owner',
    'domain',
    'system',
    'version',
    'lifecycle',
    'contract',
  ];

  it.each([
    ['catgory', specFields, 'category'],
    ['owners', specFields, 'owner'],
    ['Lifecycle', specFields, 'lifecycle'],
    ['core', ['core-entity', 'shared-mart', 'convenience-view'], 'core-entity'],
    ['accessPattern', ['schema', 'accessPatterns'], 'accessPatterns'],
    ['createdon', ['createdOn', 'renewedOn'], 'createdOn'],
    ['p90', ['p95', 'p99', 'tier'], 'p95'],
  ])('suggests %s → %s', (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });

  it.each([
    ['foo', specFields],
    ['sla', specFields],
    ['xy', ['abc', 'abd']],
  ])('stays quiet for %s', (input, candidates) => {
    expect(didYouMean(input, candidates)).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
