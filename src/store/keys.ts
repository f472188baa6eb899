/**
 * Key schema of the state table. The embedded engine and deploy/ both create the table from this,
 * so the two can never drift apart.
 */
export const STATE_TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Sparse index of requests that still need work (pending, approved, running), by status. */
  openIndex: { name: 'open', partitionKey: 'openPk', sortKey: 'openSk' },
  /** Requests of one table (`<region>#<table>`), newest last: the `history <table>` view. */
  tableIndex: { name: 'byTable', partitionKey: 'tablePk', sortKey: 'tableSk' },
  /** Every request by creation time: the `history` view without a table. */
  timeIndex: { name: 'byTime', partitionKey: 'timePk', sortKey: 'timeSk' },
  /** Epoch seconds after which DynamoDB may delete an item (dedup markers, caches). */
  ttlAttribute: 'ttl',
} as const;
