/** Only plain web links become anchors; anything else is shown as text. */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}
