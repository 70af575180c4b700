import { ConfigReader } from '@backstage/config';
import { readPermissionGroups } from './permissionGroups';

function read(permissions: unknown) {
  return readPermissionGroups(
    new ConfigReader(
      permissions === undefined ? {} : { stockroom: { permissions } },
    ),
  );
}

describe('readPermissionGroups', () => {
  it('grants nobody when nothing is configured', () => {
    expect(read(undefined)).toEqual({ runReporters: [], taskTriggerers: [] });
    expect(read({})).toEqual({ runReporters: [], taskTriggerers: [] });
  });

  it('reads both lists, lower-cased as ownership claims are', () => {
    expect(
      read({
        runReporters: ['group:default/data-platform', 'group:etl/Loaders'],
        taskTriggerers: ['GROUP:default/operators'],
      }),
    ).toEqual({
      runReporters: ['group:default/data-platform', 'group:etl/loaders'],
      taskTriggerers: ['group:default/operators'],
    });
  });

  it.each([
    ['data-platform', 0],
    ['user:default/ada', 0],
    ['group:data-platform', 0],
    ['group:default/data platform', 0],
  ])('refuses %p, naming the key, the entry and the form', ref => {
    expect(() => read({ runReporters: [ref], taskTriggerers: [] })).toThrow(
      `Invalid app-config: stockroom.permissions.runReporters[0] is "${ref}"; name a group by its full entity ref, e.g. group:default/data-platform (users are allowed through their groups)`,
    );
  });

  it('points at the entry at fault in a longer list', () => {
    expect(() =>
      read({ taskTriggerers: ['group:default/ops', 'ops'] }),
    ).toThrow(
      /^Invalid app-config: stockroom\.permissions\.taskTriggerers\[1\] is "ops"/,
    );
  });

  it('refuses a single string where a list is expected, naming the key', () => {
    expect(() => read({ runReporters: 'group:default/data-platform' })).toThrow(
      /stockroom\.permissions\.runReporters/,
    );
  });
});
