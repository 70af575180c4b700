import { COMPONENT, CORE_ENTITY } from '../__testUtils__/fixtures';
import { runCli, tempDir } from '../__testUtils__/runCli';

/*
 * Files and documents that are not entities, and what the catalog does with
 * them — the owner must see it before merging: an emptied catalog-info.yaml
 * makes the catalog delete what it defined; a list (or scalar) document makes
 * it fail the whole file with the puzzling "Expected object at root, got
 * object". catalogFileEdits.test.ts checks both claims against the real
 * catalog.
 */

const NOW = ['--now', '2026-11-25'];

const DELETES =
  'the catalog will read no entity from it and delete any entity this file used to define; ' +
  '`stockroom diff --base <ref>` lists the DataProducts it held';

const ONE_ENTITY_PER_DOCUMENT =
  'the catalog expects each document to be one entity (a mapping with apiVersion, kind, metadata, spec)';

const failsFile = (got: string) =>
  `It fails the whole file with "Expected object at root, got ${got}" ` +
  '(on the file’s Location entity, not on your entities): ' +
  'no change to this file reaches the catalog until this is fixed';

describe('stockroom lint: files and documents that are not entities', () => {
  it.each([
    ['empty.yaml', '', 'the file is empty'],
    ['blank.yaml', '\n  \n', 'the file is empty'],
    [
      'comments.yaml',
      '# nothing yet\n# more later\n',
      'the file holds only comments',
    ],
    [
      'documents.yaml',
      '---\n# none\n---\n',
      'the file holds only empty documents',
    ],
  ])(
    'warns that the catalog deletes what %s defined, and exits 0',
    async (file, text, reason) => {
      const cwd = tempDir({ [file]: text });
      const { code, stderr } = await runCli(['lint', file, ...NOW], { cwd });
      expect(stderr).toBe(`${file}: warning: ${reason}: ${DELETES}\n`);
      expect(code).toBe(0);
    },
  );

  it('annotates an empty file as a warning in GitHub', async () => {
    const cwd = tempDir({ 'catalog-info.yaml': '' });
    const { code, stdout } = await runCli(
      ['lint', 'catalog-info.yaml', '--format', 'github', ...NOW],
      { cwd },
    );
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      `::warning file=catalog-info.yaml,title=stockroom input::the file is empty: ${DELETES}`,
    );
  });

  it.each([
    [
      'a list',
      '- apiVersion: stockroom.io/v1alpha1\n  kind: DataProduct\n',
      'object',
    ],
    ['a string', 'hello\n', 'string'],
    ['a number', '42\n', 'number'],
    ['a boolean', 'true\n', 'boolean'],
  ])(
    'names a document that is %s, says what the catalog does, exits 2',
    async (what, text, got) => {
      const cwd = tempDir({ 'catalog-info.yaml': text });
      const { code, stderr } = await runCli(
        ['lint', 'catalog-info.yaml', ...NOW],
        { cwd },
      );
      expect(stderr).toBe(
        `catalog-info.yaml:1:1: error: document 1 (line 1) is ${what}; ${ONE_ENTITY_PER_DOCUMENT}. ${failsFile(
          got,
        )}\n`,
      );
      expect(code).toBe(2);
    },
  );

  it('names the list document of a multi-document file and lints the rest', async () => {
    // COMPONENT is lines 1-8; `---` on line 9, the list on lines 10-11,
    // `---` on line 12, then the DataProduct: three documents.
    const text = `${COMPONENT}---\n- a\n- b\n---\n${CORE_ENTITY}`;
    const cwd = tempDir({ 'catalog-info.yaml': text });
    const { code, stdout, stderr } = await runCli(
      ['lint', 'catalog-info.yaml', '--format', 'json', ...NOW],
      { cwd },
    );
    expect(stderr).toBe(
      `catalog-info.yaml:10:1: error: document 2 (line 10) is a list; ${ONE_ENTITY_PER_DOCUMENT}. ${failsFile(
        'object',
      )}\n`,
    );
    expect(
      JSON.parse(stdout).results.map((r: { entityRef: string }) => r.entityRef),
    ).toEqual(['dataproduct:default/orders-core']);
    expect(code).toBe(2);
  });

  it('counts empty documents when naming one', async () => {
    // documents: 1 empty (line 1 `---`), 2 the scalar on line 3
    const cwd = tempDir({ 'catalog-info.yaml': '---\n---\nnope\n' });
    const { stderr } = await runCli(['lint', 'catalog-info.yaml', ...NOW], {
      cwd,
    });
    expect(stderr).toMatch(
      /^catalog-info\.yaml:3:1: error: document 2 \(line 3\) is a string;/,
    );
  });
});
