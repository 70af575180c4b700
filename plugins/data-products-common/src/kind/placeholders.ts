/**
 * What a `$yaml` / `$json` / `$text` placeholder in a file location may read.
 *
 * Placeholders are resolved on the catalog's host. Left alone, a relative
 * path like `../../../../etc/passwd` (or an absolute one, or a symlink out of
 * the repository) publishes any file the backend can read to every catalog
 * reader. So a placeholder in an entity read from a file may only name a file
 * in the entity file's own folder or below it — after symlinks are resolved —
 * and no larger than {@link PLACEHOLDER_MAX_BYTES}. The catalog module and the
 * CLI both apply these functions, so they refuse the same references with the
 * same words. URLs (https://…) are read by the catalog's URL readers, which
 * have their own same-repository guard.
 */

/**
 * The largest file a placeholder may read: a generous ODCS contract of a
 * hundred tables is a few hundred kilobytes; anything near this is a mistake
 * or an attack, and the catalog stores the result in every entity.
 *
 * @public
 */
export const PLACEHOLDER_MAX_BYTES = 1024 * 1024;

/**
 * Why a placeholder's path may not be read at all, before touching the disk:
 * it is empty, holds a NUL byte, or is absolute. Undefined when it is a
 * relative path (containment is checked on the resolved path, see
 * {@link isInsideFolder}).
 *
 * @public
 */
export function placeholderPathProblem(value: string): string | undefined {
  if (value.trim() === '') {
    return 'is empty: give a path relative to the entity file, e.g. ./contract.odcs.yaml';
  }
  if (value.includes('\u0000')) {
    return 'contains a NUL byte';
  }
  if (/^([/\\]|[a-zA-Z]:[/\\]|file:)/.test(value)) {
    return `is an absolute path (${value}): placeholders may only read files in the entity file's folder or below it, so give a path relative to the entity file, e.g. ./${lastSegment(
      value,
    )}`;
  }
  return undefined;
}

/**
 * Whether `target` is `folder` itself or below it. Both must be absolute,
 * normalised POSIX paths (as `path.resolve` and `fs.realpath` return them).
 *
 * @public
 */
export function isInsideFolder(folder: string, target: string): boolean {
  const root = folder.endsWith('/') ? folder : `${folder}/`;
  return target === folder || target.startsWith(root);
}

/**
 * The message for a path that leads out of the entity file's folder,
 * lexically (`../`) or through a symlink.
 *
 * @public
 */
export function placeholderOutsideFolderMessage(
  value: string,
  viaSymlink: boolean,
): string {
  return `${value} ${
    viaSymlink ? 'is a symlink to a file' : 'points to a file'
  } outside the entity file's folder: placeholders may only read files in that folder or below it; move the file next to the entity (or into a subfolder) and reference it as ./${lastSegment(
    value,
  )}`;
}

/**
 * The message for a file over {@link PLACEHOLDER_MAX_BYTES}.
 *
 * @public
 */
export function placeholderTooLargeMessage(value: string, bytes: number) {
  return `${value} is ${formatBytes(bytes)}, over the ${formatBytes(
    PLACEHOLDER_MAX_BYTES,
  )} a placeholder may read: split the document, or keep large data out of the catalog`;
}

function lastSegment(value: string): string {
  const parts = value.split(/[/\\]/).filter(Boolean);
  return parts[parts.length - 1] ?? 'file.yaml';
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
