/**
 * Polls `probe` every 250 ms until it returns a value other than
 * `undefined`, and returns it; throws naming `what` after `timeoutMs`
 * (a function when the message should tell what was last seen).
 * The catalog processes on its own schedule, so a test waits for what it
 * expects instead of sleeping.
 */
export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string | (() => string),
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const subject = typeof what === 'function' ? what() : what;
      throw new Error(`timed out waiting for ${subject}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
