import { Entity } from 'dynamodb-toolbox/entity';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import type { Table } from 'dynamodb-toolbox/table';
import type { Clock } from '../lib/clock';
import { isConditionalCheckFailure } from './errors';

function createDedupEntity(table: Table) {
  return new Entity({
    name: 'DedupMarker',
    table,
    schema: item({ key: string().key(), firstSeenAtMs: number(), ttl: number() }),
    computeKey: ({ key }: { key: string }) => ({ pk: `DEDUP#${key}`, sk: 'DEDUP' }),
    timestamps: false,
  });
}

/**
 * Durable "seen this already" markers, so a Slack retry of an event is answered once even across
 * restarts and several bot processes. Markers expire through the table's TTL attribute.
 */
export class DedupMarkers {
  private readonly entity: ReturnType<typeof createDedupEntity>;

  constructor(
    table: Table,
    private readonly clock: Clock,
  ) {
    this.entity = createDedupEntity(table);
  }

  /** True for the first caller with this key; false for every later one. */
  async claimOnce(key: string, keepForSeconds = 3600): Promise<boolean> {
    const nowMs = this.clock.now().getTime();
    try {
      await this.entity
        .build(PutItemCommand)
        .item({ key, firstSeenAtMs: nowMs, ttl: Math.floor(nowMs / 1000) + keepForSeconds })
        .options({ condition: { attr: 'key', exists: false } })
        .send();
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }
}
