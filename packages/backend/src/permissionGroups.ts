import { Config } from '@backstage/config';

/**
 * Groups whose members the demo policy lets do what is otherwise reserved
 * for service principals (pipelines, automation). Refs are lower-cased, as
 * Backstage's ownership claims are.
 */
export interface PermissionGroups {
  /** `stockroom.permissions.runReporters`: may report runs (`stockroom.run.report`). */
  runReporters: string[];
  /** `stockroom.permissions.taskTriggerers`: may run tasks now (`stockroom.task.trigger`). */
  taskTriggerers: string[];
}

/** `group:<namespace>/<name>`, the form ownership claims take. */
const GROUP_REF = /^group:[^\s:/]+\/[^\s:/]+$/i;

/**
 * Reads `stockroom.permissions` from app-config; both lists default to
 * empty (no user may). Throws naming the key, the entry and the expected
 * form, so a typo stops start-up instead of silently granting nothing.
 */
export function readPermissionGroups(config: Config): PermissionGroups {
  return {
    runReporters: readGroups(config, 'runReporters'),
    taskTriggerers: readGroups(config, 'taskTriggerers'),
  };
}

function readGroups(config: Config, name: keyof PermissionGroups): string[] {
  const key = `stockroom.permissions.${name}`;
  // Backstage's own error names the key when it is not a list of strings.
  const refs = config.getOptionalStringArray(key) ?? [];
  return refs.map((ref, index) => {
    if (!GROUP_REF.test(ref)) {
      throw new Error(
        `Invalid app-config: ${key}[${index}] is "${ref}"; name a group by its full entity ref, e.g. group:default/data-platform (users are allowed through their groups)`,
      );
    }
    return ref.toLocaleLowerCase('en-US');
  });
}
