/** Where a CLI command writes and where it runs; injected so commands are testable in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  /** Bytes already encoded as UTF-8 (a stored report), written as they are; else decoded for `stdout`. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Standard input as text, when the command reads it (the agent hook). */
  readStdin?: () => Promise<string>;
  /** Set by the real `mvp` process (not in-process tests): work that must be bounded may run in a worker. */
  standalone?: boolean;
}

/** A user-facing failure (missing file, unreadable input): one line on stderr, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
