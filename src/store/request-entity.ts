import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import type { Table } from 'dynamodb-toolbox/table';
import { REQUEST_STATUSES, type RequestStatus } from '../domain/request';

const STATUSES = REQUEST_STATUSES as [RequestStatus, ...RequestStatus[]];

/** The stored shape of a restore request (see domain/request.ts for its meaning). */
export const restoreRequestSchema = item({
  requestId: string().key(),
  kind: string().enum('restore_point_in_time', 'restore_from_backup', 'delete_backup', 'disable_pitr', 'create_backup'),
  region: string(),
  sourceTable: string(),
  source: map({
    type: string().enum('instant', 'latest', 'backup', 'none'),
    restorePointMs: number().optional(),
    understoodAs: string().optional(),
    backupArn: string().optional(),
    backupName: string().optional(),
    backupCreatedMs: number().optional(),
  }),
  snapshot: map({
    tableArn: string(),
    sizeBytes: number(),
    itemCount: number(),
    restoreSizeBytes: number(),
    restoreCostUsd: number().optional(),
    restoreCostSource: string().optional(),
    windowEarliestMs: number().optional(),
    windowLatestMs: number().optional(),
  }),
  targetTable: string(),
  requesterId: string(),
  requesterTimeZone: string().optional(),
  teamId: string(),
  enterpriseId: string().optional(),
  channelId: string(),
  messageTs: string().optional(),
  digest: string(),
  status: string().enum(...STATUSES),
  approvals: list(map({ userId: string(), atMs: number() })),
  history: list(map({ atMs: number(), actorId: string(), event: string(), detail: string().optional() })),
  createdAtMs: number(),
  updatedAtMs: number(),
  expiresAtMs: number(),
  version: number(),
  startedAtMs: number().optional(),
  restoredPointMs: number().optional(),
  targetTableArn: string().optional(),
  completedAtMs: number().optional(),
  failure: map({ code: string(), message: string() }).optional(),
  progress: map({ tableStatus: string(), checkedAtMs: number(), shownAtMs: number() }).optional(),
  leaseUntilMs: number().optional(),
  pendingNotice: string()
    .enum(...STATUSES)
    .optional(),
  /** JSON of the source's settings at request time (nested and variable: one attribute, not a map). */
  sourceSettingsJson: string().optional(),
  checklistTs: string().optional(),
  // Index attributes, derived from the fields above on every write.
  openPk: string().optional(),
  openSk: string().optional(),
  tablePk: string(),
  tableSk: string(),
  timePk: string(),
  timeSk: string(),
});

export function createRestoreRequestEntity(table: Table) {
  return new Entity({
    name: 'RestoreRequest',
    table,
    schema: restoreRequestSchema,
    computeKey: ({ requestId }: { requestId: string }) => ({ pk: `REQUEST#${requestId}`, sk: 'REQUEST' }),
    timestamps: false,
  });
}

export type RestoreRequestEntity = ReturnType<typeof createRestoreRequestEntity>;
