import type { Clock } from '../../lib/clock';
import { formatInstantThreeWays } from '../../lib/format';
import type { Logger } from '../../lib/logger';
import type { RestoreRequests } from '../../store/restore-requests';
import { isAwsCallError } from '../errors';
import type { Policy } from '../policy';
import { ephemeral, type Reply, type ReplyAction } from '../reply';
import type { RestoreRequest } from '../request';
import type { RequestNotifier } from '../restore/notifier';
import { buildChecklist, type ChecklistItem, clonedAlarmName } from './checklist';
import type { SettingsGateway, TableSettings } from './types';

const MARK: Record<ChecklistItem['state'], string> = { match: '✓', differs: '✗', manual: 'manual', unknown: '?' };

export interface SettingsServiceDeps {
  gateway: SettingsGateway;
  requests: RestoreRequests;
  notifier: RequestNotifier;
  policy: Policy;
  clock: Clock;
  logger: Logger;
}

/** A click on a checklist button, checked against the stored request like an approval. */
export interface SettingsClick {
  reference?: { requestId: string; digest: string };
  userId: string;
  teamId?: string;
}

/** Result of reapplying one item. */
interface Applied {
  label: string;
  error?: string;
}

/** The settings checklist (design §4): snapshot, compare, reapply, clone alarms. */
export class SettingsService {
  constructor(private readonly deps: SettingsServiceDeps) {}

  /** Reads every setting of the source; called when a restore is requested. */
  snapshot(region: string, table: string): Promise<TableSettings> {
    return this.deps.gateway.read(region, table);
  }

  /** The checklist of a restore: the source as snapshotted against the new table now. */
  async checklistOf(request: RestoreRequest): Promise<Reply> {
    if (request.sourceSettings === undefined)
      return ephemeral(`Request ${request.requestId} has no settings snapshot.`);
    if (request.status !== 'succeeded') {
      return ephemeral(
        `Request ${request.requestId} is ${request.status}; the checklist compares against the new table once the restore has finished.`,
      );
    }
    const target = await this.deps.gateway.read(request.region, request.targetTable);
    return this.render(request, request.sourceSettings, target);
  }

  async checklistById(requestId: string): Promise<Reply> {
    const request = await this.deps.requests.get(requestId);
    if (request === undefined) return ephemeral(`There is no request ${requestId}.`);
    return this.checklistOf(request);
  }

  /** Any two tables, both read now. */
  async compare(region: string, sourceTable: string, targetTable: string): Promise<Reply> {
    const [source, target] = await Promise.all([
      this.deps.gateway.read(region, sourceTable),
      this.deps.gateway.read(region, targetTable),
    ]);
    const items = buildChecklist(source, target);
    return {
      visibility: 'ephemeral',
      text: `Settings of \`${sourceTable}\` against \`${targetTable}\` (${region}):`,
      sections: renderItems(items),
    };
  }

  /** Applies every automatable ✗ item to the new table, then edits the checklist with the results. */
  async reapply(click: SettingsClick): Promise<Reply> {
    const checked = await this.authorize(click);
    if ('visibility' in checked) return checked;
    const { request, source } = checked;
    const before = await this.deps.gateway.read(request.region, request.targetTable);
    const todo = buildChecklist(source, before).filter((i) => i.state === 'differs');
    if (todo.length === 0)
      return ephemeral('Nothing to do: every setting the bot can reapply already matches the source.');
    const results: Applied[] = [];
    for (const item of todo) results.push(await this.applyOne(request, source, before, item));
    const after = await this.deps.gateway.read(request.region, request.targetTable);
    const failed = results.filter((r) => r.error !== undefined);
    await this.deps.requests.appendAudit(request.requestId, {
      actorId: click.userId,
      event: 'settings reapplied',
      detail: results.map((r) => `${r.label}: ${r.error === undefined ? 'ok' : 'failed'}`).join('; '),
    });
    const updated = this.render(request, source, after, results);
    await this.publish(request, updated);
    return ephemeral(
      failed.length === 0
        ? `Reapplied ${results.length} setting(s) to \`${request.targetTable}\`. The checklist in the thread is updated.`
        : `Reapplied ${results.length - failed.length} of ${results.length}; ${failed.map((f) => `${f.label}: ${f.error}`).join(' ')}`,
    );
  }

  /** Copies of the source's alarms, watching the new table, named `<alarm>-<target>`. */
  async cloneAlarms(click: SettingsClick): Promise<Reply> {
    const checked = await this.authorize(click);
    if ('visibility' in checked) return checked;
    const { request, source } = checked;
    if (!source.alarms.ok) return ephemeral(`The source's alarms could not be read: ${source.alarms.reason}`);
    const target = await this.deps.gateway.read(request.region, request.targetTable);
    const existing = new Set(target.alarms.ok ? target.alarms.value.map((a) => a.name) : []);
    const created: string[] = [];
    const failed: string[] = [];
    for (const alarm of source.alarms.value) {
      const name = clonedAlarmName(alarm, request.targetTable);
      if (existing.has(name)) continue;
      const dimensions = alarm.dimensions.map((d) =>
        d.name === 'TableName' && d.value === request.sourceTable ? { ...d, value: request.targetTable } : d,
      );
      try {
        await this.deps.gateway.putAlarm(request.region, { ...alarm, name, dimensions });
        created.push(name);
      } catch (error) {
        if (!isAwsCallError(error)) throw error;
        failed.push(`${name}: ${error.plain}`);
      }
    }
    await this.deps.requests.appendAudit(request.requestId, {
      actorId: click.userId,
      event: 'alarms cloned',
      detail: created.join(', ') || 'none new',
    });
    if (created.length === 0 && failed.length === 0)
      return ephemeral('Nothing to do: every alarm already has its copy on the new table.');
    return ephemeral(
      `Created ${created.length} alarm(s): ${created.map((n) => `\`${n}\``).join(', ') || 'none'}.${failed.length ? ` Failed: ${failed.join('; ')}` : ''}`,
    );
  }

  /** The checklist reply posted when a restore completes (also used to edit it later). */
  render(request: RestoreRequest, source: TableSettings, target: TableSettings, results?: Applied[]): Reply {
    const items = buildChecklist(source, target);
    const nowMs = this.deps.clock.now().getTime();
    const actions: ReplyAction[] = [];
    const ref = { requestId: request.requestId, digest: request.digest };
    if (items.some((i) => i.state === 'differs'))
      actions.push({ kind: 'request', name: 'reapply_settings', label: 'Reapply settings', style: 'primary', ...ref });
    if (items.some((i) => i.kind === 'alarms' && i.state === 'manual'))
      actions.push({ kind: 'request', name: 'clone_alarms', label: 'Clone alarms', ...ref });
    const resultLines = results?.length
      ? [
          `*Last reapply:* ${results.map((r) => (r.error === undefined ? `✓ ${r.label}` : `✗ ${r.label}: ${r.error}`)).join(' · ')}`,
        ]
      : [];
    return {
      visibility: 'in_channel',
      text: `Settings checklist for \`${request.targetTable}\` (source \`${request.sourceTable}\` as it was at the request, ${formatInstantThreeWays(source.readAtMs, nowMs)})`,
      sections: [...resultLines, ...renderItems(items)],
      actions,
    };
  }

  private async publish(request: RestoreRequest, reply: Reply): Promise<void> {
    if (
      request.checklistTs !== undefined &&
      (await this.deps.notifier.updateThreadMessage(request, request.checklistTs, reply))
    )
      return;
    const ts = await this.deps.notifier.postThreadMessage(request, reply);
    if (ts !== undefined) await this.deps.requests.setChecklistTs(request.requestId, ts);
  }

  private async authorize(click: SettingsClick): Promise<{ request: RestoreRequest; source: TableSettings } | Reply> {
    const ref = click.reference;
    const request = ref === undefined ? undefined : await this.deps.requests.get(ref.requestId);
    if (
      ref === undefined ||
      request === undefined ||
      request.digest !== ref.digest ||
      request.teamId !== click.teamId
    ) {
      return ephemeral('This button does not match a request I can act on, so nothing was changed.');
    }
    if (request.status !== 'succeeded' || request.sourceSettings === undefined) {
      return ephemeral(
        `Request ${request.requestId} is ${request.status}: settings can be reapplied once its restore has finished.`,
      );
    }
    if (click.userId !== request.requesterId) {
      const allowed = await this.deps.policy.canApprove({ userId: click.userId, requesterId: request.requesterId });
      if (!allowed.allowed)
        return ephemeral(`Only the requester or an approver can change the new table. ${allowed.reason}`);
    }
    return { request, source: request.sourceSettings };
  }

  /** One item; UpdateTable takes one change at a time, so it waits for ACTIVE around those. */
  private async applyOne(
    request: RestoreRequest,
    source: TableSettings,
    target: TableSettings,
    item: ChecklistItem,
  ): Promise<Applied> {
    const { gateway } = this.deps;
    const { region, targetTable } = request;
    try {
      switch (item.kind) {
        case 'tags':
          if (source.tags.ok) await gateway.tagResource(region, target.tableArn, source.tags.value);
          break;
        case 'ttl':
          if (source.ttl.ok && source.ttl.value.attribute)
            await gateway.updateTimeToLive(region, targetTable, source.ttl.value.attribute);
          break;
        case 'stream':
          if (source.stream.ok && source.stream.value.viewType) {
            await gateway.waitUntilActive(region, targetTable);
            await gateway.enableStream(region, targetTable, source.stream.value.viewType);
            await gateway.waitUntilActive(region, targetTable);
          }
          break;
        case 'deletion_protection':
          await gateway.waitUntilActive(region, targetTable);
          await gateway.setDeletionProtection(region, targetTable, true);
          await gateway.waitUntilActive(region, targetTable);
          break;
        case 'pitr':
          if (source.pitr.ok) await gateway.enablePitr(region, targetTable, source.pitr.value.recoveryPeriodDays);
          break;
        case 'auto_scaling':
          // RegisterScalableTarget and PutScalingPolicy are upserts: applying all is idempotent.
          if (source.autoScaling.ok)
            for (const scaling of source.autoScaling.value) await gateway.putScaling(region, targetTable, scaling);
          break;
        case 'contributor_insights':
          if (source.contributorInsights.ok) {
            for (const [indexName, status] of Object.entries(source.contributorInsights.value)) {
              if (status === 'ENABLED')
                await gateway.enableContributorInsights(region, targetTable, indexName || undefined);
            }
          }
          break;
        case 'kinesis':
          if (source.kinesis.ok)
            for (const d of source.kinesis.value)
              await gateway.enableKinesisDestination(region, targetTable, d.streamArn);
          break;
        default:
          return { label: item.label, error: 'not something the bot reapplies' };
      }
      return { label: item.label };
    } catch (error) {
      if (!isAwsCallError(error)) throw error;
      this.deps.logger.warn(`Reapply ${item.label} on ${targetTable} failed: ${error.plain}`);
      return { label: item.label, error: error.plain };
    }
  }
}

/** One section per item: mark, name, source value, new table value, and what to do. */
export function renderItems(items: ChecklistItem[]): string[] {
  return items.map((i) => {
    const head = `${MARK[i.state]} *${i.label}* — source: ${i.source} · new table: ${i.target}`;
    return i.instruction ? `${head}\n${i.state === 'unknown' ? '' : '→ '}${i.instruction}` : head;
  });
}
