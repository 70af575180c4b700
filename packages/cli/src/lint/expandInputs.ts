import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from '../fsErrors';
import { globBase, globToRegExp, isGlob } from './glob';
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

const YAML_FILE = /\.ya?ml$/i;
// Never walked into: dependencies, VCS data, build output, hidden folders.
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'dist-types']);

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
    const posix = input.split(path.sep).join('/');
    if (isGlob(posix)) {
      const base = path.resolve(cwd, globBase(posix));
      const pattern = globToRegExp(
        toPosix(path.resolve(cwd, posix.replace(/\/+$/, ''))),
      );
      const matches = walk(base).filter(file => pattern.test(toPosix(file)));
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
      const found = walk(absolute).filter(file => YAML_FILE.test(file));
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

/** Every file below `dir`, sorted, skipping hidden and dependency folders. */
function walk(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) {
        files.push(...walk(full));
      }
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(full))) {
      files.push(full);
    }
  }
  return files;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
