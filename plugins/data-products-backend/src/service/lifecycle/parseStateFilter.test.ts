import { parseStateFilter } from './parseStateFilter';

describe('parseStateFilter', () => {
  it('means every state when absent', () => {
    expect(parseStateFilter(undefined)).toBeUndefined();
  });

  it('reads one, comma-separated or repeated states', () => {
    expect(parseStateFilter('expired')).toEqual(['expired']);
    expect(parseStateFilter('expiring, expired,expired')).toEqual([
      'expiring',
      'expired',
    ]);
    expect(parseStateFilter(['deprecated', 'retired,draft'])).toEqual([
      'deprecated',
      'retired',
      'draft',
    ]);
  });

  it('rejects unknown states, listing the allowed values', () => {
    expect(() => parseStateFilter('expiring,gone')).toThrow(
      'state "gone" is not a lifecycle state; allowed values are draft, active, expiring, expired, deprecated, retired (comma-separated for several)',
    );
    expect(() => parseStateFilter('Expired,x')).toThrow(
      /state "Expired", "x" are not a lifecycle state/,
    );
  });

  it('rejects an empty or structured value', () => {
    expect(() => parseStateFilter('')).toThrow(/state is empty; allowed/);
    expect(() => parseStateFilter({ a: 'b' })).toThrow(
      /state must be a string; allowed/,
    );
  });
});
