/** True for a string with something in it: YAML `description: ""` promises nothing. */
export function isFilled(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  // Nearly every text starts with printable ASCII other than a space, which
  // trim keeps: settled without copying the text. The rules ask this of
  // every field of every entity.
  const first = value.charCodeAt(0);
  return (first > 0x20 && first < 0x7f) || value.trim() !== '';
}
