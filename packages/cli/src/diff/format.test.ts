import { successorName } from './format';

describe('successorName', () => {
  it.each([
    ['customer-identity-v2', 2, 'customer-identity-v3'],
    ['customer-identity-v2', undefined, 'customer-identity-v3'],
    ['orders-core', 1, 'orders-core-v2'],
    ['orders-core', 0, 'orders-core-v1'],
    ['orders-core', undefined, 'orders-core-v2'],
    ['identity-v1', 4, 'identity-v5'],
  ])('%s at major %s → %s', (name, major, expected) => {
    expect(successorName(name, major)).toBe(expected);
  });
});
