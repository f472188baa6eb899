import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';
import type { Clock } from '../lib/clock';
import { DedupMarkers } from './dedup-markers';
import { STATE_TABLE_KEYS as K } from './keys';
import { PriceCache } from './price-cache';
import { createRestoreRequestEntity } from './request-entity';
import { RestoreRequests } from './restore-requests';
import { BackupSchedules } from './schedules';
import { SecurityLog } from './security-log';

export interface StateStoreOptions {
  documentClient: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
}

/** Everything the bot keeps about itself, behind one table. */
export interface StateStore {
  requests: RestoreRequests;
  dedup: DedupMarkers;
  securityLog: SecurityLog;
  schedules: BackupSchedules;
  prices: PriceCache;
}

export function createStateTable(documentClient: DynamoDBDocumentClient, tableName: string) {
  return new Table({
    documentClient,
    name: tableName,
    partitionKey: { name: K.partitionKey, type: 'string' },
    sortKey: { name: K.sortKey, type: 'string' },
    indexes: {
      [K.openIndex.name]: {
        type: 'global',
        partitionKey: { name: K.openIndex.partitionKey, type: 'string' },
        sortKey: { name: K.openIndex.sortKey, type: 'string' },
      },
      [K.tableIndex.name]: {
        type: 'global',
        partitionKey: { name: K.tableIndex.partitionKey, type: 'string' },
        sortKey: { name: K.tableIndex.sortKey, type: 'string' },
      },
      [K.timeIndex.name]: {
        type: 'global',
        partitionKey: { name: K.timeIndex.partitionKey, type: 'string' },
        sortKey: { name: K.timeIndex.sortKey, type: 'string' },
      },
    },
  });
}

export function createStateStore({ documentClient, tableName, clock }: StateStoreOptions): StateStore {
  const table = createStateTable(documentClient, tableName);
  return {
    requests: new RestoreRequests(createRestoreRequestEntity(table), table, clock),
    dedup: new DedupMarkers(table, clock),
    securityLog: new SecurityLog(table),
    schedules: new BackupSchedules(table),
    prices: new PriceCache(table),
  };
}
