import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { STATE_TABLE_KEYS as K } from './keys';

const INDEXES = [K.openIndex, K.tableIndex, K.timeIndex];

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
    AttributeDefinitions: [K.partitionKey, K.sortKey, ...INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])].map(
      (name) => ({
        AttributeName: name,
        AttributeType: 'S' as const,
      }),
    ),
    GlobalSecondaryIndexes: INDEXES.map((i) => index(i.name, i.partitionKey, i.sortKey)),
  };
}

/** A state folder from an older version gets the indexes added since, one at a time (DynamoDB's rule). */
async function addMissingIndexes(
  client: DynamoDBClient,
  tableName: string,
  existing: Set<string | undefined>,
): Promise<void> {
  const definition = stateTableDefinition(tableName);
  for (const index of definition.GlobalSecondaryIndexes.filter((i) => !existing.has(i.IndexName))) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: definition.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
  }
}

/** Creates the state table if it is missing and waits until it is usable. */
export async function ensureStateTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    await addMissingIndexes(client, tableName, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName)));
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
