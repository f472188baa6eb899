import { createHash, randomBytes } from 'node:crypto';
import type { RestoreRequest } from '../request';

const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: read aloud in incidents

/** `R-7K2Q9M`: short, unambiguous, random (collisions are caught by the conditional create). */
export function newRequestId(): string {
  const bytes = randomBytes(6);
  return `R-${[...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')}`;
}

const MAX_NAME = 255;

/** `base` + `suffix` within DynamoDB's 255 characters: the base is shortened, the suffix always kept. */
function withSuffix(base: string, suffix: string): string {
  return `${base.slice(0, MAX_NAME - suffix.length)}${suffix}`;
}

/** `yyyyMMdd-HHmm` (or `-HHmmss` with seconds) of an instant, in UTC. */
function utcStamp(atMs: number, withSeconds: boolean): string {
  const iso = new Date(atMs).toISOString(); // 2026-11-26T14:05:09.000Z
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, withSeconds ? 19 : 16).replace(/:/g, '')}`;
}

/** `<source>-restored-<UTC yyyyMMdd-HHmm of the restore point>`, shortened to fit 255 characters. */
export function defaultTargetName(source: string, restorePointMs: number): string {
  return withSuffix(source, `-restored-${utcStamp(restorePointMs, false)}`);
}

/** `employee-restored-20261126-1405-2`, within 255 characters. */
export function numberedName(base: string, n: number): string {
  return withSuffix(base, `-${n}`);
}

/** Backup names: `<table>[<infix>]-<UTC yyyyMMdd-HHmmss>`, within 255 characters. */
export function timestampedName(table: string, atMs: number, infix = ''): string {
  return withSuffix(table, `${infix}-${utcStamp(atMs, true)}`);
}

/**
 * A digest of everything the card shows that an approval is about. Buttons carry it, so a click
 * approves exactly what was shown, never a request changed since.
 */
export function digestOf(
  request: Pick<RestoreRequest, 'requestId' | 'kind' | 'region' | 'sourceTable' | 'source' | 'targetTable'>,
): string {
  const canonical = JSON.stringify([
    request.requestId,
    request.kind,
    request.region,
    request.sourceTable,
    request.source,
    request.targetTable,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** Who asked, where: the part of a new request that comes from the chat. */
export interface RequesterContext {
  userId: string;
  teamId: string;
  enterpriseId?: string;
  channelId: string;
  timeZone?: string;
}

/**
 * A new pending request: a fresh id, the digest of what its card will show, the first audit line,
 * and its expiry. Restores and the other approval-gated actions all start here.
 */
export function newPendingRequest(
  what: Pick<
    RestoreRequest,
    'kind' | 'region' | 'sourceTable' | 'source' | 'targetTable' | 'snapshot' | 'sourceSettings'
  >,
  context: RequesterContext,
  { nowMs, ttlMinutes, detail }: { nowMs: number; ttlMinutes: number; detail?: string },
): RestoreRequest {
  const { snapshot, sourceSettings, ...base } = what;
  const identity = { requestId: newRequestId(), ...base };
  return {
    ...identity,
    digest: digestOf(identity),
    snapshot,
    ...(sourceSettings === undefined ? {} : { sourceSettings }),
    requesterId: context.userId,
    requesterTimeZone: context.timeZone,
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    channelId: context.channelId,
    status: 'pending',
    pendingNotice: 'pending',
    approvals: [],
    history: [{ atMs: nowMs, actorId: context.userId, event: 'requested', detail }],
    createdAtMs: nowMs,
    updatedAtMs: nowMs,
    expiresAtMs: nowMs + ttlMinutes * 60_000,
    version: 1,
  };
}
