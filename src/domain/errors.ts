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

/**
 * An AWS call failed; already translated into plain words (aws/errors.ts is the only place that
 * reads SDK errors). `code` is the AWS error name, for matching.
 */
export class AwsCallError extends Error {
  override readonly name = 'AwsCallError';

  constructor(
    readonly code: string,
    /** What went wrong, in plain words. */
    readonly plain: string,
    /** The next step to take. */
    readonly nextStep: string,
    /** A later attempt may succeed (throttling, internal errors). */
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(`${plain} ${nextStep}`, options);
  }
}

export function isAwsCallError(error: unknown, ...codes: string[]): error is AwsCallError {
  return error instanceof AwsCallError && (codes.length === 0 || codes.includes(error.code));
}
