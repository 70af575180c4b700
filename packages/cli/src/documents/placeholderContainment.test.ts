import fs from 'node:fs';
import path from 'node:path';
import { coreEntityWith } from '../__testUtils__/fixtures';
import { runCli, tempDir } from '../__testUtils__/runCli';

/*
 * Issue #11 item 1: the CLI applies the catalog's placeholder rule (-common's
 * placeholders.ts): only files in the entity file's folder or below it, no
 * symlink out of it, nothing over 1 MiB. A refused placeholder is an error
 * finding (the catalog rejects the entity), and the file is never read.
 */
const NOW = ['--now', '2026-11-25'];

function describedBy(value: string): string {
  return coreEntityWith(
    'description: One row per order.',
    `description: { $text: ${JSON.stringify(value)} }`,
  );
}

async function lintFindings(cwd: string) {
  const { code, stdout } = await runCli(
    ['lint', 'team', '--format', 'json', ...NOW],
    { cwd },
  );
  return { code, findings: JSON.parse(stdout).results[0].findings };
}

describe('stockroom lint: what a placeholder may read', () => {
  it('refuses a path that climbs out of the entity folder, without reading it', async () => {
    const cwd = tempDir({
      'team/catalog-info.yaml': describedBy('../../../../../../etc/passwd'),
    });
    const { code, findings } = await lintFindings(cwd);
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'placeholder',
        severity: 'error',
        path: 'metadata.description.$text',
        message:
          "metadata.description.$text: $text may not read ../../../../../../etc/passwd points to a file outside the entity file's folder: placeholders may only read files in that folder or below it; move the file next to the entity (or into a subfolder) and reference it as ./passwd",
      }),
    ]);
  });

  it('refuses an absolute path', async () => {
    const cwd = tempDir({
      'team/catalog-info.yaml': describedBy('/etc/passwd'),
    });
    const { code, findings } = await lintFindings(cwd);
    expect(code).toBe(1);
    expect(findings[0].message).toBe(
      "metadata.description.$text: $text may not read the path given: it is an absolute path (/etc/passwd): placeholders may only read files in the entity file's folder or below it, so give a path relative to the entity file, e.g. ./passwd",
    );
  });

  it('refuses a file: URL like the absolute path it is, as the catalog does', async () => {
    const cwd = tempDir({
      'team/catalog-info.yaml': describedBy('file:///etc/hostname'),
    });
    const { code, findings } = await lintFindings(cwd);
    expect(code).toBe(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'placeholder',
      severity: 'error',
      path: 'metadata.description.$text',
      message: expect.stringContaining(
        'may not read the path given: it is an absolute path (file:///etc/hostname)',
      ),
    });
  });

  it('refuses a symlink that leads out, and follows one that stays in', async () => {
    const cwd = tempDir({
      'secret.txt': 'host secret',
      'team/catalog-info.yaml': describedBy('./link-out.txt'),
      'team/inside.txt': 'One row per order.',
    });
    fs.symlinkSync(
      path.join(cwd, 'secret.txt'),
      path.join(cwd, 'team/link-out.txt'),
    );
    const refused = await lintFindings(cwd);
    expect(refused.code).toBe(1);
    expect(refused.findings[0].message).toContain(
      "$text may not read ./link-out.txt is a symlink to a file outside the entity file's folder",
    );

    fs.symlinkSync(
      path.join(cwd, 'team/inside.txt'),
      path.join(cwd, 'team/link-in.txt'),
    );
    fs.writeFileSync(
      path.join(cwd, 'team/catalog-info.yaml'),
      describedBy('./link-in.txt'),
    );
    const followed = await lintFindings(cwd);
    expect(followed.findings).toEqual([]);
    expect(followed.code).toBe(0);
  });

  it('refuses a file over 1 MiB', async () => {
    const cwd = tempDir({
      'team/catalog-info.yaml': describedBy('./huge.txt'),
      'team/huge.txt': 'x'.repeat(2 * 1024 * 1024),
    });
    const { code, findings } = await lintFindings(cwd);
    expect(code).toBe(1);
    expect(findings[0].message).toBe(
      'metadata.description.$text: $text may not read ./huge.txt is 2 MiB, over the 1 MiB a placeholder may read: split the document, or keep large data out of the catalog',
    );
  });
});
