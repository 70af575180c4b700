import type { InputProblem } from '../documents/types';

/** `file:line:col: error: message`, the shape editors and terminals link. */
export function formatInputProblem(problem: InputProblem): string {
  const at =
    problem.line !== undefined
      ? `:${problem.line}${problem.col !== undefined ? `:${problem.col}` : ''}`
      : '';
  return `${problem.file}${at}: ${problem.severity}: ${problem.message}\n`;
}
