/** True for DynamoDB's "your condition did not hold" error, however the SDK wraps it. */
export function isConditionalCheckFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
