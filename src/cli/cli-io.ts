/** What a command may touch of the outside world; tests pass buffers. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A problem the person must fix (bad flag, unreadable file, unreachable site): exit 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}
