import { majorVersionOf } from './majorVersion';

describe('majorVersionOf', () => {
  it.each([
    ['2.1.0', 2],
    ['0.3.0', 0],
    ['3.0.0-rc.1+build.7', 3],
    ['10.0.0', 10],
  ])('reads %s as major %d', (version, major) => {
    expect(majorVersionOf(version)).toBe(major);
  });

  // semver 2.0.0 forbids leading zeros; a looser reader would call 01.0.0 a 1
  it.each(['01.0.0', 'v2.0.0', '2.0', '2', '', '1.0.0-', null, undefined, 2])(
    'has no major for %p',
    version => {
      expect(majorVersionOf(version)).toBeUndefined();
    },
  );
});
