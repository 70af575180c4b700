import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../__testUtils__/runCli';

/** A throwaway git repository in a temp directory, driven by the real `git`. */
export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  write(files: Record<string, string>): void;
  remove(file: string): void;
  /** Stages everything and commits; identity passed per call so CI needs no git config. */
  commit(message: string): void;
}

export function gitRepo(files: Record<string, string> = {}): TestRepo {
  const dir = tempDir();
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  git('-c', 'init.defaultBranch=main', 'init', '-q');
  const repo: TestRepo = {
    dir,
    git,
    write(more) {
      for (const [name, content] of Object.entries(more)) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
      }
    },
    remove(file) {
      fs.rmSync(path.join(dir, file));
    },
    commit(message) {
      git('add', '-A');
      git(
        '-c',
        'user.name=Stockroom Test',
        '-c',
        'user.email=test@stockroom.invalid',
        '-c',
        'commit.gpgsign=false',
        'commit',
        '-q',
        '--allow-empty',
        '-m',
        message,
      );
    },
  };
  repo.write(files);
  return repo;
}
