import readline from 'node:readline';

/**
 * Asks questions one line at a time on a text stream: a terminal, or any
 * piped input (tests feed one). Lines are read through an async iterator,
 * which buffers them, so answers typed or piped ahead are not lost.
 */
export interface Prompter {
  /** The trimmed answer, or undefined when the input has ended. */
  ask(question: string): Promise<string | undefined>;
  close(): void;
}

export function createPrompter(
  input: NodeJS.ReadableStream,
  write: (text: string) => void,
): Prompter {
  const rl = readline.createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question) {
      write(question);
      const next = await lines.next();
      if (next.done) {
        write('\n');
        return undefined;
      }
      return next.value.trim();
    },
    close() {
      rl.close();
    },
  };
}
