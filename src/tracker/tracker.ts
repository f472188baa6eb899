import { isAwsCallError } from '../domain/errors';
import type { Reply } from '../domain/reply';
import { isTerminal, type RestoreRequest } from '../domain/request';
import type { DecisionService } from '../domain/restore/decisions';
import { completionReply, failureReply } from '../domain/restore/messages';
import type { RequestNotifier } from '../domain/restore/notifier';
import type { RestoreRunner } from '../domain/restore/runner';
import type { SettingsService } from '../domain/settings/service';
import type { DynamoDbGateway, TableInfo } from '../domain/tables';
import type { Clock } from '../lib/clock';
import { forEachLimited } from '../lib/concurrency';
import type { Logger } from '../lib/logger';
import type { RestoreRequests } from '../store/restore-requests';

/** The card is edited on every change of status, and at least this often while nothing changes. */
export const PROGRESS_REFRESH_MS = 5 * 60_000;
/** A notice is re-posted by the tracker only when whoever owed it has clearly stopped. */
const NOTICE_GRACE_MS = 2 * 60_000;
const CONCURRENCY = 4;

export interface RestoreTrackerDeps {
  requests: RestoreRequests;
  gateway: DynamoDbGateway;
  notifier: RequestNotifier;
  runner: RestoreRunner;
  decisions: DecisionService;
  clock: Clock;
  logger: Logger;
  settings: SettingsService;
  pollIntervalSeconds: number;
}

/**
 * One pass over every request that needs work: expire undecided ones, start approved ones, resume
 * starts whose worker died, follow running restores to completion, post notices nobody posted.
 * All of it is claimed with conditional writes, so several processes (or Lambda ticks) can run it
 * at once; all of its state is in the store, so it survives restarts.
 */
export class RestoreTracker {
  constructor(private readonly deps: RestoreTrackerDeps) {}

  async tick(): Promise<void> {
    const open = await this.deps.requests.listOpen();
    await forEachLimited(open, CONCURRENCY, async (request) => {
      try {
        await this.advance(request);
      } catch (error) {
        this.deps.logger.error(`Tracker could not advance ${request.requestId}:`, error);
      }
    });
  }

  private async advance(request: RestoreRequest): Promise<void> {
    const nowMs = this.deps.clock.now().getTime();
    switch (request.status) {
      case 'pending':
        if (this.deps.decisions.isExpired(request)) await this.deps.decisions.expire(request);
        return;
      case 'approved':
        return this.deps.runner.start(request);
      case 'starting':
        if ((request.leaseUntilMs ?? 0) < nowMs) await this.deps.runner.resume(request);
        return;
      case 'running':
        return this.follow(request);
      default:
        if (
          isTerminal(request.status) &&
          request.pendingNotice !== undefined &&
          nowMs - request.updatedAtMs > NOTICE_GRACE_MS
        ) {
          await this.postMissedNotice(request);
        }
    }
  }

  /** DynamoDB gives no percentage: only the table status and RestoreInProgress. */
  private async follow(request: RestoreRequest): Promise<void> {
    const { deps } = this;
    const nowMs = deps.clock.now().getTime();
    if (!(await deps.requests.claimLease(request.requestId, nowMs + deps.pollIntervalSeconds * 2000))) return;
    try {
      const table = await deps.gateway.describeTable(request.region, request.targetTable);
      if (table === undefined) {
        return await this.fail(
          request,
          'TargetMissing',
          `The new table \`${request.targetTable}\` is gone (deleted while restoring?).`,
        );
      }
      if (table.status === 'ACTIVE' && !table.restore?.inProgress) return await this.complete(request, table);
      if (table.status === 'INACCESSIBLE_ENCRYPTION_CREDENTIALS' || table.status.startsWith('ARCHIV')) {
        return await this.fail(
          request,
          table.status,
          `The new table is ${table.status}; DynamoDB cannot finish the restore.`,
        );
      }
      const previous = request.progress;
      const due =
        previous === undefined ||
        previous.tableStatus !== table.status ||
        nowMs - previous.shownAtMs >= PROGRESS_REFRESH_MS;
      const progress = { tableStatus: table.status, checkedAtMs: nowMs, shownAtMs: due ? nowMs : previous.shownAtMs };
      await deps.requests.recordProgress(request.requestId, progress);
      if (due) await deps.notifier.updateCard({ ...request, progress });
    } catch (error) {
      if (!isAwsCallError(error)) throw error;
      deps.logger.warn(`Tracker: ${request.requestId}: ${error.plain}`); // try again next tick
    } finally {
      await deps.requests.releaseLease(request.requestId);
    }
  }

  private async complete(request: RestoreRequest, table: TableInfo): Promise<void> {
    const nowMs = this.deps.clock.now().getTime();
    const result = await this.deps.requests.transition({
      requestId: request.requestId,
      from: ['running'],
      to: 'succeeded',
      expectedVersion: request.version,
      audit: { actorId: 'bot', event: 'succeeded', detail: `${table.status}, ${table.itemCount} items` },
      changes: { completedAtMs: nowMs, targetTableArn: table.arn || undefined },
    });
    if (!result.ok) return; // another process completed it and posts the message
    await this.postNotice(result.request, table);
  }

  private async fail(request: RestoreRequest, code: string, plain: string): Promise<void> {
    const result = await this.deps.requests.transition({
      requestId: request.requestId,
      from: ['running'],
      to: 'failed',
      expectedVersion: request.version,
      audit: { actorId: 'bot', event: 'failed', detail: `${code}: ${plain}` },
      changes: { failure: { code, message: plain }, completedAtMs: this.deps.clock.now().getTime() },
    });
    if (result.ok) await this.postNotice(result.request);
  }

  private async postMissedNotice(request: RestoreRequest): Promise<void> {
    const nowMs = this.deps.clock.now().getTime();
    if (!(await this.deps.requests.claimLease(request.requestId, nowMs + NOTICE_GRACE_MS))) return;
    const table =
      request.status === 'succeeded'
        ? await this.deps.gateway.describeTable(request.region, request.targetTable)
        : undefined;
    await this.postNotice(request, table);
    await this.deps.requests.releaseLease(request.requestId);
  }

  /** The settings checklist, posted under the completion message; its id is kept to edit it later. */
  private async postChecklist(request: RestoreRequest): Promise<boolean> {
    let reply: Reply;
    try {
      reply = await this.deps.settings.checklistOf(request);
    } catch (error) {
      if (!isAwsCallError(error)) throw error;
      reply = {
        visibility: 'in_channel',
        text: `The settings checklist could not be built: ${error.plain}`,
        sections: [error.nextStep],
      };
    }
    const ts = await this.deps.notifier.postThreadMessage(request, reply);
    if (ts !== undefined) await this.deps.requests.setChecklistTs(request.requestId, ts);
    return ts !== undefined;
  }

  /** Edits the card and, for the end of a restore, posts the story in its thread. */
  private async postNotice(request: RestoreRequest, table?: TableInfo): Promise<void> {
    const nowMs = this.deps.clock.now().getTime();
    let told = await this.deps.notifier.updateCard(request);
    if (request.status === 'succeeded' && table !== undefined) {
      told = (await this.deps.notifier.postInThread(request, completionReply(request, table, nowMs))) && told;
      told = (await this.postChecklist(request)) && told;
    } else if (request.status === 'failed') {
      const message = request.failure?.message ?? 'The restore failed.';
      told =
        (await this.deps.notifier.postInThread(
          request,
          failureReply(
            request,
            message,
            'Check the new table in the AWS console, delete it if it is unusable, then ask again.',
          ),
        )) && told;
    }
    if (told) await this.deps.requests.clearNotice(request);
  }
}
