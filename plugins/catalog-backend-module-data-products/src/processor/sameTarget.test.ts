import { sameTarget } from './sameTarget';

const ref = (kind: string, namespace: string, name: string) => ({
  kind,
  namespace,
  name,
});

describe('sameTarget (refs compared without regard to letter case)', () => {
  it('matches the same ref', () => {
    expect(
      sameTarget(
        ref('Group', 'default', 'team-a'),
        ref('Group', 'default', 'team-a'),
      ),
    ).toBe(true);
  });

  it('matches refs differing only in ASCII letter case, in any part', () => {
    expect(
      sameTarget(
        ref('Group', 'default', 'Team-A'),
        ref('group', 'DEFAULT', 'team-a'),
      ),
    ).toBe(true);
  });

  it.each([
    ['another name', ref('Group', 'default', 'team-b')],
    ['a longer name', ref('Group', 'default', 'team-a2')],
    ['another namespace', ref('Group', 'ops', 'team-a')],
    ['another kind', ref('User', 'default', 'team-a')],
    ['a longer kind', ref('Groups', 'default', 'team-a')],
  ])('tells apart %s', (_, other) => {
    expect(sameTarget(ref('Group', 'default', 'team-a'), other)).toBe(false);
  });

  it('lowercases non-ASCII letters as toLowerCase does', () => {
    // the Kelvin sign lowercases to an ASCII k
    expect(
      sameTarget(ref('\u212a', 'default', 'x'), ref('k', 'default', 'x')),
    ).toBe(true);
    // İ lowercases to i and a combining dot: two characters for one
    expect(
      sameTarget(ref('Group', 'default', 'İd'), ref('group', 'default', 'i̇d')),
    ).toBe(true);
    expect(
      sameTarget(ref('Group', 'default', 'İd'), ref('group', 'default', 'id')),
    ).toBe(false);
    // a capital sigma ending a word lowercases to the final form ς
    expect(
      sameTarget(ref('Group', 'default', 'ΑΣ'), ref('group', 'default', 'ας')),
    ).toBe(true);
    expect(
      sameTarget(ref('Group', 'default', 'ΑΣ'), ref('group', 'default', 'ασ')),
    ).toBe(false);
  });

  it('matches a namespace holding a slash with the same ref split after it', () => {
    // both are `component:a/b/c` written out
    expect(
      sameTarget(ref('Component', 'a/b', 'c'), ref('component', 'a', 'B/c')),
    ).toBe(true);
    expect(
      sameTarget(ref('Component', 'a/b', 'c'), ref('component', 'a', 'b/d')),
    ).toBe(false);
  });
});
