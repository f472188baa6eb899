import { Entity, type FormattedItem } from 'dynamodb-toolbox/entity';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { $add, $set, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import type { Table } from 'dynamodb-toolbox/table';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { ScheduleSpec } from '../parse/schedule';
import { isConditionalCheckFailure } from './errors';

/** A periodic on-demand backup of one table, with retention of the newest N it made. */
export interface BackupSchedule {
  region: string;
  table: string;
  spec: ScheduleSpec;
  /** Where results (and failures) are posted. */
  channelId: string;
  createdBy: string;
  createdAtMs: number;
  nextRunAtMs: number;
  /** The slot the last run was for; a slot runs at most once. */
  lastSlotMs?: number;
  /** Backups this schedule made, oldest first: retention only ever deletes these. */
  backupArns: string[];
  version: number;
}

function createScheduleEntity(table: Table) {
  return new Entity({
    name: 'BackupSchedule',
    table,
    schema: item({
      region: string().key(),
      table: string().key(),
      specJson: string(),
      channelId: string(),
      createdBy: string(),
      createdAtMs: number(),
      nextRunAtMs: number(),
      lastSlotMs: number().optional(),
      backupArns: list(string()),
      version: number(),
    }),
    computeKey: ({ region, table }: { region: string; table: string }) => ({
      pk: 'SCHEDULE',
      sk: `${region}#${table}`,
    }),
    timestamps: false,
  });
}

type Stored = FormattedItem<ReturnType<typeof createScheduleEntity>>;

function toDomain({ specJson, ...rest }: Stored): BackupSchedule {
  return { ...rest, spec: JSON.parse(specJson) as ScheduleSpec };
}

/** Backup schedules in the state table, all under one partition (there are few). */
export class BackupSchedules {
  private readonly entity: ReturnType<typeof createScheduleEntity>;

  constructor(private readonly table: Table) {
    this.entity = createScheduleEntity(table);
  }

  /** Creates or replaces a table's schedule, keeping the backups the old one made under retention. */
  async put(schedule: Omit<BackupSchedule, 'backupArns' | 'version'>): Promise<void> {
    const existing = await this.get(schedule.region, schedule.table);
    const { spec, ...rest } = schedule;
    await this.entity
      .build(PutItemCommand)
      .item({
        ...rest,
        specJson: JSON.stringify(spec),
        backupArns: existing?.backupArns ?? [],
        version: (existing?.version ?? 0) + 1,
      })
      .send();
  }

  async get(region: string, table: string): Promise<BackupSchedule | undefined> {
    const { Item } = await this.entity
      .build(GetItemCommand)
      .key({ region, table })
      .options({ consistent: true })
      .send();
    return Item === undefined ? undefined : toDomain(Item);
  }

  async list(): Promise<BackupSchedule[]> {
    const { Items = [] } = await this.table
      .build(QueryCommand)
      .entities(this.entity)
      .query({ partition: 'SCHEDULE' })
      .options({ maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items.map(toDomain);
  }

  async delete(region: string, table: string): Promise<boolean> {
    const { Attributes } = await this.entity
      .build(DeleteItemCommand)
      .key({ region, table })
      .options({ returnValues: 'ALL_OLD' })
      .send();
    return Attributes !== undefined;
  }

  /** Claims `slotMs` for one worker: true for exactly one of several concurrent callers. */
  async claimSlot(schedule: BackupSchedule, slotMs: number, nextRunAtMs: number): Promise<boolean> {
    try {
      await this.entity
        .build(UpdateItemCommand)
        .item({ region: schedule.region, table: schedule.table, lastSlotMs: slotMs, nextRunAtMs, version: $add(1) })
        .options({ condition: { attr: 'version', eq: schedule.version } })
        .send();
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  async setBackups(region: string, table: string, backupArns: string[]): Promise<void> {
    try {
      await this.entity
        .build(UpdateItemCommand)
        .item({ region, table, backupArns: $set(backupArns) })
        .options({ condition: { attr: 'region', exists: true } })
        .send();
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error; // unscheduled meanwhile: nothing to keep
    }
  }
}
