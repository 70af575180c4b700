/**
 * Calls `work` on each item, at most `concurrency` at once, in order of
 * start; stops starting new ones once `signal` aborts (those already
 * started finish). `work` handles its own errors: one item's failure must
 * not stop the others.
 *
 * Scoring a product is mostly waiting on the database with some work in
 * between; a few products at once keep the process busy while each waits.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(
    Array.from(
      { length: Math.max(1, Math.min(concurrency, items.length)) },
      worker,
    ),
  );
}
