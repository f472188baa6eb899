import { randomUUID } from 'node:crypto';
import { Entity } from 'dynamodb-toolbox/entity';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import type { Table } from 'dynamodb-toolbox/table';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';

/** A refused or suspicious action: kept apart from the request so it never changes its state. */
export interface SecurityEvent {
  atMs: number;
  /** The request the action named, or `unknown` when it named none we could read. */
  requestId: string;
  actorId: string;
  event: string;
  detail?: string;
}

function tableStream(region: string, table: string): string {
  return `table:${region}#${table}`;
}

function createSecurityEventEntity(table: Table) {
  return new Entity({
    name: 'SecurityEvent',
    table,
    schema: item({
      requestId: string().key(),
      eventKey: string().key(),
      atMs: number(),
      actorId: string(),
      event: string(),
      detail: string().optional(),
    }),
    computeKey: ({ requestId, eventKey }: { requestId: string; eventKey: string }) => ({
      pk: `SECURITY#${requestId}`,
      sk: eventKey,
    }),
    timestamps: false,
  });
}

/**
 * The event log beside the requests: refused clicks (tampered buttons, wrong workspace, unknown
 * requests), and changes made outside an approval flow (backups, PITR on, schedules), per table.
 */
export class SecurityLog {
  private readonly entity: ReturnType<typeof createSecurityEventEntity>;

  constructor(private readonly table: Table) {
    this.entity = createSecurityEventEntity(table);
  }

  async record(event: SecurityEvent): Promise<void> {
    const eventKey = `${String(event.atMs).padStart(15, '0')}#${randomUUID()}`;
    await this.entity
      .build(PutItemCommand)
      .item({ ...event, eventKey })
      .send();
  }

  /** A change to a table that needed no approval (backup taken, PITR on, schedule set). */
  async recordTableEvent(region: string, table: string, event: Omit<SecurityEvent, 'requestId'>): Promise<void> {
    await this.record({ ...event, requestId: tableStream(region, table) });
  }

  async listTableEvents(region: string, table: string): Promise<SecurityEvent[]> {
    return this.listFor(tableStream(region, table));
  }

  async listFor(requestId: string): Promise<SecurityEvent[]> {
    const { Items = [] } = await this.table
      .build(QueryCommand)
      .entities(this.entity)
      .query({ partition: `SECURITY#${requestId}` })
      .send();
    return Items.map(({ eventKey: _key, ...event }) => event);
  }
}
