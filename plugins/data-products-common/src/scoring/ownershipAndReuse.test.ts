import { scoreOwnership } from './ownership';
import { scoreReuse } from './reuse';

describe('scoreOwnership', () => {
  const all = {
    ownerIsGroup: true,
    groupHasMembers: true,
    escalationChannel: true,
    onCall: true,
  };

  it.each([
    [all, 4, 5],
    [{ ...all, onCall: false }, 3, 4],
    [{ ...all, onCall: false, escalationChannel: false }, 2, 3],
    [
      { ...all, ownerIsGroup: false, groupHasMembers: false, onCall: false },
      1,
      2,
    ],
    [
      {
        ownerIsGroup: false,
        groupHasMembers: false,
        escalationChannel: false,
        onCall: false,
      },
      0,
      1,
    ],
  ])('%o passes %i checks and scores %i', (checks, passed, expected) => {
    const result = scoreOwnership(checks);
    expect(result.evidence.passed).toBe(passed);
    expect(result.score).toBe(expected);
  });

  it('names the failed checks', () => {
    expect(
      scoreOwnership({ ...all, groupHasMembers: false, onCall: false }).summary,
    ).toBe(
      '2 of 4 ownership checks pass: the owner group has no members, no on-call',
    );
    expect(scoreOwnership(all).summary).toMatch(/^All 4 ownership checks pass/);
  });
});

describe('scoreReuse', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [250, 5],
  ])('%i consumers score %i', (consumers, expected) => {
    expect(scoreReuse(consumers).score).toBe(expected);
    expect(scoreReuse(consumers).evidence.consumers).toBe(consumers);
  });

  it('reads nonsense counts as none', () => {
    expect(scoreReuse(-2).evidence.consumers).toBe(0);
    expect(scoreReuse(NaN).score).toBe(1);
  });

  it('says it plainly', () => {
    expect(scoreReuse(0).summary).toBe('No catalog entity depends on it yet');
    expect(scoreReuse(1).summary).toBe('1 catalog entity depends on it');
    expect(scoreReuse(1200).summary).toBe(
      '1,200 catalog entities depend on it',
    );
  });
});
