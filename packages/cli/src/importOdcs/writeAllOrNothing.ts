import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from '../fsErrors';
import { UsageError } from '../io';

/** A file to write: its path below the output folder and its content. */
export interface FileToWrite {
  name: string;
  text: string;
}

/**
 * Writes `files` into `outDir` so that either all of them land or none
 * does: they are first written to a staging folder inside `outDir` (same
 * file system, so moving is a rename), `check` looks at them there (the
 * staged files resolve their relative `$yaml` exactly as the final ones
 * will; `extra` files are staged for it but not moved), and only then are
 * they moved into place. A failed move puts back what was moved and what
 * it replaced. Without `force`, a file that exists already stops
 * everything before anything is written.
 *
 * `check` returns false to write nothing (it has reported why).
 *
 * @throws UsageError when a file exists (without force) or cannot be written.
 */
export async function writeAllOrNothing(
  outDir: string,
  files: FileToWrite[],
  options: {
    force: boolean;
    display: (absolute: string) => string;
    /** Staged but not moved: e.g. the contract, referenced in place, so the check can resolve it. */
    extra?: Array<{ name: string; from: string }>;
    check: (staged: (name: string) => string) => Promise<boolean>;
  },
): Promise<boolean> {
  const targets = files.map(file => path.join(outDir, file.name));
  if (!options.force) {
    const existing = targets.filter(target => fs.existsSync(target));
    if (existing.length > 0) {
      const shown = existing.slice(0, 5).map(options.display).join(', ');
      throw new UsageError(
        `${existing.length} file${
          existing.length === 1 ? '' : 's'
        } already exist${existing.length === 1 ? 's' : ''}: ${shown}${
          existing.length > 5 ? ` … (${existing.length - 5} more)` : ''
        } — nothing written; pass --force to overwrite, or choose another --out`,
      );
    }
  }

  let createdDir: string | undefined;
  let staging: string | undefined;
  try {
    createdDir = fs.mkdirSync(outDir, { recursive: true });
    staging = fs.mkdtempSync(path.join(outDir, '.stockroom-import-'));
    const staged = (name: string) => path.join(staging!, name);
    for (const file of files) {
      fs.mkdirSync(path.dirname(staged(file.name)), { recursive: true });
      fs.writeFileSync(staged(file.name), file.text);
    }
    for (const { name, from } of options.extra ?? []) {
      fs.mkdirSync(path.dirname(staged(name)), { recursive: true });
      fs.copyFileSync(from, staged(name));
    }
    if (!(await options.check(staged))) {
      return false;
    }
    moveIntoPlace(files, staged, outDir, staging);
    createdDir = undefined; // keep the folder: it holds the files now
    return true;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot write into ${options.display(outDir)}: ${describeFsError(
        error,
      )} — nothing written`,
    );
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
    if (createdDir) fs.rmSync(createdDir, { recursive: true, force: true });
  }
}

/** Renames each staged file over its target; on a failure, undoes the ones done. */
function moveIntoPlace(
  files: FileToWrite[],
  staged: (name: string) => string,
  outDir: string,
  staging: string,
) {
  const backups = path.join(staging, '.replaced');
  const done: Array<{ target: string; backup?: string }> = [];
  try {
    for (const file of files) {
      const target = path.join(outDir, file.name);
      let backup: string | undefined;
      if (fs.existsSync(target)) {
        backup = path.join(backups, file.name);
        fs.mkdirSync(path.dirname(backup), { recursive: true });
        fs.renameSync(target, backup);
      }
      done.push({ target, backup });
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(staged(file.name), target);
    }
  } catch (error) {
    for (const { target, backup } of done.reverse()) {
      fs.rmSync(target, { force: true });
      if (backup) fs.renameSync(backup, target);
    }
    throw error;
  }
}
