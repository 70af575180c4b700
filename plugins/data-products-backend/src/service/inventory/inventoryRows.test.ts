import { isBreaching } from './inventoryRows';

describe('isBreaching', () => {
  it.each([
    [5, 5, false],
    [4, 3, false], // P95 within the promise, P99 beyond it: no breach
    [3, 5, true], // P95 beyond the promise
    [1, null, true],
    [5, 2, true], // too many failed or late runs
    [null, 1, true],
    [null, 3, false],
    [null, null, false], // unknown never breaches
  ])(
    'freshness %p, reliability %p → %p',
    (freshness, reliability, expected) => {
      expect(isBreaching({ freshness, reliability })).toBe(expected);
    },
  );
});
