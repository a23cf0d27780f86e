// Shared vocabulary: the usage error every layer may throw, and the process exit codes.

/** A problem with how keyhound was called or configured: exit code 2, message without a stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `partial`: an organisation scan or merge where a repository could not be cloned or scanned (and no finding failed the run). */
export const EXIT = { clean: 0, findings: 1, error: 2, partial: 3 } as const;
