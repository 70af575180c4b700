/**
 * Everything the CLI touches outside its arguments: where relative paths
 * start, where output goes, and the clock. Tests pass their own; the bin
 * passes the process's.
 */
export interface CliIo {
  /** The directory relative paths (arguments, output file names) start from. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The clock; read only by {@link todayUtc}. */
  now(): Date;
  /** Where answers to `stockroom init`'s questions are read from. */
  stdin?: NodeJS.ReadableStream;
  /** True when a person can answer questions (stdin is a terminal). */
  interactive?: boolean;
  /** True when stderr is a terminal: long commands report progress there. */
  stderrIsTTY?: boolean;
}

/** The io of the running process. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: text => {
      process.stdout.write(text);
    },
    stderr: text => {
      process.stderr.write(text);
    },
    now: () => new Date(),
    stdin: process.stdin,
    interactive: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** Exit codes, the CLI's public interface (see docs/cli.md). */
export const EXIT_OK = 0;
/** Something blocks: a schema problem or a finding of a rule at `block`. */
export const EXIT_BLOCKED = 1;
/** Usage or input error: bad option, unreadable or unparsable file, no files. */
export const EXIT_USAGE = 2;

/**
 * A problem with how the CLI was called or what it was given (bad option,
 * unreadable file): reported as one line, without a stack, exit code 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
