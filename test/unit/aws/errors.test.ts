import { DynamoDBServiceException, InternalServerError, LimitExceededException } from '@aws-sdk/client-dynamodb';
import { translateAwsError } from '../../../src/aws/errors';

const context = { operation: 'RestoreTableToPointInTime', region: 'us-east-1', resource: 'table `employee-copy`' };
const $metadata = { httpStatusCode: 400 };

describe('translateAwsError', () => {
  it('turns a modeled exception into plain words and a next step, keeping the AWS name as code', () => {
    const translated = translateAwsError(new LimitExceededException({ message: 'Too many', $metadata }), context);

    expect(translated).toMatchObject({ code: 'LimitExceededException', retryable: false });
    expect(translated.plain).toContain('too many table operations or restores');
    expect(translated.nextStep).toContain('Service Quotas');
  });

  it('marks throttling and server faults retryable', () => {
    const throttled = new DynamoDBServiceException({
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata,
      message: 'Rate exceeded',
    });
    const internal = new InternalServerError({ message: 'oops', $metadata });

    expect(translateAwsError(throttled, context).retryable).toBe(true);
    expect(translateAwsError(internal, context).retryable).toBe(true);
  });

  it('names the missing permissions, on the source and on the target, for a denied restore', () => {
    const denied = new DynamoDBServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata,
      message: 'not authorized',
    });

    const translated = translateAwsError(denied, context);

    expect(translated.plain).toContain('dynamodb:RestoreTableToPointInTime on table `employee-copy` in us-east-1');
    expect(translated.nextStep).toContain(
      'dynamodb:PutItem, dynamodb:UpdateItem, dynamodb:DeleteItem, dynamodb:GetItem, dynamodb:Query, dynamodb:Scan, dynamodb:BatchWriteItem',
    );
  });

  it('treats an error that never reached AWS (network, timeout) as an unknown outcome: retryable, look first', () => {
    const network = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });

    expect(translateAwsError(network, context)).toMatchObject({ code: 'TimeoutError', retryable: true });
  });
});
