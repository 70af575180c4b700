/**
 * One thing wrong with a DataProduct, phrased for the owner who has to fix it.
 *
 * @public
 */
export interface ValidationProblem {
  /** Dotted path to the field, e.g. `spec.contract.schema[2].name`; `''` for the entity itself. */
  path: string;
  /** What is wrong, naming the field, e.g. `spec.owner is missing`. */
  message: string;
  /** What to write instead, with an example. */
  hint: string;
}

/**
 * One problem on one line, `path: message (hint)`, for error messages that
 * list every problem (catalog processing errors, CLI output).
 *
 * @public
 */
export function formatValidationProblem(problem: ValidationProblem): string {
  return `${problem.path || '(entity)'}: ${problem.message} (${problem.hint})`;
}
