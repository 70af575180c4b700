import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../io';

/**
 * The few git questions `stockroom diff` asks, answered by the `git` binary
 * run with `execFile` (an argument vector, never a shell string, so file
 * names and refs are never interpreted). Paths going in and out are
 * relative to the repository root, `/`-separated.
 */
export interface GitRepo {
  /** Absolute path of the working tree's top directory. */
  root: string;
  /** The commit a ref names, or undefined when it names none. */
  resolveCommit(ref: string): Promise<string | undefined>;
  /** A file's content at a commit, or undefined when the file is not there. */
  show(commit: string, file: string): Promise<string | undefined>;
  /** Files that differ between a commit and the working tree, renames paired. */
  changedSince(commit: string, scope: string): Promise<ChangedFile[]>;
  /** Untracked files that are not ignored. */
  untracked(scope: string): Promise<string[]>;
  /** Tracked and untracked (not ignored) files. */
  listFiles(scope: string): Promise<string[]>;
}

/** One entry of `git diff --name-status`. */
export interface ChangedFile {
  /** The path in the working tree. */
  file: string;
  /** Where the file was at the commit, when git paired a rename or copy. */
  from?: string;
  /** A (added), M, D (deleted in the working tree), R, C, T… */
  status: string;
}

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

// Generous: `git show` of a large generated YAML must not be cut off.
const MAX_BUFFER = 256 * 1024 * 1024;

/** Runs `git <args>` in `cwd` without a shell; never rejects. */
export function runGit(args: string[], cwd: string): Promise<GitResult> {
  return new Promise(resolve => {
    execFile(
      'git',
      // Paths with non-ASCII characters are printed as-is, not quoted.
      ['-c', 'core.quotepath=off', ...args],
      { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof (error as any).code !== 'number') {
          // git itself could not run (not installed, cwd gone).
          resolve({ code: -1, stdout: '', stderr: error.message });
          return;
        }
        resolve({
          code: error ? ((error as any).code as number) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

/**
 * The repository that holds `cwd`.
 *
 * @throws UsageError when `cwd` is not inside a git working tree or git
 * cannot run.
 */
export async function openRepo(cwd: string): Promise<GitRepo> {
  let realCwd: string;
  try {
    realCwd = fs.realpathSync(cwd);
  } catch {
    throw new UsageError(`cannot read the directory ${cwd}`);
  }
  const top = await runGit(['rev-parse', '--show-toplevel'], realCwd);
  if (top.code === -1) {
    throw new UsageError(`cannot run git: ${firstLine(top.stderr)}`);
  }
  if (top.code !== 0 || top.stdout.trim() === '') {
    throw new UsageError(
      `not a git repository: ${cwd} (stockroom diff compares against a git ref; run it inside a git working tree)`,
    );
  }
  const root = top.stdout.trim();
  const git = (args: string[]) => runGit(args, root);
  const must = async (args: string[]) => {
    const result = await git(args);
    if (result.code !== 0) {
      throw new UsageError(
        `git ${args[0]} failed: ${
          firstLine(result.stderr) || `exit ${result.code}`
        }`,
      );
    }
    return result.stdout;
  };

  return {
    root,
    async resolveCommit(ref) {
      // `--end-of-options` keeps a ref such as `--output=x` from being read as an option.
      const result = await git([
        'rev-parse',
        '--verify',
        '--quiet',
        '--end-of-options',
        `${ref}^{commit}`,
      ]);
      return result.code === 0 ? result.stdout.trim() : undefined;
    },
    async show(commit, file) {
      const result = await git(['show', `${commit}:${file}`]);
      return result.code === 0 ? result.stdout : undefined;
    },
    async changedSince(commit, scope) {
      const out = await must([
        'diff',
        '--name-status',
        '-z',
        '-M',
        '--no-relative',
        '--no-ext-diff',
        commit,
        '--',
        scope,
      ]);
      return parseNameStatus(out);
    },
    async untracked(scope) {
      return nulList(
        await must([
          'ls-files',
          '-z',
          '--others',
          '--exclude-standard',
          '--full-name',
          '--',
          scope,
        ]),
      );
    },
    async listFiles(scope) {
      return nulList(
        await must([
          'ls-files',
          '-z',
          '--cached',
          '--others',
          '--exclude-standard',
          '--full-name',
          '--',
          scope,
        ]),
      );
    },
  };
}

/** `git diff --name-status -z`: `M\0path\0`, `R100\0old\0new\0`, … */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split('\0');
  const changes: ChangedFile[] = [];
  for (let i = 0; i < fields.length && fields[i] !== ''; ) {
    const status = fields[i];
    if (status.startsWith('R') || status.startsWith('C')) {
      changes.push({
        status: status[0],
        from: fields[i + 1],
        file: fields[i + 2],
      });
      i += 3;
    } else {
      changes.push({ status: status[0], file: fields[i + 1] });
      i += 2;
    }
  }
  return changes;
}

/**
 * A path as git names it from the repository root (`/`-separated), or
 * undefined for a path outside the working tree. Symlinked directories
 * (macOS `/var` → `/private/var`) are resolved so they compare equal.
 */
export function repoPath(repo: GitRepo, absolute: string): string | undefined {
  const relative = path.relative(repo.root, realPath(absolute));
  if (
    relative === '' ||
    relative.startsWith('..') ||
    path.isAbsolute(relative)
  ) {
    return undefined;
  }
  return relative.split(path.sep).join('/');
}

/** The absolute working-tree path of a repository path. */
export function workingTreePath(repo: GitRepo, file: string): string {
  return path.join(repo.root, ...file.split('/'));
}

/**
 * The real path (symlinks resolved) of the longest existing prefix of
 * `absolute`, with the rest appended: comparable with git's paths even for a
 * file that does not exist.
 */
export function realPath(absolute: string): string {
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) {
        return absolute;
      }
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

function nulList(output: string): string[] {
  return output.split('\0').filter(name => name !== '');
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
