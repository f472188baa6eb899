import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The AWS SDK clients the bot uses in one region. */
export interface AwsClients {
  dynamodb: DynamoDBClient;
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
  return (region) => {
    const cached = byRegion.get(region);
    if (cached) return cached;
    const clients: AwsClients = { dynamodb: new DynamoDBClient({ region, maxAttempts: 3 }) };
    byRegion.set(region, clients);
    return clients;
  };
}
