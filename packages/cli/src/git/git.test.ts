import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../__testUtils__/runCli';
import { gitRepo } from '../diff/__testUtils__/gitRepo';
import { openRepo, parseNameStatus, repoPath } from './git';

describe('git', () => {
  it('reads `git diff --name-status -z`, pairing renames and copies', () => {
    expect(
      parseNameStatus(
        'M\0a.yaml\0R087\0old/b.yaml\0new/b.yaml\0D\0gone.yaml\0C100\0c.yaml\0d.yaml\0A\0dir with space/é.yaml\0',
      ),
    ).toEqual([
      { status: 'M', file: 'a.yaml' },
      { status: 'R', from: 'old/b.yaml', file: 'new/b.yaml' },
      { status: 'D', file: 'gone.yaml' },
      { status: 'C', from: 'c.yaml', file: 'd.yaml' },
      { status: 'A', file: 'dir with space/é.yaml' },
    ]);
    expect(parseNameStatus('')).toEqual([]);
  });

  it('answers from the repository root, whatever the working directory', async () => {
    const repo = gitRepo({ 'teams/a/x.yaml': 'a: 1\n' });
    repo.commit('x');
    repo.write({ 'teams/a/x.yaml': 'a: 2\n', 'teams/b/new file.yaml': 'b\n' });
    const git = await openRepo(path.join(repo.dir, 'teams/a'));
    expect(git.root).toBe(fs.realpathSync(repo.dir));
    const head = await git.resolveCommit('HEAD');
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(await git.resolveCommit('no-such-branch')).toBeUndefined();
    expect(await git.show(head!, 'teams/a/x.yaml')).toBe('a: 1\n');
    expect(await git.show(head!, 'teams/a/missing.yaml')).toBeUndefined();
    expect(await git.changedSince(head!, '.')).toEqual([
      { status: 'M', file: 'teams/a/x.yaml' },
    ]);
    expect(await git.untracked('teams')).toEqual(['teams/b/new file.yaml']);
    expect(await git.untracked('teams/a')).toEqual([]);
    expect((await git.listFiles('.')).sort()).toEqual([
      'teams/a/x.yaml',
      'teams/b/new file.yaml',
    ]);
    expect(repoPath(git, path.join(repo.dir, 'teams/b/new file.yaml'))).toBe(
      'teams/b/new file.yaml',
    );
    expect(repoPath(git, path.join(repo.dir, 'not/yet.yaml'))).toBe(
      'not/yet.yaml',
    );
    expect(repoPath(git, tempDir())).toBeUndefined();
  });

  it('says so outside a repository', async () => {
    await expect(openRepo(tempDir())).rejects.toThrow(/^not a git repository/);
  });
});
