import { createMockDirectory } from '@backstage/backend-test-utils';
import { PlaceholderResolverParams } from '@backstage/plugin-catalog-node';
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
});
