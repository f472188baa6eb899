import { AwsCallError } from '../domain/errors';

/** Data-plane actions AWS requires on the target of a restore, besides the restore action itself. */
export const RESTORE_TARGET_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:BatchWriteItem',
];

const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'Throttling',
]);
const SERVER_FAULTS = new Set([
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);
const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'NotAuthorized',
]);

export interface CallContext {
  /** The API operation, e.g. `RestoreTableToPointInTime`. */
  operation: string;
  region: string;
  /** Table or backup the call was about, in plain words (`table employee`). */
  resource: string;
  /** IAM service prefix of the operation. @default 'dynamodb' */
  service?: 'dynamodb' | 'application-autoscaling' | 'cloudwatch' | 'lambda' | 'pricing';
}

/**
 * The one place SDK errors are read: every failure becomes an AwsCallError with plain words and
 * a next step, so every message in Slack reads the same way.
 */
export function translateAwsError(
  error: unknown,
  { operation, region, resource, service = 'dynamodb' }: CallContext,
): AwsCallError {
  const name = error instanceof Error ? error.name : 'UnknownError';
  const message = error instanceof Error ? error.message : String(error);
  const make = (plain: string, nextStep: string, retryable = false) =>
    new AwsCallError(name, plain, nextStep, retryable, { cause: error });
  if (!isServiceError(error)) {
    // No answer from AWS (network error, timeout): the call may or may not have happened.
    return make(
      `The ${operation} call got no answer from AWS (${name}).`,
      'Try again in a minute; check the network path to AWS if it persists.',
      true,
    );
  }
  switch (name) {
    case 'TableNotFoundException':
    case 'ResourceNotFoundException':
      return make(
        `DynamoDB says ${resource} does not exist in ${region}.`,
        'Check the name (it is case-sensitive) and the region; end the command with `in <region>` for another one.',
      );
    case 'TableAlreadyExistsException':
      return make(
        `A table with that name (${resource}) already exists in ${region}.`,
        'Choose another target name with `as <name>`.',
      );
    case 'TableInUseException':
      return make(
        `${resource} is being created or deleted right now.`,
        'Wait until that finishes, or choose another name.',
      );
    case 'InvalidRestoreTimeException':
      return make(
        'The restore point is outside the table’s point-in-time restore window.',
        'See the window with `pitr <table>` and ask again with a time inside it.',
      );
    case 'PointInTimeRecoveryUnavailableException':
      return make(
        `Point-in-time recovery is not enabled for ${resource}.`,
        'Enable it with `pitr <table> on` (the restore window starts then), or restore from a backup.',
      );
    case 'ContinuousBackupsUnavailableException':
      return make(
        `Backups are still being enabled for ${resource} (it was created moments ago).`,
        'Try again in a few minutes.',
        true,
      );
    case 'LimitExceededException':
      return make(
        `AWS refused: too many table operations or restores are already running in this account in ${region}.`,
        'Wait for some to finish and ask again; the quota can be raised in Service Quotas.',
      );
    case 'BackupNotFoundException':
      return make(`DynamoDB says ${resource} no longer exists.`, 'List the current backups with `backups <table>`.');
    case 'BackupInUseException':
      return make(
        `${resource} is busy with another backup operation (being created, deleted or restored).`,
        'Try again in a few minutes.',
        true,
      );
    case 'ValidationException':
      return make(`AWS rejected ${operation}: ${message}`, 'Check the names and the time, then ask again.');
    default:
      if (THROTTLING.has(name))
        return make(`AWS is throttling ${operation} calls right now.`, 'Try again in a minute.', true);
      if (SERVER_FAULTS.has(name) || isServerFault(error)) {
        return make(
          `AWS had an internal error during ${operation}.`,
          'Try again in a minute; if it persists, check the AWS Health Dashboard.',
          true,
        );
      }
      if (ACCESS_DENIED.has(name)) {
        return make(
          `The bot's AWS role is not allowed to call ${service}:${operation} on ${resource} in ${region}.`,
          operation.startsWith('Restore')
            ? `Grant dynamodb:${operation} on the source, and ${RESTORE_TARGET_ACTIONS.join(', ')} on the target table.`
            : `Grant ${service}:${operation} on it to the bot's role.`,
        );
      }
      return make(
        `AWS returned ${name} for ${operation}: ${message}`,
        'Try again; if it keeps failing, ask the bot’s operators.',
      );
  }
}

/** Errors AWS answered with carry `$fault` and `$metadata`; anything else never reached or left AWS. */
function isServiceError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && '$fault' in error;
}

function isServerFault(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    '$fault' in error &&
    (error as { $fault?: string }).$fault === 'server'
  );
}
