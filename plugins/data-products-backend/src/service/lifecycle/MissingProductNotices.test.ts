import { looksLikeCatalogOutage } from './MissingProductNotices';

describe('looksLikeCatalogOutage', () => {
  it('takes one owner’s emptied file for what it is, even in a small inventory', () => {
    expect(looksLikeCatalogOutage(1, 1)).toBe(false);
    expect(looksLikeCatalogOutage(3, 4)).toBe(false);
    expect(looksLikeCatalogOutage(3, 100)).toBe(false);
  });

  it('takes most of the inventory vanishing at once for the catalog', () => {
    expect(looksLikeCatalogOutage(4, 4)).toBe(true);
    expect(looksLikeCatalogOutage(51, 100)).toBe(true);
  });

  it('does not when less than half is missing', () => {
    expect(looksLikeCatalogOutage(50, 100)).toBe(false);
  });
});
