import { ContractChangeJudgement } from '@stockroom/plugin-data-products-common';

/**
 * What must happen before a judged change ships, in the words of
 * dataproduct-spec.md "Breaking contract changes". Phrased from the
 * engine's verdict; this adds no judgement of its own.
 */
export function nextSteps(
  judgement: ContractChangeJudgement,
  beforeRef: string,
  fromVersion: string | null,
): string[] {
  const steps: string[] = [];
  const breaking = judgement.changes.filter(c => c.kind === 'breaking');
  if (judgement.verdict === 'needs-major') {
    steps.push(
      `Bump spec.version to a new major version (from ${
        fromVersion ?? 'none'
      }): the change breaks consumers.`,
    );
  } else if (judgement.verdict === 'needs-new-entity') {
    steps.push(
      `Publish the change as a new entity (e.g. a -v2) whose lifecycle.supersedes names ${beforeRef}, with a migration guide and field mapping; deprecate ${beforeRef} with a sunsetOn and its successor.`,
    );
  } else if (breaking.length > 0) {
    steps.push(
      'The breaking changes come with a major version: tell the consumers before the new version ships.',
    );
  } else {
    steps.push('Nothing must happen: no change breaks consumers.');
  }
  if (judgement.blocks) {
    steps.push(
      'Rule breaking-change-needs-major blocks for this category: the catalog opens an incident and `stockroom diff` fails CI until this is done.',
    );
  }
  return steps;
}
