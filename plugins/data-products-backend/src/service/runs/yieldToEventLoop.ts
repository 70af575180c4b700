/**
 * Lets every callback already waiting (requests, timers, I/O) run before
 * going on. Awaiting a resolved promise is not enough: its continuation is
 * a microtask, run before anything else gets a turn. SQLite's driver
 * answers synchronously, so a loop of queries would otherwise never let go.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}
