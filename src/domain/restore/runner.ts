import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import type { RestoreRequests } from '../../store/restore-requests';
import { AwsCallError, isAwsCallError } from '../errors';
import { isRestore, type RestoreRequest } from '../request';
import type { DynamoDbGateway, TableInfo } from '../tables';
import { failureReply } from './messages';
import type { RequestNotifier } from './notifier';

/** How long a worker may hold a request while starting its restore before others may look. */
export const START_LEASE_MS = 2 * 60_000;
const RESTORE_ATTEMPTS = 3;

export interface RestoreRunnerDeps {
  gateway: DynamoDbGateway;
  requests: RestoreRequests;
  notifier: RequestNotifier;
  clock: Clock;
  logger: Logger;
  /** Waits between attempts; tests pass one that does not wait. */
  sleep: (ms: number) => Promise<void>;
}

/**
 * Step 5 of the restore flow: exactly one RestoreTable* call per request, also across crashes.
 * The intent (`starting`) is recorded before the call; whoever finds a stale `starting` request
 * looks at the target's RestoreSummary before calling AWS again.
 */
export class RestoreRunner {
  constructor(private readonly deps: RestoreRunnerDeps) {}

  /** Starts an approved request. A no-op if someone else already claimed it. */
  async start(approved: RestoreRequest): Promise<void> {
    const nowMs = this.deps.clock.now().getTime();
    const claimed = await this.deps.requests.transition({
      requestId: approved.requestId,
      from: ['approved'],
      to: 'starting',
      expectedVersion: approved.version,
      audit: { actorId: 'bot', event: 'starting', detail: 'checks before the restore call' },
      changes: { startedAtMs: nowMs, leaseUntilMs: nowMs + START_LEASE_MS },
    });
    if (!claimed.ok) return;
    await this.run(claimed.request);
  }

  /** Picks up a `starting` request whose worker vanished (its lease lapsed). */
  async resume(stale: RestoreRequest): Promise<void> {
    const nowMs = this.deps.clock.now().getTime();
    if (!(await this.deps.requests.claimLease(stale.requestId, nowMs + START_LEASE_MS))) return;
    const current = await this.deps.requests.get(stale.requestId);
    if (current?.status !== 'starting') return;
    this.deps.logger.info(`Resuming restore ${current.requestId} after its worker stopped`);
    await this.run(current, { resumed: true });
  }

  private async run(request: RestoreRequest, { resumed = false } = {}): Promise<void> {
    if (!isRestore(request.kind)) return this.runAction(request, resumed);
    try {
      const existing = await this.deps.gateway.describeTable(request.region, request.targetTable);
      if (existing !== undefined) {
        if (isOurRestore(existing, request))
          return await this.markRunning(request, existing, 'reconciled: the restore had already started');
        return await this.fail(
          request,
          new AwsCallError(
            'TargetExists',
            `A table named \`${request.targetTable}\` appeared since the request was made.`,
            'Ask again with another name (`as <name>`).',
            false,
          ),
        );
      }
      if (!resumed) {
        const windowProblem = await this.windowProblem(request);
        if (windowProblem !== undefined) return await this.fail(request, windowProblem);
      }
      await this.callRestore(request);
    } catch (error) {
      if (isAwsCallError(error)) return await this.fail(request, error);
      throw error;
    }
  }

  /** Approved actions other than restores: one call, done when AWS says so. */
  private async runAction(request: RestoreRequest, resumed: boolean): Promise<void> {
    const { gateway } = this.deps;
    try {
      if (request.kind === 'delete_backup' && request.source.type === 'backup') {
        try {
          await gateway.deleteBackup(request.region, request.source.backupArn);
        } catch (error) {
          // A resumed delete whose first attempt went through finds nothing left to delete: done.
          if (!(resumed && isAwsCallError(error, 'BackupNotFoundException'))) throw error;
        }
        return await this.finishAction(
          request,
          `Backup \`${request.source.backupName}\` of \`${request.sourceTable}\` is deleted.`,
        );
      }
      if (request.kind === 'create_backup') {
        // The name was fixed at request time; a resumed request whose backup exists is done.
        const name = request.targetTable;
        const existing = resumed
          ? (await gateway.listBackups(request.region, request.sourceTable)).find((b) => b.name === name)
          : undefined;
        const backup = existing ?? (await gateway.createBackup(request.region, request.sourceTable, name));
        return await this.finishAction(
          request,
          `Backup \`${backup.name}\` of \`${request.sourceTable}\` is ${backup.status}: \`${backup.arn}\`.`,
        );
      }
      if (request.kind === 'disable_pitr') {
        await gateway.updatePitr(request.region, request.sourceTable, false);
        return await this.finishAction(
          request,
          `Point-in-time recovery is off for \`${request.sourceTable}\`: its restore window is gone.`,
        );
      }
    } catch (error) {
      if (isAwsCallError(error)) return await this.fail(request, error);
      throw error;
    }
  }

  private async finishAction(request: RestoreRequest, done: string): Promise<void> {
    const result = await this.deps.requests.transition({
      requestId: request.requestId,
      from: ['starting'],
      to: 'succeeded',
      expectedVersion: request.version,
      audit: { actorId: 'bot', event: 'succeeded', detail: done },
      changes: { completedAtMs: this.deps.clock.now().getTime() },
      releaseLease: true,
    });
    if (!result.ok) return;
    const shown = await this.deps.notifier.updateCard(result.request);
    const told = await this.deps.notifier.postInThread(result.request, {
      visibility: 'in_channel',
      text: `✅ ${done}`,
    });
    if (shown && told) await this.deps.requests.clearNotice(result.request);
  }

  /** The window moves: a point inside it at request time may have fallen out (or PITR was turned off). */
  private async windowProblem(request: RestoreRequest): Promise<AwsCallError | undefined> {
    if (request.source.type === 'backup') return undefined;
    const pitr = await this.deps.gateway.describePitr(request.region, request.sourceTable);
    if (!pitr.enabled) {
      return new AwsCallError(
        'PointInTimeRecoveryUnavailableException',
        `Point-in-time recovery was turned off for \`${request.sourceTable}\` after the request.`,
        'Restore from a backup instead.',
        false,
      );
    }
    if (
      request.source.type === 'instant' &&
      pitr.earliestMs !== undefined &&
      request.source.restorePointMs < pitr.earliestMs
    ) {
      return new AwsCallError(
        'InvalidRestoreTimeException',
        'The restore window moved: the requested point is now older than the earliest restorable time.',
        'Ask again with a later time, or restore from a backup.',
        false,
      );
    }
    return undefined;
  }

  private async callRestore(request: RestoreRequest): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const table = await this.restoreCall(request);
        return await this.markRunning(request, table, 'RestoreTable call accepted');
      } catch (error) {
        if (!isAwsCallError(error)) throw error;
        // The call may have worked even though we got no answer: look before anything else.
        if (error.code === 'TableAlreadyExistsException' || error.retryable) {
          const target = await this.deps.gateway.describeTable(request.region, request.targetTable);
          if (target !== undefined && isOurRestore(target, request))
            return await this.markRunning(request, target, `reconciled after ${error.code}`);
          if (error.code === 'TableAlreadyExistsException') {
            throw new AwsCallError(
              error.code,
              `A different table named \`${request.targetTable}\` already exists.`,
              'Ask again with another name (`as <name>`).',
              false,
            );
          }
        }
        if (!error.retryable || attempt >= RESTORE_ATTEMPTS) throw error;
        this.deps.logger.warn(`Restore ${request.requestId}: ${error.code}, attempt ${attempt} of ${RESTORE_ATTEMPTS}`);
        await this.deps.sleep(1000 * 2 ** (attempt - 1) + Math.floor(Math.random() * 250));
      }
    }
  }

  private restoreCall(request: RestoreRequest): Promise<TableInfo> {
    const { gateway } = this.deps;
    if (request.source.type === 'backup') {
      return gateway.restoreFromBackup(request.region, {
        backupArn: request.source.backupArn,
        targetTable: request.targetTable,
      });
    }
    return gateway.restoreToPointInTime(request.region, {
      sourceTableArn: request.snapshot.tableArn,
      targetTable: request.targetTable,
      restoreDateTimeMs: request.source.type === 'instant' ? request.source.restorePointMs : undefined,
    });
  }

  private async markRunning(request: RestoreRequest, table: TableInfo, detail: string): Promise<void> {
    const result = await this.deps.requests.transition({
      requestId: request.requestId,
      from: ['starting'],
      to: 'running',
      expectedVersion: request.version,
      audit: { actorId: 'bot', event: 'started', detail },
      changes: {
        targetTableArn: table.arn || undefined,
        restoredPointMs: table.restore?.restoreDateTimeMs || undefined,
      },
      releaseLease: true,
    });
    if (!result.ok) return;
    if (await this.deps.notifier.updateCard(result.request)) await this.deps.requests.clearNotice(result.request);
  }

  private async fail(request: RestoreRequest, error: AwsCallError): Promise<void> {
    const result = await this.deps.requests.transition({
      requestId: request.requestId,
      from: ['starting'],
      to: 'failed',
      expectedVersion: request.version,
      audit: { actorId: 'bot', event: 'failed', detail: `${error.code}: ${error.plain}` },
      changes: { failure: { code: error.code, message: error.plain }, completedAtMs: this.deps.clock.now().getTime() },
      releaseLease: true,
    });
    if (!result.ok) return;
    const shown = await this.deps.notifier.updateCard(result.request);
    const told = await this.deps.notifier.postInThread(
      result.request,
      failureReply(result.request, error.plain, error.nextStep),
    );
    if (shown && told) await this.deps.requests.clearNotice(result.request);
  }
}

/**
 * Whether `table` is the restore this request started: its RestoreSummary names our source
 * (backup ARN, or table ARN and instant). For "latest" the instant is DynamoDB's, so the table
 * must have been created after we started.
 */
export function isOurRestore(table: TableInfo, request: RestoreRequest): boolean {
  const restore = table.restore;
  if (restore === undefined) return false;
  switch (request.source.type) {
    case 'backup':
      return restore.sourceBackupArn === request.source.backupArn;
    case 'instant':
      return (
        restore.sourceTableArn === request.snapshot.tableArn &&
        Math.abs(restore.restoreDateTimeMs - request.source.restorePointMs) < 1000
      );
    case 'latest':
      return (
        restore.sourceTableArn === request.snapshot.tableArn &&
        (table.createdMs ?? 0) >= (request.startedAtMs ?? request.createdAtMs) - 60_000
      );
    case 'none':
      return false;
  }
}
