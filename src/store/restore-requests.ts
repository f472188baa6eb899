import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import {
  $add,
  $append,
  $remove,
  $set,
  UpdateItemCommand,
  type UpdateItemInput,
} from 'dynamodb-toolbox/entity/actions/update';
import type { Table } from 'dynamodb-toolbox/table';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { AuditEntry, RequestStatus, RestoreRequest, RestoreSource } from '../domain/request';
import { isTerminal } from '../domain/request';
import type { Clock } from '../lib/clock';
import { isConditionalCheckFailure } from './errors';
import { STATE_TABLE_KEYS as K } from './keys';
import type { RestoreRequestEntity } from './request-entity';

export type TransitionResult =
  | { ok: true; request: RestoreRequest }
  /** The condition failed: someone else changed the request first. `current` is what won. */
  | { ok: false; current: RestoreRequest | undefined };

/** Fields a transition may set besides the status. */
export type RequestChanges = Partial<
  Pick<
    RestoreRequest,
    'approvals' | 'startedAtMs' | 'restoredPointMs' | 'targetTableArn' | 'completedAtMs' | 'failure' | 'leaseUntilMs'
  >
>;

export interface TransitionInput {
  requestId: string;
  /** Statuses the request may be in for this transition to apply. */
  from: readonly RequestStatus[];
  to: RequestStatus;
  /** The version the caller read; the write fails if anyone wrote since. */
  expectedVersion: number;
  audit: Omit<AuditEntry, 'atMs'>;
  changes?: RequestChanges;
  /** Clears the worker lease in the same write. */
  releaseLease?: boolean;
}

type StoredItem = FormattedItem<RestoreRequestEntity>;

const OPEN_PARTITION = 'OPEN';

/**
 * Restore requests in the state table. Every state change is one conditional write that also
 * appends its audit entry; `openPk` keeps a request in the "needs work" index until it is terminal
 * and its Slack notice is posted.
 */
export class RestoreRequests {
  constructor(
    private readonly entity: RestoreRequestEntity,
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  /** Stores a new request; fails (ConditionalCheckFailedException) if the id is taken. */
  async create(request: RestoreRequest): Promise<void> {
    await this.entity
      .build(PutItemCommand)
      .item({ ...toStored(request), ...indexAttributes(request) })
      .options({ condition: { attr: 'requestId', exists: false } })
      .send();
  }

  async get(requestId: string): Promise<RestoreRequest | undefined> {
    const { Item } = await this.entity.build(GetItemCommand).key({ requestId }).options({ consistent: true }).send();
    return Item === undefined ? undefined : toDomain(Item);
  }

  /**
   * Moves a request from one of `from` to `to`, appending the audit entry in the same write.
   * Exactly one of several concurrent callers succeeds; the others get the winner back.
   */
  async transition(input: TransitionInput): Promise<TransitionResult> {
    const { requestId, from, to, expectedVersion, audit, changes = {}, releaseLease = false } = input;
    const nowMs = this.clock.now().getTime();
    const { approvals, failure, ...scalars } = changes;
    return this.conditionalUpdate(
      requestId,
      {
        ...scalars,
        // Lists and maps are replaced whole: the toolbox would otherwise write element by element.
        ...(approvals !== undefined ? { approvals: $set(approvals) } : {}),
        ...(failure !== undefined ? { failure: $set(failure) } : {}),
        ...(releaseLease ? { leaseUntilMs: $remove() } : {}),
        status: to,
        pendingNotice: to,
        updatedAtMs: nowMs,
        version: $add(1),
        history: $append([{ ...audit, atMs: nowMs }]),
        openPk: OPEN_PARTITION,
        openSk: `${to}#${requestId}`,
      },
      {
        and: [
          { attr: 'status', in: [...from] },
          { attr: 'version', eq: expectedVersion },
        ],
      },
    );
  }

  /** Records the card's message once it is posted (only the first time). */
  async attachCard(requestId: string, messageTs: string): Promise<void> {
    await this.entity
      .build(UpdateItemCommand)
      .item({ requestId, messageTs })
      .options({ condition: { attr: 'messageTs', exists: false } })
      .send();
  }

  /** The Slack notice for `status` is posted; a terminal request then leaves the open index. */
  async clearNotice(request: RestoreRequest): Promise<void> {
    const terminal = isTerminal(request.status);
    try {
      await this.entity
        .build(UpdateItemCommand)
        .item({
          requestId: request.requestId,
          pendingNotice: $remove(),
          ...(terminal ? { openPk: $remove(), openSk: $remove() } : {}),
        })
        .options({ condition: { attr: 'pendingNotice', eq: request.status } })
        .send();
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error; // a newer status has its own notice pending
    }
  }

  /**
   * Claims the request for one worker until `untilMs` (starting or tracking it), if nobody holds a
   * live claim. True if this caller now holds it.
   */
  async claimLease(requestId: string, untilMs: number): Promise<boolean> {
    const nowMs = this.clock.now().getTime();
    try {
      await this.entity
        .build(UpdateItemCommand)
        .item({ requestId, leaseUntilMs: untilMs })
        .options({
          condition: {
            and: [
              { attr: 'requestId', exists: true },
              {
                or: [
                  { attr: 'leaseUntilMs', exists: false },
                  { attr: 'leaseUntilMs', lt: nowMs },
                ],
              },
            ],
          },
        })
        .send();
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  /** An audit line that is not a state change (e.g. settings reapplied). */
  async appendAudit(requestId: string, audit: Omit<AuditEntry, 'atMs'>): Promise<void> {
    const entry = { ...audit, atMs: this.clock.now().getTime() };
    await this.entity
      .build(UpdateItemCommand)
      .item({ requestId, history: $append([entry]) })
      .send();
  }

  async setChecklistTs(requestId: string, checklistTs: string): Promise<void> {
    await this.entity.build(UpdateItemCommand).item({ requestId, checklistTs }).send();
  }

  async releaseLease(requestId: string): Promise<void> {
    await this.entity.build(UpdateItemCommand).item({ requestId, leaseUntilMs: $remove() }).send();
  }

  /** What the tracker last saw; not a state change, so no version bump and no audit line. */
  async recordProgress(requestId: string, progress: NonNullable<RestoreRequest['progress']>): Promise<void> {
    await this.entity
      .build(UpdateItemCommand)
      .item({ requestId, progress: $set(progress) })
      .send();
  }

  /** Every request that still needs work: undecided, starting, running, or with a notice to post. */
  async listOpen(): Promise<RestoreRequest[]> {
    return this.queryAll({ index: K.openIndex.name, partition: OPEN_PARTITION });
  }

  /** Requests of one table, newest first. */
  async listForTable(region: string, table: string, limit = 20): Promise<RestoreRequest[]> {
    return this.queryNewest({ index: K.tableIndex.name, partition: `${region}#${table}` }, limit);
  }

  /** The most recent requests of every table, newest first. */
  async listRecent(limit = 20): Promise<RestoreRequest[]> {
    return this.queryNewest({ index: K.timeIndex.name, partition: 'REQUEST' }, limit);
  }

  private async queryNewest(query: { index: string; partition: string }, limit: number): Promise<RestoreRequest[]> {
    const { Items = [] } = await this.table
      .build(QueryCommand)
      .entities(this.entity)
      .query(query)
      .options({ reverse: true, limit })
      .send();
    return Items.map(toDomain);
  }

  private async queryAll(query: { index: string; partition: string }): Promise<RestoreRequest[]> {
    const { Items = [] } = await this.table
      .build(QueryCommand)
      .entities(this.entity)
      .query(query)
      .options({ maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items.map(toDomain);
  }

  private async conditionalUpdate(
    requestId: string,
    item: Omit<UpdateItemInput<RestoreRequestEntity>, 'requestId'>,
    condition: Record<string, unknown>,
  ): Promise<TransitionResult> {
    try {
      const { Attributes } = await this.entity
        .build(UpdateItemCommand)
        .item({ requestId, ...item } as UpdateItemInput<RestoreRequestEntity>)
        .options({ condition: condition as never, returnValues: 'ALL_NEW' })
        .send();
      if (Attributes === undefined) throw new Error(`Request ${requestId} vanished during an update`);
      return { ok: true, request: toDomain(Attributes as StoredItem) };
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
      return { ok: false, current: await this.get(requestId) };
    }
  }
}

function indexAttributes(request: RestoreRequest) {
  const open = !isTerminal(request.status) || request.pendingNotice !== undefined;
  return {
    ...(open ? { openPk: OPEN_PARTITION, openSk: `${request.status}#${request.requestId}` } : {}),
    tablePk: `${request.region}#${request.sourceTable}`,
    tableSk: `${String(request.createdAtMs).padStart(15, '0')}#${request.requestId}`,
    timePk: 'REQUEST',
    timeSk: `${String(request.createdAtMs).padStart(15, '0')}#${request.requestId}`,
  };
}

function toSource(stored: StoredItem['source']): RestoreSource {
  switch (stored.type) {
    case 'instant':
      return { type: 'instant', restorePointMs: stored.restorePointMs ?? 0, understoodAs: stored.understoodAs ?? '' };
    case 'backup':
      return {
        type: 'backup',
        backupArn: stored.backupArn ?? '',
        backupName: stored.backupName ?? '',
        backupCreatedMs: stored.backupCreatedMs ?? 0,
      };
    case 'none':
      return { type: 'none' };
    default:
      return { type: 'latest' };
  }
}

function toStored(request: RestoreRequest) {
  const { sourceSettings, ...rest } = request;
  return { ...rest, ...(sourceSettings === undefined ? {} : { sourceSettingsJson: JSON.stringify(sourceSettings) }) };
}

function toDomain(stored: StoredItem): RestoreRequest {
  const {
    openPk: _o,
    openSk: _os,
    tablePk: _t,
    tableSk: _ts,
    timePk: _r,
    timeSk: _rs,
    source,
    sourceSettingsJson,
    ...rest
  } = stored;
  return {
    ...rest,
    source: toSource(source),
    ...(sourceSettingsJson === undefined
      ? {}
      : { sourceSettings: JSON.parse(sourceSettingsJson) as RestoreRequest['sourceSettings'] }),
  };
}
