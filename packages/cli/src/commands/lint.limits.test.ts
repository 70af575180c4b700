import { CORE_ENTITY } from '../__testUtils__/fixtures';
import { runCli, tempDir } from '../__testUtils__/runCli';

const NOW = ['--now', '2026-11-25'];

async function lintJson(files: Record<string, string>) {
  const cwd = tempDir(files);
  const run = await runCli(
    ['lint', 'catalog-info.yaml', '--format', 'json', ...NOW],
    { cwd },
  );
  return { ...run, results: JSON.parse(run.stdout).results };
}

/**
 * ODCS properties nested `levels` deep, as JSON text: JSON.stringify
 * itself overflows on such depth, so it is written by hand.
 */
function deepOdcsJson(levels: number): string {
  const properties = `${'[{"name":"f","logicalType":"object","properties":'.repeat(
    levels,
  )}[]${'}]'.repeat(levels)}`;
  return `{"apiVersion":"v3.0.0","kind":"DataContract","id":"deep","version":"1.0.0","status":"active","schema":[{"name":"deep","properties":${properties}}]}`;
}

describe('stockroom lint: size and nesting limits', () => {
  it('refuses a 10 MB description with the field, its length and the limit', async () => {
    const text = CORE_ENTITY.replace(
      'description: One row per order.',
      `description: ${'x'.repeat(10 * 1024 * 1024)}`,
    );
    const { code, results } = await lintJson({ 'catalog-info.yaml': text });
    expect(code).toBe(1);
    expect(results[0].state).toBeNull();
    expect(results[0].findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'schema',
          severity: 'error',
          path: 'metadata.description',
          message:
            'metadata.description is 10,485,760 characters long, over the limit of 10,000',
        }),
        expect.objectContaining({
          ruleId: 'schema',
          path: '',
          message: expect.stringContaining('larger than the limit of 256 KiB'),
        }),
      ]),
    );
  });

  it('refuses an ODCS file nested 20,000 levels deep, naming the file and where, without crashing', async () => {
    const text = CORE_ENTITY.replace(
      '    escalation:',
      '    odcs: { $json: ./deep.odcs.json }\n    escalation:',
    );
    const { code, results, stderr } = await lintJson({
      'catalog-info.yaml': text,
      'deep.odcs.json': deepOdcsJson(20_000),
    });
    expect(stderr).not.toContain('Maximum call stack');
    expect(code).toBe(1);
    expect(results[0].findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'spec.contract.odcs.$json',
        message: expect.stringContaining(
          '$json may not read ./deep.odcs.json: it nests objects and lists more than 100 levels deep (at schema[0].properties[0].properties[0]',
        ),
      }),
    ]);
  });

  // issue #11: the YAML parser recurses per level and overflowed
  it('refuses a schema field nested 20,000 levels deep inline, naming the field and the limit', async () => {
    const open = '{"name":"level","type":"struct","description":"x","fields":[';
    const deep = `${open.repeat(
      19_999,
    )}{"name":"leaf","type":"string","description":"x"}${']}'.repeat(19_999)}`;
    const text = CORE_ENTITY.replace(
      /^ {4}schema:\n/m,
      `    schema:\n      - ${deep}\n`,
    );
    expect(text).toContain(open);
    const { code, results, stderr } = await lintJson({
      'catalog-info.yaml': text,
    });
    expect(stderr).not.toContain('Maximum call stack');
    expect(code).toBe(1);
    expect(results[0].state).toBeNull();
    expect(results[0].findings).toEqual([
      expect.objectContaining({
        ruleId: 'schema',
        severity: 'error',
        path: 'spec.contract.schema[0]',
        message:
          'spec.contract.schema[0] is nested more than 100 levels deep (objects and lists inside one another)',
      }),
    ]);
  });

  it('reads brackets in quotes, comments and plain text as text, not as nesting', async () => {
    const brackets = '['.repeat(150);
    const text = CORE_ENTITY.replace(
      'description: One row per order.',
      `description: "${brackets}" # ${brackets}`,
    ).replace('name: order_id', `name: order_id${brackets}`);
    const { results, stderr } = await lintJson({ 'catalog-info.yaml': text });
    expect(stderr).toBe('');
    expect(results[0].findings).not.toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('nested') }),
    );
  });
});
