import type { ValidationProblem } from '@stockroom/plugin-data-products-common';

/**
 * Rejection of a DataProduct. The catalog shows `message` on the entity's
 * processing errors, so it lists every problem with its path and fix rather
 * than only the first.
 */
export class InvalidDataProductError extends Error {
  readonly problems: ValidationProblem[];

  constructor(entityRef: string, problems: ValidationProblem[]) {
    super(
      `${entityRef} is not a valid DataProduct (${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }):\n${problems
        .map(p => `- ${p.path}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}`)
        .join('\n')}`,
    );
    this.name = 'InvalidDataProductError';
    this.problems = problems;
  }
}
