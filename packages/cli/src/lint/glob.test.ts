import { globBase, globToRegExp, isGlob } from './glob';

describe('globs', () => {
  it.each([
    ['**/*.yaml', 'a/b/c.yaml', true],
    ['**/*.yaml', 'c.yaml', true],
    ['**/*.yaml', 'c.yml', false],
    ['teams/*/catalog-info.yaml', 'teams/a/catalog-info.yaml', true],
    ['teams/*/catalog-info.yaml', 'teams/a/b/catalog-info.yaml', false],
    ['teams/**/catalog-info.yaml', 'teams/a/b/catalog-info.yaml', true],
    ['*.{yaml,yml}', 'x.yml', true],
    ['*.{yaml,yml}', 'x.json', false],
    ['dp-v?.yaml', 'dp-v2.yaml', true],
    ['dp-v[12].yaml', 'dp-v3.yaml', false],
    ['a.b(c).yaml', 'a.b(c).yaml', true],
  ])('%s matches %s: %s', (pattern, file, expected) => {
    expect(globToRegExp(pattern).test(file)).toBe(expected);
  });

  it('tells globs from paths and finds where to start walking', () => {
    expect(isGlob('examples/data-products')).toBe(false);
    expect(isGlob('examples/**/*.yaml')).toBe(true);
    expect(globBase('examples/**/*.yaml')).toBe('examples');
    expect(globBase('*.yaml')).toBe('.');
    expect(globBase('/abs/dir/*.yaml')).toBe('/abs/dir');
  });
});
