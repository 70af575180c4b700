import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandInputs } from './expandInputs';

/** A folder holding empty files at these `/`-separated paths. */
function tree(files: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stockroom-inputs-'));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
  }
  return root;
}

/** What `expandInputs` found, relative to `root` and `/`-separated. */
function found(inputs: string[], root: string, cwd = root) {
  const { files, problems } = expandInputs(inputs, cwd);
  return {
    files: files.map(f =>
      path.relative(root, f.absolute).split(path.sep).join('/'),
    ),
    problems: problems.map(p => `${p.severity}: ${p.message}`),
  };
}

describe('expandInputs', () => {
  it.each([
    ['**/*.yaml', 'a/b/c.yaml', true],
    ['**/*.yaml', 'c.yaml', true],
    ['**/*.yaml', 'c.yml', false],
    ['teams/*/catalog-info.yaml', 'teams/a/catalog-info.yaml', true],
    ['teams/*/catalog-info.yaml', 'teams/a/b/catalog-info.yaml', false],
    ['teams/**/catalog-info.yaml', 'teams/a/b/catalog-info.yaml', true],
    ['*.{yaml,yml}', 'x.yml', true],
    ['*.{yaml,yml}', 'x.json', false],
    ['dp-v?.yaml', 'dp-v2.yaml', true],
    ['dp-v[12].yaml', 'dp-v3.yaml', false],
    ['a.b(c).yaml', 'a.b(c).yaml', true],
  ])('%s matches %s: %s', (pattern, file, expected) => {
    const root = tree([file]);
    expect(found([pattern], root).files).toEqual(expected ? [file] : []);
  });

  it('reads a glob from its fixed prefix, relative or absolute', () => {
    const root = tree(['examples/a.yaml', 'examples/x/b.yaml', 'other/c.yaml']);
    expect(
      found(['../examples/**/*.yaml'], root, path.join(root, 'other')),
    ).toEqual({
      files: ['examples/a.yaml', 'examples/x/b.yaml'],
      problems: [],
    });
    expect(found([`${root}/examples/*.yaml`], root, os.tmpdir()).files).toEqual(
      ['examples/a.yaml'],
    );
  });

  it('walks a directory for *.yaml and *.yml in name order, skipping dependencies, build output and hidden folders', () => {
    const root = tree([
      'b.yaml',
      'a/z.YML',
      'a.yaml',
      'notes.txt',
      'node_modules/x/n.yaml',
      'dist/d.yaml',
      'pkg/dist-types/t.yaml',
      '.git/g.yaml',
    ]);
    expect(found(['.'], root).files).toEqual(['a/z.YML', 'a.yaml', 'b.yaml']);
    expect(found(['**/*.yaml'], root).files).toEqual(['a.yaml', 'b.yaml']);
  });

  it('takes a named file as given, once, and says what matched nothing', () => {
    const root = tree(['notes.txt', 'empty/.keep']);
    expect(
      found(
        ['notes.txt', 'notes.txt', 'missing.yaml', 'empty', 'none/*.yaml'],
        root,
      ),
    ).toEqual({
      files: ['notes.txt'],
      problems: [
        'error: cannot read: no such file or directory',
        'note: no *.yaml or *.yml files in this directory',
        'note: no files match this pattern',
      ],
    });
  });

  it('reads a name with parentheses as a path, so a mistyped one is an error', () => {
    const root = tree([]);
    expect(found(['report(1).yaml'], root)).toEqual({
      files: [],
      problems: ['error: cannot read: no such file or directory'],
    });
  });
});
