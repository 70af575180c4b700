/** True for a string with something in it: YAML `description: ""` promises nothing. */
export function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
