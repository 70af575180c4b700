import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from '../fsErrors';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { InputProblem } from './types';

export interface InputFile {
  absolute: string;
  /** Named on the command line (not found by walking a directory or glob). */
  explicit: boolean;
}

export interface ExpandedInputs {
  files: InputFile[];
  problems: InputProblem[];
}

// Never walked into: dependencies, build output (and, as `dot: false`,
// hidden folders such as .git).
const SKIPPED = ['**/node_modules/**', '**/dist/**', '**/dist-types/**'];
const YAML_FILES = '**/*.{yaml,yml}';

/**
 * The files `stockroom lint` reads for its arguments, in a stable order:
 * a file as given (any extension), a directory walked for `*.yaml`/`*.yml`,
 * a glob (quoted, so the shell leaves it alone) matched below its fixed
 * prefix. A path that does not exist is an error; a directory or glob that
 * matches nothing is a note.
 */
export function expandInputs(inputs: string[], cwd: string): ExpandedInputs {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (absolute: string, explicit: boolean) => {
    if (!seen.has(absolute)) {
      seen.add(absolute);
      files.push({ absolute, explicit });
    }
  };

  for (const input of inputs) {
    const posix = toPosix(input);
    if (isGlob(posix, cwd)) {
      const matches = expandGlob(posix, cwd);
      if (matches.length === 0) {
        problems.push({
          file: input,
          severity: 'note',
          message: 'no files match this pattern',
        });
      }
      matches.forEach(file => add(file, false));
      continue;
    }
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      problems.push({
        file: input,
        severity: 'error',
        message: `cannot read: ${describeFsError(error)}`,
      });
      continue;
    }
    if (stat.isDirectory()) {
      const found = find(YAML_FILES, absolute, { caseSensitiveMatch: false });
      if (found.length === 0) {
        problems.push({
          file: input,
          severity: 'note',
          message: 'no *.yaml or *.yml files in this directory',
        });
      }
      found.forEach(file => add(file, false));
    } else {
      add(absolute, true);
    }
  }
  return { files, problems };
}

/**
 * A file that exists is read as named, even with `[` or `{` in its name.
 * Otherwise only `*`, `?`, `[` and `{` make an argument a glob: tinyglobby's
 * isDynamicPattern also counts `(` and `!` (extglobs), which would turn a
 * mistyped `report(1).yaml` from "cannot read" into "no files match".
 */
function isGlob(input: string, cwd: string): boolean {
  return !fs.existsSync(path.resolve(cwd, input)) && /[*?[{]/.test(input);
}

/**
 * The files a glob matches, starting from its fixed prefix (`teams/` of
 * `teams/**\/*.yaml`, `../other/` of `../other/*.yaml`) so the skipped
 * folders are skipped whatever the working directory.
 */
function expandGlob(pattern: string, cwd: string): string[] {
  const segments = pattern.replace(/\/+$/, '').split('/');
  const firstWild = segments.findIndex(segment => isDynamicPattern(segment));
  const base = segments.slice(0, firstWild).join('/');
  return find(
    segments.slice(firstWild).join('/'),
    path.resolve(cwd, base === '' && pattern.startsWith('/') ? '/' : base),
  );
}

/** Files below `dir` matching `pattern`, in the order a directory listing sorted by name at each level gives. */
function find(
  pattern: string,
  dir: string,
  options: { caseSensitiveMatch?: boolean } = {},
): string[] {
  return globSync(pattern, {
    ...options,
    cwd: dir,
    absolute: true,
    onlyFiles: true,
    dot: false,
    ignore: SKIPPED,
    expandDirectories: false,
  })
    .map(file => path.normalize(file))
    .sort(byPathSegments);
}

function byPathSegments(a: string, b: string): number {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
