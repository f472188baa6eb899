import { formatBytes, formatCount, formatDuration, formatInstantThreeWays } from '../../lib/format';
import type { Reply } from '../reply';
import type { RestoreRequest } from '../request';
import type { TableInfo } from '../tables';

export function describeSource(request: RestoreRequest, nowMs: number): string {
  switch (request.source.type) {
    case 'instant':
      return formatInstantThreeWays(request.source.restorePointMs, nowMs);
    case 'latest':
      return 'the latest restorable time, chosen by DynamoDB when the restore starts';
    case 'backup':
      return `backup \`${request.source.backupName}\` of ${formatInstantThreeWays(request.source.backupCreatedMs, nowMs)}`;
    case 'none':
      return 'not applicable';
  }
}

export function completionReply(request: RestoreRequest, table: TableInfo, nowMs: number): Reply {
  const tookMs = (request.completedAtMs ?? nowMs) - (request.startedAtMs ?? request.createdAtMs);
  const point =
    request.restoredPointMs === undefined
      ? describeSource(request, nowMs)
      : formatInstantThreeWays(request.restoredPointMs, nowMs);
  return {
    visibility: 'in_channel',
    text: `✅ Restore ${request.requestId} finished: \`${request.targetTable}\` is ACTIVE.`,
    sections: [
      [
        `*Table ARN:* \`${table.arn}\``,
        `*Items:* about ${formatCount(table.itemCount)} · *Size:* about ${formatBytes(table.sizeBytes)} (DynamoDB refreshes these about every six hours)`,
        `*Restored to:* ${point}`,
        `*Took:* ${formatDuration(tookMs)}`,
      ].join('\n'),
      'A restore does not copy every setting: the checklist below compares the source (as it was at the request) with the new table.',
    ],
  };
}

export function failureReply(request: RestoreRequest, plain: string, nextStep: string): Reply {
  return {
    visibility: 'in_channel',
    text: `❌ Restore ${request.requestId} failed: ${plain}`,
    sections: [`*Next step:* ${nextStep}`, `The source table \`${request.sourceTable}\` was not changed.`],
  };
}
