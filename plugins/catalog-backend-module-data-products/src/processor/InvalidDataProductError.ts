/** A schema problem or a blocking rule finding: both name a field and a fix. */
export interface DataProductProblem {
  path: string;
  message: string;
  hint?: string;
  ruleId?: string;
}

/**
 * Rejection of a DataProduct. The catalog shows `message` on the entity's
 * processing errors, so it lists every problem with its path and fix rather
 * than only the first.
 */
export class InvalidDataProductError extends Error {
  readonly problems: DataProductProblem[];

  constructor(entityRef: string, problems: DataProductProblem[]) {
    super(
      `${entityRef} is not a valid DataProduct (${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }):\n${problems
        .map(
          p =>
            `- ${p.ruleId ? `[${p.ruleId}] ` : ''}${p.path}: ${p.message}${
              p.hint ? ` — ${p.hint}` : ''
            }`,
        )
        .join('\n')}`,
    );
    this.name = 'InvalidDataProductError';
    this.problems = problems;
  }
}
