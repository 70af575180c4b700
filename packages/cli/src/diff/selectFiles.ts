import fs from 'node:fs';
import { isDataProductEntity } from '@stockroom/plugin-data-products-common';
import { GitRepo, repoPath, workingTreePath } from '../git/git';
import { expandInputs } from '../documents/expandInputs';
import { loadDocuments } from '../documents/loadDocuments';
import type { InputProblem } from '../documents/types';
import type { FileToCompare } from './compareFile';
import { placeholderFiles } from './placeholders';

export interface SelectedFiles {
  files: FileToCompare[];
  problems: InputProblem[];
}

const YAML_FILE = /\.ya?ml$/i;
const PLACEHOLDER = /\$(yaml|json|text)\b/;

/**
 * The files named on the command line (files, directories, quoted globs —
 * exactly as `stockroom lint` reads them), each paired with its path at the
 * base commit: the same path, or the old one when git sees a rename.
 */
export async function namedFiles(
  inputs: string[],
  cwd: string,
  repo: GitRepo,
  commit: string,
  display: (absolute: string) => string,
): Promise<SelectedFiles> {
  const expanded = expandInputs(inputs, cwd);
  const problems = [...expanded.problems];
  const renamedFrom = new Map(
    (await repo.changedSince(commit, '.'))
      .filter(change => change.from)
      .map(change => [change.file, change.from!]),
  );
  const files: FileToCompare[] = [];
  for (const { absolute } of expanded.files) {
    const inRepo = repoPath(repo, absolute);
    if (inRepo === undefined) {
      problems.push({
        file: display(absolute),
        severity: 'error',
        message: `not inside the git repository ${repo.root}`,
      });
      continue;
    }
    files.push({
      absolute,
      display: display(absolute),
      baseFile: renamedFrom.get(inRepo) ?? inRepo,
    });
  }
  return { files, problems };
}

/**
 * The default selection: every `*.yaml`/`*.yml` file below `scope` that
 * differs from the base commit (`git diff --name-only <ref>`, renames
 * paired) or is untracked (`git ls-files --others --exclude-standard`) and
 * holds a DataProduct — plus every DataProduct file whose placeholders read
 * a changed file, so editing only `contract.odcs.yaml` is still compared.
 */
export async function changedFiles(
  repo: GitRepo,
  commit: string,
  base: string,
  scope: string,
  display: (absolute: string) => string,
): Promise<SelectedFiles> {
  const problems: InputProblem[] = [];
  const changes = [
    ...(await repo.changedSince(commit, scope)),
    ...(await repo.untracked(scope)).map(file => ({
      file,
      status: 'A',
      from: undefined,
    })),
  ];
  const selected = new Map<string, FileToCompare>();
  const select = (file: string, from?: string) => {
    const absolute = workingTreePath(repo, file);
    selected.set(file, {
      absolute,
      display: display(absolute),
      baseFile: from ?? file,
    });
  };

  for (const change of changes) {
    if (!YAML_FILE.test(change.file)) {
      continue;
    }
    const text =
      change.status === 'D'
        ? undefined
        : readOrUndefined(workingTreePath(repo, change.file));
    if (text !== undefined && holdsDataProduct(text)) {
      select(change.file, change.from);
      continue;
    }
    // Deleted, or no DataProduct left in it: say what went away.
    const before = await repo.show(commit, change.from ?? change.file);
    const gone = before === undefined ? 0 : dataProductCount(before);
    if (gone > 0) {
      problems.push({
        file: display(workingTreePath(repo, change.file)),
        severity: 'note',
        message: `${
          text === undefined ? 'deleted' : 'no DataProduct left in it'
        }: ${gone} data product${
          gone === 1 ? ' was' : 's were'
        } here at ${base}; their consumers lose them — deprecate (lifecycle.stage: deprecated, sunsetOn, successor) before removing`,
      });
    }
  }

  // Contracts kept in other files (`odcs: { $yaml: ./x.odcs.yaml }`).
  const otherChanged = new Set(
    changes
      .flatMap(change => [change.file, change.from])
      .filter((file): file is string => !!file && !selected.has(file)),
  );
  if (otherChanged.size > 0) {
    for (const file of await repo.listFiles('.')) {
      if (selected.has(file) || !YAML_FILE.test(file)) {
        continue;
      }
      const absolute = workingTreePath(repo, file);
      const text = readOrUndefined(absolute);
      if (text === undefined || !PLACEHOLDER.test(text)) {
        continue;
      }
      const reads = loadDocuments(file, text)
        .documents.filter(({ value }) => isDataProductEntity(value as any))
        .flatMap(({ value }) => placeholderFiles(value, absolute))
        .map(target => repoPath(repo, target));
      if (reads.some(target => target && otherChanged.has(target))) {
        select(file);
      }
    }
  }

  // Code-unit order, like git's: stable whatever the locale.
  const files = [...selected.values()].sort((a, b) => {
    if (a.display === b.display) {
      return 0;
    }
    return a.display < b.display ? -1 : 1;
  });
  return { files, problems };
}

/**
 * A DataProduct in it, or YAML errors in a file that mentions the kind: then
 * it is compared anyway, so the error is reported rather than skipped.
 */
function holdsDataProduct(text: string): boolean {
  const loaded = loadDocuments('', text);
  return (
    loaded.documents.some(({ value }) => isDataProductEntity(value as any)) ||
    (loaded.problems.some(p => p.severity === 'error') &&
      /\bDataProduct\b/.test(text))
  );
}

function dataProductCount(text: string): number {
  return loadDocuments('', text).documents.filter(({ value }) =>
    isDataProductEntity(value as any),
  ).length;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
