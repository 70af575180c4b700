import path from 'node:path';

/** One entry of `catalog.locations` (`type`, `target`, maybe `rules`). */
export type CatalogLocation = { [key: string]: unknown };

/**
 * `catalog.locations` with every `file` location that reads from the example
 * folder reading from its rendered copy instead (same relative path); other
 * locations, and every other property of a location (its `rules`), are kept.
 * Undefined when no location reads from the example folder.
 *
 * @param locations - the effective `catalog.locations` of the portal's config
 * @param paths.backendDir - where the backend runs: relative targets resolve from it
 */
export function examplesLocations(
  locations: CatalogLocation[],
  paths: { backendDir: string; examplesDir: string; renderedDir: string },
): CatalogLocation[] | undefined {
  let redirected = false;
  const result = locations.map(location => {
    if (location.type !== 'file' || typeof location.target !== 'string') {
      return location;
    }
    const relative = path.relative(
      paths.examplesDir,
      path.resolve(paths.backendDir, location.target),
    );
    const outside =
      relative === '..' ||
      relative.startsWith(`..${path.sep}`) ||
      path.isAbsolute(relative);
    if (outside) {
      return location;
    }
    redirected = true;
    return { ...location, target: path.join(paths.renderedDir, relative) };
  });
  return redirected ? result : undefined;
}
