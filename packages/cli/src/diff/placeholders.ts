import { resolvePlaceholders } from '../documents/resolvePlaceholders';

/**
 * The local files an entity's `$yaml`/`$json`/`$text` placeholders name
 * (absolute paths), found by the lint's own resolver — so "which files does
 * this entity read" can never disagree with how they are resolved.
 */
export function placeholderFiles(
  entity: Record<string, unknown>,
  file: string,
): string[] {
  const requested: string[] = [];
  resolvePlaceholders(
    entity,
    file,
    p => p,
    absolute => {
      requested.push(absolute);
      throw notFound();
    },
  );
  return [...new Set(requested)];
}

/** An error `describeFsError` words as "no such file or directory". */
export function notFound(): Error {
  return Object.assign(new Error('no such file or directory'), {
    code: 'ENOENT',
  });
}
