import type { RestoreRequest } from '../../src/domain/request';

/** A pending point-in-time restore request; override what the test is about. */
export function buildRestoreRequest(overrides: Partial<RestoreRequest> = {}): RestoreRequest {
  const createdAtMs = Date.parse('2026-11-26T14:15:00Z');
  return {
    requestId: 'R-TEST1',
    kind: 'restore_point_in_time',
    region: 'us-east-1',
    sourceTable: 'employee',
    source: { type: 'instant', restorePointMs: Date.parse('2026-11-26T14:05:00Z'), understoodAs: '10 minutes ago' },
    snapshot: {
      tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/employee',
      sizeBytes: 5_368_709_120,
      itemCount: 1_200_000,
      restoreSizeBytes: 6_442_450_944,
      windowEarliestMs: Date.parse('2026-10-22T14:15:00Z'),
      windowLatestMs: Date.parse('2026-11-26T14:10:00Z'),
    },
    targetTable: 'employee-restored-20261126-1405',
    digest: '0123456789abcdef',
    requesterId: 'UREQUESTER1',
    teamId: 'T0001',
    channelId: 'CINCIDENT1',
    status: 'pending',
    approvals: [],
    history: [{ atMs: createdAtMs, actorId: 'UREQUESTER1', event: 'requested' }],
    createdAtMs,
    updatedAtMs: createdAtMs,
    expiresAtMs: createdAtMs + 30 * 60_000,
    version: 1,
    ...overrides,
  };
}
