/**
 * A request that needs approval: a restore (point in time or from a backup), and later other
 * approval-gated actions. Stored as one item; every state change is one conditional write that
 * also appends to `history`.
 *
 *   pending ──approve (enough approvals)──► approved ──start──► running ──► succeeded
 *      │ │ └──deny──► denied                     │                  └────► failed
 *      │ └──cancel (requester)──► cancelled       └──error before start──► failed
 *      └──expiry──► expired
 */
export type RequestStatus =
  | 'pending'
  | 'approved'
  | 'denied'
  | 'cancelled'
  | 'expired'
  | 'running'
  | 'succeeded'
  | 'failed';

export const TERMINAL_STATUSES: readonly RequestStatus[] = ['denied', 'cancelled', 'expired', 'succeeded', 'failed'];

export type RequestKind = 'restore_point_in_time' | 'restore_from_backup';

/** Where a restore starts from: a fixed instant, DynamoDB's latest restorable time, or a backup. */
export type RestoreSource =
  | { type: 'instant'; restorePointMs: number; understoodAs: string }
  | { type: 'latest' }
  | { type: 'backup'; backupArn: string; backupName: string; backupCreatedMs: number };

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

export interface RestoreRequest {
  requestId: string;
  kind: RequestKind;
  region: string;
  sourceTable: string;
  source: RestoreSource;
  targetTable: string;
  requesterId: string;
  teamId: string;
  enterpriseId?: string;
  channelId: string;
  /** The request card's message; set once the card is posted. */
  messageTs?: string;
  status: RequestStatus;
  approvals: Approval[];
  history: AuditEntry[];
  createdAtMs: number;
  updatedAtMs: number;
  expiresAtMs: number;
  /** Incremented on every write; part of each transition's condition. */
  version: number;
}

export function isTerminal(status: RequestStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
