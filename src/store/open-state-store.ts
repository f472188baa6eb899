import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../lib/clock';
import { startEmbeddedEngine } from './embedded';
import { ensureStateTable } from './ensure-table';
import { createStateStore, type StateStore } from './state-table';

/** Name of the state table inside the embedded engine. */
export const EMBEDDED_TABLE_NAME = 'dynamodb-chatops-state';

export interface OpenStateStoreOptions {
  clock: Clock;
  /** The state table in AWS; when unset, the embedded engine is started. */
  tableName?: string;
  /** Region of the state table in AWS. */
  region: string;
  /** Embedded engine's data folder; in memory when unset. */
  dir?: string;
}

export interface OpenedStateStore {
  store: StateStore;
  /** Human-readable description for the start-up log line (never a secret). */
  description: string;
  close(): Promise<void>;
}

/** Opens the state store: the AWS table when one is named, otherwise the embedded engine. */
export async function openStateStore({
  clock,
  tableName,
  region,
  dir,
}: OpenStateStoreOptions): Promise<OpenedStateStore> {
  if (tableName !== undefined) {
    const client = new DynamoDBClient({ region });
    return {
      store: createStateStore({ documentClient: toDocumentClient(client), tableName, clock }),
      description: `DynamoDB table ${tableName} in ${region}`,
      close: async () => client.destroy(),
    };
  }
  const engine = await startEmbeddedEngine({ dir });
  const client = new DynamoDBClient({
    endpoint: engine.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'embedded', secretAccessKey: 'embedded' },
  });
  await ensureStateTable(client, EMBEDDED_TABLE_NAME);
  return {
    store: createStateStore({ documentClient: toDocumentClient(client), tableName: EMBEDDED_TABLE_NAME, clock }),
    description: dir === undefined ? 'embedded engine (in memory)' : `embedded engine under ${dir}`,
    close: async () => {
      client.destroy();
      await engine.close();
    },
  };
}

function toDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
