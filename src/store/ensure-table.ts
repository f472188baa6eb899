import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { STATE_TABLE_KEYS as K } from './keys';

/** The state table's definition: the embedded engine creates it from this, and deploy/ mirrors it. */
export function stateTableDefinition(tableName: string) {
  const index = (name: string, partitionKey: string, sortKey: string) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' as const },
      { AttributeName: sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    KeySchema: [
      { AttributeName: K.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: K.sortKey, KeyType: 'RANGE' as const },
    ],
    AttributeDefinitions: [
      K.partitionKey,
      K.sortKey,
      ...Object.values(K.openIndex).slice(1),
      ...Object.values(K.tableIndex).slice(1),
    ].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    GlobalSecondaryIndexes: [
      index(K.openIndex.name, K.openIndex.partitionKey, K.openIndex.sortKey),
      index(K.tableIndex.name, K.tableIndex.partitionKey, K.tableIndex.sortKey),
    ],
  };
}

/** Creates the state table if it is missing and waits until it is usable. */
export async function ensureStateTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ResourceNotFoundException')) throw error;
  }
  await client.send(new CreateTableCommand(stateTableDefinition(tableName)));
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: K.ttlAttribute, Enabled: true },
      }),
    );
  } catch {
    // The embedded engine does not implement TTL; expired markers then simply stay, which is harmless.
  }
}
