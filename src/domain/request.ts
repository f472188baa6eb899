import type { TableSettings } from './settings/types';

/**
 * A restore request. Stored as one item; every state change is one conditional write that also
 * appends to `history`, so the audit trail and the state can never disagree.
 *
 *   pending ──approve (enough approvals)──► approved ──claim──► starting ──AWS accepted──► running ──► succeeded
 *      │ │ └──deny──► denied                                      │  (intent recorded       │
 *      │ └──cancel (requester)──► cancelled                       │   before the AWS call)  └──► failed
 *      └──expiry──► expired                                       └──AWS refused / checks failed──► failed
 *
 * `starting` exists so a crash between "AWS accepted the restore" and "we recorded it" is never
 * answered by a second restore: whoever finds a stale `starting` request first looks at the target
 * table (its RestoreSummary) before calling AWS again.
 */
export type RequestStatus =
  | 'pending'
  | 'approved'
  | 'denied'
  | 'cancelled'
  | 'expired'
  | 'starting'
  | 'running'
  | 'succeeded'
  | 'failed';

export const REQUEST_STATUSES: readonly RequestStatus[] = [
  'pending',
  'approved',
  'denied',
  'cancelled',
  'expired',
  'starting',
  'running',
  'succeeded',
  'failed',
];

export const TERMINAL_STATUSES: readonly RequestStatus[] = ['denied', 'cancelled', 'expired', 'succeeded', 'failed'];

/** Restores, and the other actions that need approval: deleting a backup, turning PITR off. */
export type RequestKind =
  | 'restore_point_in_time'
  | 'restore_from_backup'
  | 'delete_backup'
  | 'disable_pitr'
  | 'create_backup';

export function isRestore(kind: RequestKind): boolean {
  return kind === 'restore_point_in_time' || kind === 'restore_from_backup';
}

/** Where a restore starts from: a fixed instant, DynamoDB's latest restorable time, or a backup. */
export type RestoreSource =
  | { type: 'instant'; restorePointMs: number; understoodAs: string }
  | { type: 'latest' }
  | { type: 'backup'; backupArn: string; backupName: string; backupCreatedMs: number }
  /** Actions on the table itself (turning PITR off). */
  | { type: 'none' };

export interface Approval {
  userId: string;
  atMs: number;
}

/** One line of the audit trail. */
export interface AuditEntry {
  atMs: number;
  /** Slack user ID, or `bot` for the bot's own steps. */
  actorId: string;
  event: string;
  detail?: string;
}

/** What the source looked like when the restore was requested (shown on the card). */
export interface SourceSnapshot {
  tableArn: string;
  sizeBytes: number;
  itemCount: number;
  /** Bytes a restore is billed on: table, LSIs and GSIs. */
  restoreSizeBytes: number;
  /** Estimated cost of the restore at list prices; undefined when there is no price. */
  restoreCostUsd?: number;
  /** Where that price came from (API and date, or the bundled table). */
  restoreCostSource?: string;
  windowEarliestMs?: number;
  windowLatestMs?: number;
}

export interface RestoreFailure {
  /** AWS error name or our own reason code. */
  code: string;
  message: string;
}

export interface RestoreRequest {
  requestId: string;
  kind: RequestKind;
  region: string;
  sourceTable: string;
  source: RestoreSource;
  snapshot: SourceSnapshot;
  /** The new table of a restore; for `create_backup`, the name the backup will have. */
  targetTable: string;
  requesterId: string;
  /** The requester's zone when they asked, to show times as they meant them. */
  requesterTimeZone?: string;
  teamId: string;
  enterpriseId?: string;
  channelId: string;
  /** The request card's message; set once the card is posted. */
  messageTs?: string;
  /** Digest of what the card shows; every button carries it. */
  digest: string;
  status: RequestStatus;
  approvals: Approval[];
  history: AuditEntry[];
  createdAtMs: number;
  updatedAtMs: number;
  expiresAtMs: number;
  /** Incremented on every state write; part of each transition's condition. */
  version: number;
  startedAtMs?: number;
  /** The restore point DynamoDB reports for the new table. */
  restoredPointMs?: number;
  targetTableArn?: string;
  completedAtMs?: number;
  failure?: RestoreFailure;
  /** Last status seen by the tracker and when the card last showed it. */
  progress?: { tableStatus: string; checkedAtMs: number; shownAtMs: number };
  /** A worker's claim on this request (starting it, tracking it); others wait until it lapses. */
  leaseUntilMs?: number;
  /** A status whose Slack notice (card edit, thread reply) is not yet known to be posted. */
  pendingNotice?: RequestStatus;
  /** The source's settings at request time: the checklist compares the new table with these. */
  sourceSettings?: TableSettings;
  /** The checklist message in the card's thread, edited after "Reapply settings". */
  checklistTs?: string;
}

/** Settings of the source as they were when the restore was requested (design §4). */
export type { TableSettings } from './settings/types';

export function isTerminal(status: RequestStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
