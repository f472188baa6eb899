import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { $add, $append, $remove, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import type { AuditEntry, RequestStatus, RestoreRequest, RestoreSource } from '../domain/request';
import { isTerminal } from '../domain/request';
import type { Clock } from '../lib/clock';
import { isConditionalCheckFailure } from './errors';
import type { RestoreRequestEntity } from './request-entity';

export type TransitionResult =
  | { ok: true; request: RestoreRequest }
  /** The condition failed: someone else changed the request first. `current` is what won. */
  | { ok: false; current: RestoreRequest | undefined };

export interface TransitionInput {
  requestId: string;
  /** Statuses the request may be in for this transition to apply. */
  from: readonly RequestStatus[];
  to: RequestStatus;
  /** The version the caller read; the write fails if anyone wrote since. */
  expectedVersion: number;
  audit: Omit<AuditEntry, 'atMs'>;
  changes?: Partial<Pick<RestoreRequest, 'messageTs' | 'approvals'>>;
}

type StoredItem = FormattedItem<RestoreRequestEntity>;

/** Restore requests in the state table. Every state change is one conditional write. */
export class RestoreRequests {
  constructor(
    private readonly entity: RestoreRequestEntity,
    private readonly clock: Clock,
  ) {}

  /** Stores a new request; fails if the id is already taken. */
  async create(request: RestoreRequest): Promise<void> {
    await this.entity
      .build(PutItemCommand)
      .item({ ...request, source: { ...request.source }, ...indexAttributes(request) })
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
  async transition({
    requestId,
    from,
    to,
    expectedVersion,
    audit,
    changes = {},
  }: TransitionInput): Promise<TransitionResult> {
    const nowMs = this.clock.now().getTime();
    const open = !isTerminal(to);
    try {
      const { Attributes } = await this.entity
        .build(UpdateItemCommand)
        .item({
          requestId,
          ...changes,
          status: to,
          updatedAtMs: nowMs,
          version: $add(1),
          history: $append([{ ...audit, atMs: nowMs }]),
          openPk: open ? 'OPEN' : $remove(),
          openSk: open ? `${to}#${requestId}` : $remove(),
        })
        .options({
          condition: {
            and: [
              { attr: 'status', in: [...from] },
              { attr: 'version', eq: expectedVersion },
            ],
          },
          returnValues: 'ALL_NEW',
        })
        .send();
      if (Attributes === undefined) throw new Error(`Request ${requestId} vanished during its transition to ${to}`);
      return { ok: true, request: toDomain(Attributes) };
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
      return { ok: false, current: await this.get(requestId) };
    }
  }
}

function indexAttributes(request: RestoreRequest) {
  const open = !isTerminal(request.status);
  return {
    ...(open ? { openPk: 'OPEN', openSk: `${request.status}#${request.requestId}` } : {}),
    tablePk: `${request.region}#${request.sourceTable}`,
    tableSk: `${String(request.createdAtMs).padStart(15, '0')}#${request.requestId}`,
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
    default:
      return { type: 'latest' };
  }
}

function toDomain(stored: StoredItem): RestoreRequest {
  const { openPk: _openPk, openSk: _openSk, tablePk: _tablePk, tableSk: _tableSk, source, ...rest } = stored;
  return { ...rest, source: toSource(source) };
}
