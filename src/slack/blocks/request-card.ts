import type { KnownBlock } from '@slack/types';
import { isRestore, type RestoreRequest } from '../../domain/request';
import { describeSource } from '../../domain/restore/messages';
import { summarizeNotCopied } from '../../domain/settings/checklist';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatInstantThreeWays,
  formatRelative,
  formatUsd,
} from '../../lib/format';
import { ACTION_IDS } from '../ids';
import { encodeDecisionValue } from './button-values';
import { section } from './reply';

function slackDate(atMs: number): string {
  return `<!date^${Math.floor(atMs / 1000)}^{date_short_pretty} {time}|${new Date(atMs).toISOString()}>`;
}

function lastEvent(request: RestoreRequest, event: string) {
  return [...request.history].reverse().find((h) => h.event === event);
}

/** One line saying where the request stands, for everyone reading the channel. */
export function describeCardStatus(request: RestoreRequest, nowMs: number): string {
  const decided = (event: string) => {
    const entry = lastEvent(request, event);
    return entry ? `by <@${entry.actorId}> at ${slackDate(entry.atMs)}` : '';
  };
  const approvedBy = request.approvals.map((a) => `<@${a.userId}> (${slackDate(a.atMs)})`).join(', ');
  switch (request.status) {
    case 'pending':
      return (
        `⏳ *Waiting for approval* (${request.approvals.length} given${approvedBy ? `: ${approvedBy}` : ''}) · ` +
        `expires ${slackDate(request.expiresAtMs)} (${formatRelative(request.expiresAtMs, nowMs)})`
      );
    case 'approved':
    case 'starting':
      return `✅ *Approved* by ${approvedBy}. Starting the restore…`;
    case 'running': {
      const elapsed = formatDuration(nowMs - (request.startedAtMs ?? nowMs));
      const status = request.progress?.tableStatus ?? 'CREATING';
      return (
        `🔄 *Restoring* · approved by ${approvedBy} · DynamoDB reports \`${status}\` · ${elapsed} elapsed ` +
        `(checked ${slackDate(request.progress?.checkedAtMs ?? nowMs)}). DynamoDB gives no percentage; restores take at least ~20 minutes.`
      );
    }
    case 'succeeded':
      return `🎉 *Restored* · \`${request.targetTable}\` is ACTIVE, ${formatDuration((request.completedAtMs ?? nowMs) - (request.startedAtMs ?? nowMs))} after it started. Details in the thread.`;
    case 'failed':
      return `❌ *Failed:* ${request.failure?.message ?? 'see the thread'}`;
    case 'denied':
      return `🚫 *Denied* ${decided('denied')}. Nothing was restored.`;
    case 'cancelled':
      return `↩️ *Cancelled* ${decided('cancelled')}. Nothing was restored.`;
    case 'expired':
      return `⌛ *Expired* at ${slackDate(request.expiresAtMs)} without a decision. Nothing was restored.`;
  }
}

function decisionButtons(request: RestoreRequest): KnownBlock {
  const value = encodeDecisionValue({ requestId: request.requestId, digest: request.digest });
  return {
    type: 'actions',
    block_id: 'restore_decision',
    elements: [
      {
        type: 'button',
        action_id: ACTION_IDS.approve,
        style: 'primary',
        text: { type: 'plain_text', text: 'Approve' },
        value,
      },
      {
        type: 'button',
        action_id: ACTION_IDS.deny,
        style: 'danger',
        text: { type: 'plain_text', text: 'Deny' },
        value,
        confirm: {
          title: { type: 'plain_text', text: 'Deny this restore?' },
          text: {
            type: 'mrkdwn',
            text: `\`${request.sourceTable}\` will not be restored into \`${request.targetTable}\`.`,
          },
          confirm: { type: 'plain_text', text: 'Deny' },
          deny: { type: 'plain_text', text: 'Keep it' },
          style: 'danger',
        },
      },
      { type: 'button', action_id: ACTION_IDS.cancel, text: { type: 'plain_text', text: 'Cancel (requester)' }, value },
    ],
  };
}

/** The request card (design §3.3): everything an approver needs, and buttons only while pending. */
export function buildRequestCard(request: RestoreRequest, nowMs: number): { text: string; blocks: KnownBlock[] } {
  if (!isRestore(request.kind)) return buildActionCard(request, nowMs);
  const { snapshot } = request;
  const method = request.source.type === 'backup' ? 'From an on-demand backup' : 'Point-in-time recovery';
  const understood = request.source.type === 'instant' ? `\n_Read as:_ ${request.source.understoodAs}` : '';
  const window =
    snapshot.windowEarliestMs !== undefined && snapshot.windowLatestMs !== undefined
      ? `*PITR window (at request):* ${slackDate(snapshot.windowEarliestMs)} → ${slackDate(snapshot.windowLatestMs)}`
      : undefined;
  const restoredTo =
    request.restoredPointMs !== undefined
      ? `\n*DynamoDB reports restoring to:* ${formatInstantThreeWays(request.restoredPointMs, nowMs)}`
      : '';
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Restore request ${request.requestId}` } },
    section(describeCardStatus(request, nowMs)),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Source table:*\n\`${request.sourceTable}\` (${request.region})` },
        { type: 'mrkdwn', text: `*New table:*\n\`${request.targetTable}\`` },
        { type: 'mrkdwn', text: `*Method:*\n${method}` },
        { type: 'mrkdwn', text: `*Requested by:*\n<@${request.requesterId}> at ${slackDate(request.createdAtMs)}` },
        {
          type: 'mrkdwn',
          text: `*Source size:*\nabout ${formatBytes(snapshot.sizeBytes)} · ${formatCount(snapshot.itemCount)} items`,
        },
        {
          type: 'mrkdwn',
          text:
            `*Estimated restore cost:*\n${snapshot.restoreCostUsd === undefined ? 'no list price known' : `about ${formatUsd(snapshot.restoreCostUsd)}`}` +
            ` on about ${formatBytes(snapshot.restoreSizeBytes)} (table + indexes)`,
        },
      ],
    },
    section(`*Restore point:* ${describeSource(request, nowMs)}${understood}${restoredTo}`),
  ];
  if (window) blocks.push(section(window));
  if (request.sourceSettings !== undefined)
    blocks.push(section(`*Not copied by a restore:* ${summarizeNotCopied(request.sourceSettings)}`));
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `A restore always creates a new table: \`${request.sourceTable}\` is not changed. Sizes are DynamoDB's, refreshed about every six hours.`,
      },
    ],
  });
  if (request.status === 'pending') blocks.push(decisionButtons(request));
  return {
    text: `Restore request ${request.requestId}: ${request.sourceTable} → ${request.targetTable} (${request.status})`,
    blocks,
  };
}

/** Cards for the other actions that need approval: deleting a backup, turning PITR off. */
function buildActionCard(request: RestoreRequest, nowMs: number): { text: string; blocks: KnownBlock[] } {
  const deleting = request.kind === 'delete_backup' && request.source.type === 'backup';
  const creating = request.kind === 'create_backup';
  const title = deleting ? 'Delete backup' : creating ? 'Create backup' : 'Turn off point-in-time recovery';
  const what =
    request.source.type === 'backup'
      ? `*Backup:* \`${request.source.backupName}\` of \`${request.sourceTable}\` (${request.region}), made ${formatInstantThreeWays(request.source.backupCreatedMs, nowMs)}, about ${formatBytes(request.snapshot.sizeBytes)}`
      : `*Table:* \`${request.sourceTable}\` (${request.region}), about ${formatBytes(request.snapshot.sizeBytes)}`;
  const window =
    request.snapshot.windowEarliestMs !== undefined && request.snapshot.windowLatestMs !== undefined
      ? ` Today it can be restored to any second from ${slackDate(request.snapshot.windowEarliestMs)} to ${slackDate(request.snapshot.windowLatestMs)}.`
      : '';
  const warning = creating
    ? `A new on-demand backup named \`${request.targetTable}\`: it is billed per GB-month until it is deleted.`
    : deleting
      ? '⚠️ A deleted backup cannot be recovered: nothing can be restored from it afterwards.'
      : `⚠️ Turning PITR off deletes the restore window.${window} After this, no point-in-time restore of \`${request.sourceTable}\` is possible for any moment before PITR is turned on again.`;
  const statusLine =
    request.status === 'succeeded'
      ? `✅ *Done* ${slackDate(request.completedAtMs ?? nowMs)}.`
      : describeCardStatus(request, nowMs);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `${title}: request ${request.requestId}`.slice(0, 150) } },
    section(statusLine),
    section(`${what}\n*Requested by:* <@${request.requesterId}> at ${slackDate(request.createdAtMs)}`),
    section(warning),
  ];
  if (request.status === 'pending') blocks.push(decisionButtons(request));
  return { text: `${title}: request ${request.requestId} (${request.status})`, blocks };
}
