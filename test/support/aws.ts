import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import type { AwsClients, AwsClientsFor } from '../../src/aws/clients';

export interface MockedAws {
  /** The factory to hand to buildApp. */
  clientsFor: AwsClientsFor;
  /** The mock of the DynamoDB client handed out for `region` (created on first use). */
  dynamodb(region?: string): AwsClientStub<DynamoDBClient>;
}

/**
 * Real SDK clients, each instance mocked (never the class: the state store's own DynamoDBClient
 * must keep talking to the embedded engine). Reads and single-attempt calls share one client per
 * region here, so a test sees every DynamoDB call on one mock.
 */
export function createMockedAws(): MockedAws {
  const clients = new Map<string, AwsClients>();
  const mocks = new Map<string, AwsClientStub<DynamoDBClient>>();
  const clientsFor: AwsClientsFor = (region) => {
    const existing = clients.get(region);
    if (existing !== undefined) return existing;
    const dynamodb = new DynamoDBClient({ region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    mocks.set(region, mockClient(dynamodb));
    const set: AwsClients = { dynamodb, dynamodbSingleAttempt: dynamodb };
    clients.set(region, set);
    return set;
  };
  return {
    clientsFor,
    dynamodb: (region = 'us-east-1') => {
      clientsFor(region);
      return mocks.get(region) as AwsClientStub<DynamoDBClient>;
    },
  };
}
