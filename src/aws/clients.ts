import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { PricingClient } from '@aws-sdk/client-pricing';
import { createPricingClient } from './pricing';

/** The AWS SDK clients the bot uses in one region. */
export interface AwsClients {
  /** Reads and idempotent writes, with the SDK's standard retries. */
  dynamodb: DynamoDBClient;
  /**
   * One attempt only, for calls that must not be repeated blindly (RestoreTable*): after a timeout
   * or an internal error the bot first looks at the target table, then decides (retry at one layer).
   */
  dynamodbSingleAttempt: DynamoDBClient;
  autoScaling: ApplicationAutoScalingClient;
  cloudWatch: CloudWatchClient;
  lambda: LambdaClient;
  /** Pinned to a Price List endpoint region (us-east-1); the priced region is a filter. Shared by every region. */
  pricing: PricingClient;
}

/** Region-aware client factory; the only way code below the composition root gets a client. */
export type AwsClientsFor = (region: string) => AwsClients;

/**
 * Builds clients lazily, one set per region, and reuses them.
 * No `endpoint` is set here on purpose: the SDK's own `AWS_ENDPOINT_URL` and
 * `AWS_ENDPOINT_URL_<SERVICE>` overrides must keep working.
 */
export function createAwsClients(): AwsClientsFor {
  const byRegion = new Map<string, AwsClients>();
  let pricing: PricingClient | undefined;
  const sharedPricing = () => {
    pricing ??= createPricingClient();
    return pricing;
  };
  return (region) => {
    const cached = byRegion.get(region);
    if (cached) return cached;
    const clients: AwsClients = {
      dynamodb: new DynamoDBClient({ region, maxAttempts: 3 }),
      dynamodbSingleAttempt: new DynamoDBClient({ region, maxAttempts: 1 }),
      autoScaling: new ApplicationAutoScalingClient({ region }),
      cloudWatch: new CloudWatchClient({ region }),
      lambda: new LambdaClient({ region }),
      pricing: sharedPricing(),
    };
    byRegion.set(region, clients);
    return clients;
  };
}
