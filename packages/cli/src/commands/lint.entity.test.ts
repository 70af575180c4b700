import {
  INVALID_ENTITY_CASES,
  VALID_ENTITY_CASES,
} from '../__testUtils__/entityCases';
import { runCli, tempDir } from '../__testUtils__/runCli';

/*
 * `stockroom lint` runs the checks the catalog applies to every entity
 * (name, namespace, labels, annotations, tags, root fields) and reports each
 * problem as rule `entity`, quoting the catalog. Before, all of these passed
 * lint and the catalog rejected them.
 */

const NOW = ['--now', '2026-11-25'];

const invalid = (name: string) =>
  INVALID_ENTITY_CASES.find(c => c.name === name)!;

async function lint(yaml: string) {
  const cwd = tempDir({ 'catalog-info.yaml': yaml });
  const run = await runCli(
    ['lint', 'catalog-info.yaml', '--format', 'json', ...NOW],
    { cwd },
  );
  return { ...run, result: JSON.parse(run.stdout).results[0] };
}

describe('stockroom lint: the catalog’s entity checks', () => {
  it.each(INVALID_ENTITY_CASES.map(c => [c.name, c] as const))(
    'reports %s as rule entity and exits 1',
    async (_, { yaml, findings }) => {
      const { code, result } = await lint(yaml);
      expect(code).toBe(1);
      expect(
        result.findings
          .filter((f: any) => f.ruleId === 'entity')
          .map(({ ruleId, severity, path, message }: any) => ({
            ruleId,
            severity,
            path,
            message,
          })),
      ).toEqual(
        findings.map(f => ({ ruleId: 'entity', severity: 'error', ...f })),
      );
      // The catalog rejects it before the kind is evaluated: no state.
      expect(result.state).toBeNull();
    },
  );

  it.each(VALID_ENTITY_CASES.map(c => [c.name, c] as const))(
    'accepts %s (exit 0, no entity finding)',
    async (_, { yaml }) => {
      const { code, result } = await lint(yaml);
      expect(result.findings).toEqual([]);
      expect(result.state).toBe('active');
      expect(code).toBe(0);
    },
  );

  it('says how to fix a name, and what an invalid rename does', async () => {
    const { result } = await lint(invalid('a name with a space').yaml);
    const [finding] = result.findings;
    expect(finding.hint).toContain('1-63 characters');
    expect(finding.hint).toContain('[a-zA-Z0-9]');
    expect(finding.hint).toContain('renamed');
    expect(finding.hint).toContain('deletes');
  });

  it.each([
    ['a namespace with capitals and _', 'lower-case'],
    ['a label key with a space', 'A label key'],
    ['a 64-character label value', 'A label value'],
    ['a label value that is a number', 'A label value'],
    ['an upper-case tag', 'lower-case'],
    ['an annotation key whose prefix is not a DNS name', 'An annotation key'],
    [
      'an unknown root field (spek: for spec:)',
      '`apiVersion`, `kind`, `metadata` and `spec`',
    ],
  ])('gives a fix for %s', async (name, words) => {
    const { result } = await lint(invalid(name).yaml);
    const [finding] = result.findings.filter((f: any) => f.ruleId === 'entity');
    expect(finding.hint).toContain(words);
  });

  it('places the finding on the line of the field (github format)', async () => {
    const cwd = tempDir({
      'catalog-info.yaml': invalid('an upper-case tag').yaml,
    });
    const { stdout } = await runCli(
      ['lint', 'catalog-info.yaml', '--format', 'github', ...NOW],
      { cwd },
    );
    // line 7: `  tags: [orders, Sales]`, written after the description (line 6);
    // a flow sequence item: column 18 is the S of `Sales`
    expect(stdout).toContain(
      '::error file=catalog-info.yaml,line=7,col=18,title=stockroom entity::"tags.1" is not valid;',
    );
  });
});
