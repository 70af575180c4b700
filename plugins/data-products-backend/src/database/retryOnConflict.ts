/**
 * PostgreSQL aborts one of two transactions that wait on each other
 * (`40P01 deadlock detected`) or that cannot be serialised (`40001`), and
 * expects the client to retry. A pipeline must never see a 500 for a valid
 * report because another pipeline wrote at the same moment, so writes that
 * can meet others are retried a few times, with a short random pause.
 */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

export async function retryOnConflict<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const code = (error as { code?: string })?.code;
      if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      await new Promise(resolve =>
        setTimeout(resolve, 5 * attempt + Math.random() * 20),
      );
    }
  }
}
