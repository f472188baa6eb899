import type { Clock } from '../../lib/clock';
import { formatInstantThreeWays } from '../../lib/format';
import type { Logger } from '../../lib/logger';
import type { RestoreRequests } from '../../store/restore-requests';
import type { SecurityLog } from '../../store/security-log';
import type { Policy } from '../policy';
import { ephemeral, type Reply } from '../reply';
import type { RestoreRequest } from '../request';
import type { RequestNotifier } from './notifier';
import type { RestoreRunner } from './runner';

export type DecisionAction = 'approve' | 'deny' | 'cancel';

/** A click on a request card, with everything needed to check it against the stored request. */
export interface Click {
  action: DecisionAction;
  /** What the button named; undefined when its value could not be read (tampered, oversized). */
  reference?: { requestId: string; digest: string };
  userId: string;
  teamId?: string;
  enterpriseId?: string;
  channelId?: string;
  messageTs?: string;
}

export interface DecisionServiceDeps {
  requests: RestoreRequests;
  securityLog: SecurityLog;
  notifier: RequestNotifier;
  policy: Policy;
  runner: RestoreRunner;
  clock: Clock;
  logger: Logger;
}

/** Concurrent approvals of a multi-approval request each retry on a lost race, this many times. */
const APPROVAL_ATTEMPTS = 5;

/**
 * Step 4 of the restore flow: Approve / Deny / Cancel. Each decision is one conditional write; a
 * click that loses a race, comes late, or comes from someone not allowed changes nothing and gets
 * an explanation.
 */
export class DecisionService {
  constructor(private readonly deps: DecisionServiceDeps) {}

  async decide(click: Click): Promise<Reply> {
    const checked = await this.check(click);
    if ('visibility' in checked) return checked;
    const request = checked;
    if (request.status === 'pending' && this.isExpired(request)) {
      await this.expire(request);
      return ephemeral(
        `Request ${request.requestId} expired ${this.when(request.expiresAtMs)}; nothing was restored. Ask again if it is still needed.`,
      );
    }
    if (request.status !== 'pending') return ephemeral(describeDecided(request, this.deps.clock.now().getTime()));
    switch (click.action) {
      case 'cancel':
        return this.cancel(request, click.userId);
      case 'deny':
        return this.deny(request, click.userId);
      case 'approve':
        return this.approve(request, click.userId);
    }
  }

  /** Moves a pending request past its expiry to `expired` and shows it on the card. */
  async expire(request: RestoreRequest): Promise<void> {
    const result = await this.deps.requests.transition({
      requestId: request.requestId,
      from: ['pending'],
      to: 'expired',
      expectedVersion: request.version,
      audit: { actorId: 'bot', event: 'expired', detail: 'nobody decided in time' },
    });
    if (result.ok) await this.notify(result.request);
  }

  isExpired(request: RestoreRequest): boolean {
    return this.deps.clock.now().getTime() > request.expiresAtMs;
  }

  /** The button must name a stored request, match what its card showed, and come from where it was posted. */
  private async check(click: Click): Promise<RestoreRequest | Reply> {
    const refuse = async (requestId: string, event: string, detail: string): Promise<Reply> => {
      await this.deps.securityLog.record({
        atMs: this.deps.clock.now().getTime(),
        requestId,
        actorId: click.userId,
        event,
        detail,
      });
      this.deps.logger.warn(`Refused ${click.action} by ${click.userId} on ${requestId}: ${event}`);
      return ephemeral(
        'This button does not match a request I can act on, so nothing was changed. The attempt was logged.',
      );
    };
    const reference = click.reference;
    if (reference === undefined)
      return refuse('unknown', 'refused click: unreadable button value', `action ${click.action}`);
    const request = await this.deps.requests.get(reference.requestId);
    if (request === undefined)
      return refuse(reference.requestId, 'refused click: no such request', `action ${click.action}`);
    const mismatches = [
      reference.digest !== request.digest && 'card content',
      click.teamId !== request.teamId && 'workspace',
      (click.enterpriseId ?? undefined) !== (request.enterpriseId ?? undefined) && 'organisation',
      click.channelId !== request.channelId && 'channel',
      click.messageTs !== request.messageTs && 'message',
    ].filter(Boolean);
    if (mismatches.length > 0) {
      return refuse(
        request.requestId,
        'refused click: does not match the request',
        `${click.action}; mismatched ${mismatches.join(', ')}`,
      );
    }
    return request;
  }

  private async cancel(request: RestoreRequest, userId: string): Promise<Reply> {
    if (userId !== request.requesterId) {
      return ephemeral(
        `Only <@${request.requesterId}>, who asked for this restore, can cancel it. An approver can Deny it instead.`,
      );
    }
    return this.decideOnce(request, 'cancelled', userId, 'Cancelled. Nothing was restored.');
  }

  private async deny(request: RestoreRequest, userId: string): Promise<Reply> {
    if (userId === request.requesterId) return ephemeral('To withdraw your own request, use Cancel.');
    const allowed = await this.deps.policy.canApprove({ userId, requesterId: request.requesterId });
    if (!allowed.allowed) return ephemeral(allowed.reason);
    return this.decideOnce(request, 'denied', userId, 'Denied. Nothing will be restored.');
  }

  private async decideOnce(
    request: RestoreRequest,
    to: 'cancelled' | 'denied',
    userId: string,
    done: string,
  ): Promise<Reply> {
    const result = await this.deps.requests.transition({
      requestId: request.requestId,
      from: ['pending'],
      to,
      expectedVersion: request.version,
      audit: { actorId: userId, event: to },
    });
    if (!result.ok) return this.lostRace(result.current);
    await this.notify(result.request);
    return ephemeral(done);
  }

  private async approve(first: RestoreRequest, userId: string): Promise<Reply> {
    const allowed = await this.deps.policy.canApprove({ userId, requesterId: first.requesterId });
    if (!allowed.allowed) return ephemeral(allowed.reason);
    const required = this.deps.policy.requiredApprovals;
    let request: RestoreRequest | undefined = first;
    for (let attempt = 0; attempt < APPROVAL_ATTEMPTS && request?.status === 'pending'; attempt += 1) {
      if (this.isExpired(request)) {
        await this.expire(request);
        return ephemeral(
          `Request ${request.requestId} expired before your approval was recorded; nothing was restored.`,
        );
      }
      if (request.approvals.some((a) => a.userId === userId)) {
        return ephemeral(
          `You already approved ${request.requestId}; it needs ${required - request.approvals.length} more approval(s) from someone else.`,
        );
      }
      const approvals = [...request.approvals, { userId, atMs: this.deps.clock.now().getTime() }];
      const enough = approvals.length >= required;
      const result = await this.deps.requests.transition({
        requestId: request.requestId,
        from: ['pending'],
        to: enough ? 'approved' : 'pending',
        expectedVersion: request.version,
        audit: {
          actorId: userId,
          event: enough ? 'approved' : 'approval recorded',
          detail: `${approvals.length} of ${required}`,
        },
        changes: { approvals },
      });
      if (result.ok) {
        await this.notify(result.request);
        if (!enough) return ephemeral(`Your approval is recorded (${approvals.length} of ${required}).`);
        await this.deps.runner.start(result.request);
        return ephemeral(
          `Approved. The restore of \`${result.request.sourceTable}\` into \`${result.request.targetTable}\` is starting; progress shows on the card.`,
        );
      }
      request = result.current; // someone else wrote first: look again
    }
    return this.lostRace(request);
  }

  private lostRace(current: RestoreRequest | undefined): Reply {
    if (current === undefined) return ephemeral('That request no longer exists.');
    return ephemeral(describeDecided(current, this.deps.clock.now().getTime()));
  }

  /** Shows the decision on the card; if Slack refuses, the notice stays owed and the tracker retries. */
  private async notify(request: RestoreRequest): Promise<void> {
    if (await this.deps.notifier.updateCard(request)) await this.deps.requests.clearNotice(request);
  }

  private when(atMs: number): string {
    return formatInstantThreeWays(atMs, this.deps.clock.now().getTime());
  }
}

/** Why a click on a request that is no longer pending does nothing. */
export function describeDecided(request: RestoreRequest, nowMs: number): string {
  const last = [...request.history]
    .reverse()
    .find((h) => ['approved', 'denied', 'cancelled', 'expired'].includes(h.event));
  const by = last && last.actorId !== 'bot' ? ` by <@${last.actorId}>` : '';
  const at = last ? ` (${formatInstantThreeWays(last.atMs, nowMs)})` : '';
  const decided = last?.event ?? request.status;
  return `Request ${request.requestId} was already ${decided}${by}${at}; it is now ${request.status}. Your click changed nothing.`;
}
