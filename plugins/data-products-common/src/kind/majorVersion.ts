import { SEMVER_PATTERN } from './patterns';

const SEMVER = new RegExp(SEMVER_PATTERN);

/**
 * The major version of a semantic version as the DataProduct schema accepts
 * it (`2.1.0`, `3.0.0-rc.1+build.7`), or undefined for anything else. Every
 * surface that asks "was the major bumped?" reads the major here, so none
 * accepts a version the schema refuses.
 *
 * Not the `semver` package: its `parse` also takes `v2.1.0`, `=2.1.0` and
 * padded whitespace, which the schema's pattern (semver.org's own regular
 * expression, `SEMVER_PATTERN`) refuses, so the two would disagree on what a
 * version is. The major is the first dot-separated number of a string the
 * pattern has already accepted.
 *
 * @public
 */
export function majorVersionOf(version: unknown): number | undefined {
  if (typeof version !== 'string' || !SEMVER.test(version)) {
    return undefined;
  }
  return Number(version.split('.')[0]);
}
