import type { Entity } from '@backstage/catalog-model';
import { entitySource, renewCommand } from './entitySource';

function withAnnotations(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'weekly-signups-view', annotations },
  };
}

describe('entitySource', () => {
  it('prefers the file the entity came from over the registered origin', () => {
    const source = entitySource(
      withAnnotations({
        'backstage.io/managed-by-location': 'file:/srv/acme/views/a.yaml',
        'backstage.io/managed-by-origin-location': 'file:/srv/acme/all.yaml',
      }),
    );
    expect(source.filePath).toBe('/srv/acme/views/a.yaml');
    expect(renewCommand(source)).toBe(
      'yarn stockroom renew /srv/acme/views/a.yaml',
    );
  });

  it('falls back to the origin location', () => {
    const source = entitySource(
      withAnnotations({
        'backstage.io/managed-by-origin-location': 'file:/srv/acme/a.yaml',
      }),
    );
    expect(source.location).toBe('file:/srv/acme/a.yaml');
    expect(source.filePath).toBe('/srv/acme/a.yaml');
  });

  it.each([
    ['url:https://github.com/acme/data/blob/main/views/a.yaml', 'views/a.yaml'],
    [
      'url:https://gitlab.com/acme/data/-/blob/main/views/catalog-info.yaml',
      'views/catalog-info.yaml',
    ],
    [
      'url:https://bitbucket.org/acme/data/src/main/catalog-info.yaml',
      'catalog-info.yaml',
    ],
    ['url:https://example.com/some/file.yaml', undefined],
  ])('finds the repository path of %s', (location, path) => {
    expect(
      entitySource(
        withAnnotations({ 'backstage.io/managed-by-location': location }),
      ).filePath,
    ).toBe(path);
  });

  it('quotes a path the shell would split', () => {
    expect(renewCommand({ filePath: "/srv/my views/bob's.yaml" })).toBe(
      `yarn stockroom renew '/srv/my views/bob'\\''s.yaml'`,
    );
  });

  it('uses a placeholder when the file is unknown', () => {
    expect(renewCommand(entitySource(withAnnotations({})))).toBe(
      'yarn stockroom renew <path-to-catalog-info.yaml>',
    );
  });

  it('only keeps web links for edit and view urls', () => {
    const source = entitySource(
      withAnnotations({
        // eslint-disable-next-line no-script-url -- a hostile link is the point
        'backstage.io/edit-url': 'javascript:alert(1)',
        'backstage.io/view-url':
          'https://github.com/acme/data/blob/main/a.yaml',
      }),
    );
    expect(source.editUrl).toBeUndefined();
    expect(source.viewUrl).toBe(
      'https://github.com/acme/data/blob/main/a.yaml',
    );
  });
});
