/** Why a command was refused, as a code callers can match on (never match on the message). */
export type UserErrorCode =
  | 'empty_command'
  | 'unknown_command'
  | 'invalid_arguments'
  | 'invalid_name'
  | 'invalid_region'
  | 'invalid_time'
  | 'time_in_future'
  | 'ambiguous_time'
  | 'not_available';

/**
 * A refusal the user can act on: what was wrong (`message`) and what would work (`hint`).
 * Thrown or returned by parsers and services, rendered by the Slack layer.
 */
export class UserError extends Error {
  override readonly name = 'UserError';

  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly hint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** Narrows `unknown` from a catch to an `Error`, wrapping anything else. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
