import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { PricingClient } from '@aws-sdk/client-pricing';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import type { AwsClients, AwsClientsFor } from '../../src/aws/clients';

interface RegionMocks {
  dynamodb: AwsClientStub<DynamoDBClient>;
  autoScaling: AwsClientStub<ApplicationAutoScalingClient>;
  cloudWatch: AwsClientStub<CloudWatchClient>;
  lambda: AwsClientStub<LambdaClient>;
  pricing: AwsClientStub<PricingClient>;
}

export interface MockedAws {
  /** The factory to hand to buildApp. */
  clientsFor: AwsClientsFor;
  /** The mock of the DynamoDB client handed out for `region` (created on first use). */
  dynamodb(region?: string): AwsClientStub<DynamoDBClient>;
  /** Every client's mock for `region`. */
  mocks(region?: string): RegionMocks;
}

/**
 * Real SDK clients, each instance mocked (never the class: the state store's own DynamoDBClient
 * must keep talking to the embedded engine). Reads and single-attempt calls share one client per
 * region here, so a test sees every DynamoDB call on one mock.
 */
export function createMockedAws(): MockedAws {
  const clients = new Map<string, AwsClients>();
  const mocks = new Map<string, RegionMocks>();
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const clientsFor: AwsClientsFor = (region) => {
    const existing = clients.get(region);
    if (existing !== undefined) return existing;
    const dynamodb = new DynamoDBClient({ region, credentials });
    const set: AwsClients = {
      dynamodb,
      dynamodbSingleAttempt: dynamodb,
      autoScaling: new ApplicationAutoScalingClient({ region, credentials }),
      cloudWatch: new CloudWatchClient({ region, credentials }),
      lambda: new LambdaClient({ region, credentials }),
      pricing: new PricingClient({ region: 'us-east-1', credentials }),
    };
    mocks.set(region, {
      dynamodb: mockClient(set.dynamodb),
      autoScaling: mockClient(set.autoScaling),
      cloudWatch: mockClient(set.cloudWatch),
      lambda: mockClient(set.lambda),
      pricing: mockClient(set.pricing),
    });
    clients.set(region, set);
    return set;
  };
  const mocksFor = (region = 'us-east-1') => {
    clientsFor(region);
    return mocks.get(region) as RegionMocks;
  };
  return { clientsFor, dynamodb: (region) => mocksFor(region).dynamodb, mocks: mocksFor };
}
