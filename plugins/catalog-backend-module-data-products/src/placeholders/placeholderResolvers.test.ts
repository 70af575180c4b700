import { createMockDirectory } from '@backstage/backend-test-utils';
import { PlaceholderResolverParams } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import { placeholderResolvers } from './placeholderResolvers';

function params(
  overrides: Partial<PlaceholderResolverParams>,
): PlaceholderResolverParams & { emitted: unknown[] } {
  const emitted: unknown[] = [];
  return {
    key: 'yaml',
    value: './contract.odcs.yaml',
    baseUrl: '/nowhere/catalog-info.yaml',
    read: async () => {
      throw new Error('no remote reads in this test');
    },
    resolveUrl: (url: string, base: string) => new URL(url, base).toString(),
    emit: (r: unknown) => emitted.push(r),
    emitted,
    ...overrides,
  } as any;
}

describe('placeholderResolvers', () => {
  const dir = createMockDirectory();
  beforeEach(() =>
    dir.setContent({
      'products/identity.yaml': 'kind: DataProduct',
      'products/contract.odcs.yaml':
        'apiVersion: v3.1.0\nkind: DataContract\nid: identity\n',
      'products/two-docs.yaml': 'a: 1\n---\nb: 2\n',
      'products/notes.txt': 'plain text',
      'products/bad.json': '{ nope',
    }),
  );

  it('reads a relative $yaml next to an entity from a file location', async () => {
    const p = params({ baseUrl: dir.resolve('products/identity.yaml') });
    await expect(placeholderResolvers.yaml(p)).resolves.toEqual({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'identity',
    });
    expect(p.emitted).toEqual([
      {
        type: 'refresh',
        key: `file:${dir.resolve('products/contract.odcs.yaml')}`,
      },
    ]);
  });

  it('reads $text and rejects malformed $json with the file named', async () => {
    const base = dir.resolve('products/identity.yaml');
    await expect(
      placeholderResolvers.text(
        params({ key: 'text', value: './notes.txt', baseUrl: base }),
      ),
    ).resolves.toBe('plain text');
    await expect(
      placeholderResolvers.json(
        params({ key: 'json', value: './bad.json', baseUrl: base }),
      ),
    ).rejects.toThrow(
      'Placeholder $json failed to parse JSON data at ./bad.json',
    );
  });

  it('names the missing file and where it looked', async () => {
    const base = dir.resolve('products/identity.yaml');
    await expect(
      placeholderResolvers.yaml(
        params({ value: './missing.odcs.yaml', baseUrl: base }),
      ),
    ).rejects.toThrow(
      `Placeholder $yaml could not read ./missing.odcs.yaml (resolved to ${dir.resolve(
        'products/missing.odcs.yaml',
      )}`,
    );
  });

  it('rejects a YAML file holding more than one document', async () => {
    const base = dir.resolve('products/identity.yaml');
    await expect(
      placeholderResolvers.yaml(
        params({ value: './two-docs.yaml', baseUrl: base }),
      ),
    ).rejects.toThrow(
      'expected to find exactly one document of data at ./two-docs.yaml, found 2',
    );
  });

  it('resolves URL bases like Backstage does, through the URL reader', async () => {
    const read = jest.fn(async () => Buffer.from('id: remote'));
    const p = params({
      baseUrl:
        'https://github.com/acme/data/blob/main/identity/catalog-info.yaml',
      read,
    });
    await expect(placeholderResolvers.yaml(p)).resolves.toEqual({
      id: 'remote',
    });
    expect(read).toHaveBeenCalledWith(
      'https://github.com/acme/data/blob/main/identity/contract.odcs.yaml',
    );
  });

  it('keeps the same-repository guard for URL bases', async () => {
    const p = params({
      value: 'https://github.com/evil/other/blob/main/secrets.yaml',
      baseUrl:
        'https://github.com/acme/data/blob/main/identity/catalog-info.yaml',
    });
    await expect(placeholderResolvers.yaml(p)).rejects.toThrow(
      'Placeholder may only reference files from the same repository as the entity',
    );
  });

  it('rejects a non-string value', async () => {
    await expect(
      placeholderResolvers.yaml(
        params({
          value: { nested: true } as any,
          baseUrl: dir.resolve('products/identity.yaml'),
        }),
      ),
    ).rejects.toThrow('expected a string value parameter');
  });

  describe('containment of local reads (issue #11 item 1)', () => {
    const base = () => dir.resolve('products/identity.yaml');
    const text = (value: string) =>
      params({ key: 'text', value, baseUrl: base() });

    beforeEach(() => {
      dir.addContent({
        'secret.txt': 'host secret',
        'products/contracts/deep.txt': 'deep inside',
        'products/big.txt': 'x'.repeat(1024 * 1024 + 1),
        'products/just-fits.txt': 'y'.repeat(1024 * 1024),
      });
      fs.symlinkSync(
        dir.resolve('secret.txt'),
        dir.resolve('products/link-out.txt'),
      );
      fs.symlinkSync(
        dir.resolve('products/notes.txt'),
        dir.resolve('products/link-in.txt'),
      );
    });

    it('refuses a relative path that climbs out of the entity folder', async () => {
      const p = text('../../../../../../../../etc/passwd');
      await expect(placeholderResolvers.text(p)).rejects.toThrow(
        "Placeholder $text may not read ../../../../../../../../etc/passwd points to a file outside the entity file's folder",
      );
      await expect(placeholderResolvers.text(text('../secret.txt'))).rejects.toThrow(
        "../secret.txt points to a file outside the entity file's folder",
      );
      expect(p.emitted).toEqual([]);
    });

    it('refuses absolute paths, even to a file inside the folder', async () => {
      for (const value of ['/etc/passwd', dir.resolve('products/notes.txt')]) {
        await expect(placeholderResolvers.text(text(value))).rejects.toThrow(
          `Placeholder $text may not read the path given: it is an absolute path (${value})`,
        );
      }
    });

    it('refuses a symlink inside the folder that points out of it', async () => {
      await expect(
        placeholderResolvers.text(text('./link-out.txt')),
      ).rejects.toThrow(
        "./link-out.txt is a symlink to a file outside the entity file's folder",
      );
    });

    it('follows a symlink that stays inside, and reads subfolders', async () => {
      await expect(
        placeholderResolvers.text(text('./link-in.txt')),
      ).resolves.toBe('plain text');
      await expect(
        placeholderResolvers.text(text('contracts/deep.txt')),
      ).resolves.toBe('deep inside');
      // climbing out and back in stays inside
      await expect(
        placeholderResolvers.text(text('../products/notes.txt')),
      ).resolves.toBe('plain text');
    });

    it('refuses a file over 1 MiB and reads one of exactly 1 MiB', async () => {
      await expect(
        placeholderResolvers.text(text('./big.txt')),
      ).rejects.toThrow(
        'Placeholder $text may not read ./big.txt is 1 MiB, over the 1 MiB a placeholder may read',
      );
      await expect(
        placeholderResolvers.text(text('./just-fits.txt')),
      ).resolves.toHaveLength(1024 * 1024);
    });

    it('refuses an empty path and a NUL byte', async () => {
      await expect(placeholderResolvers.yaml(params({ value: '', baseUrl: base() }))).rejects.toThrow(
        'Placeholder $yaml may not read the path given: it is empty',
      );
      await expect(
        placeholderResolvers.yaml(params({ value: './a\u0000b', baseUrl: base() })),
      ).rejects.toThrow('contains a NUL byte');
    });

    it('refuses a remote file over 1 MiB', async () => {
      const read = jest.fn(async () => Buffer.alloc(1024 * 1024 + 10, 'a'));
      await expect(
        placeholderResolvers.text(
          params({
            key: 'text',
            value: './big.txt',
            baseUrl:
              'https://github.com/acme/data/blob/main/identity/catalog-info.yaml',
            read,
          }),
        ),
      ).rejects.toThrow('over the 1 MiB a placeholder may read');
    });
  });
});
