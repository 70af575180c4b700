import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  type Entity,
} from '@backstage/catalog-model';
import { isWebUrl } from './isWebUrl';

/** Where an entity's YAML lives, as far as the catalog tells. */
export interface EntitySource {
  /** `backstage.io/edit-url`, when it is a web link. */
  editUrl?: string;
  /** `backstage.io/view-url`, when it is a web link. */
  viewUrl?: string;
  /** The location the entity was read from, as text (`file:…`, `url:…`). */
  location?: string;
  /**
   * The path to hand `stockroom renew`: the file path of a `file:` location,
   * the repository path of a `url:` location on a known host, else undefined.
   */
  filePath?: string;
}

/** `type:target` of a location annotation; tolerant of anything else. */
function splitLocation(
  location: string,
): { type: string; target: string } | undefined {
  const colon = location.indexOf(':');
  if (colon <= 0) {
    return undefined;
  }
  return {
    type: location.slice(0, colon),
    target: location.slice(colon + 1),
  };
}

/**
 * The repository-relative path of a file URL on the usual git hosts
 * (GitHub `/blob/<ref>/`, GitLab `/-/blob/<ref>/`, Bitbucket `/src/<ref>/`).
 * Branch names with slashes cannot be told apart from folders, so a ref is
 * taken to be one path segment.
 */
function repositoryPath(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = /\/(?:-\/)?(?:blob|src)\/[^/]+\/(.+)$/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : undefined;
}

function webUrl(value: string | undefined): string | undefined {
  return value && isWebUrl(value) ? value : undefined;
}

/**
 * The source of an entity for "edit it here" and "run this on it" hints.
 * The precise location (`managed-by-location`, the file the entity came
 * from) is preferred over the origin (the location someone registered, which
 * may be a list of files).
 */
export function entitySource(entity: Entity): EntitySource {
  const annotations = entity.metadata.annotations ?? {};
  const location =
    annotations[ANNOTATION_LOCATION] || annotations[ANNOTATION_ORIGIN_LOCATION];
  const parsed = location ? splitLocation(location) : undefined;

  let filePath: string | undefined;
  if (parsed?.type === 'file') {
    filePath = parsed.target;
  } else if (parsed?.type === 'url') {
    filePath = repositoryPath(parsed.target);
  }

  return {
    editUrl: webUrl(annotations[ANNOTATION_EDIT_URL]),
    viewUrl: webUrl(annotations[ANNOTATION_VIEW_URL]),
    location: location || undefined,
    filePath: filePath || undefined,
  };
}

/** The placeholder shown when the catalog does not tell where the file is. */
export const CATALOG_FILE_PLACEHOLDER = '<path-to-catalog-info.yaml>';

/** The exact command that renews a convenience view. */
export function renewCommand(source: EntitySource): string {
  const path = source.filePath ?? CATALOG_FILE_PLACEHOLDER;
  // a path with spaces must survive the shell
  const arg = /^[\w@%+=:,./<>-]+$/.test(path)
    ? path
    : `'${path.replace(/'/g, `'\\''`)}'`;
  return `yarn stockroom renew ${arg}`;
}
