import type { Clock } from '../../lib/clock';
import { forEachLimited } from '../../lib/concurrency';
import { formatInstantThreeWays } from '../../lib/format';
import type { Logger } from '../../lib/logger';
import type { ScheduleSpec } from '../../parse/schedule';
import type { BackupSchedule, BackupSchedules } from '../../store/schedules';
import type { SecurityLog } from '../../store/security-log';
import { isAwsCallError } from '../errors';
import type { Policy } from '../policy';
import { ephemeral, type Reply } from '../reply';
import { timestampedName } from '../restore/naming';
import type { DynamoDbGateway } from '../tables';
import type { ActorContext } from './service';
import { describeSchedule, latestSlotAtOrBefore, nextSlotAfter } from './slots';

/** Where scheduled-backup results go: the channel the schedule was made in. */
export interface ChannelPoster {
  postToChannel(channelId: string, reply: Reply): Promise<boolean>;
}

export interface ScheduleServiceDeps {
  gateway: DynamoDbGateway;
  schedules: BackupSchedules;
  log: SecurityLog;
  poster: ChannelPoster;
  policy: Policy;
  clock: Clock;
  logger: Logger;
}

/** Scheduled on-demand backups with retention of the newest N the schedule made (design §2). */
export class ScheduleService {
  constructor(private readonly deps: ScheduleServiceDeps) {}

  async schedule(region: string, table: string, spec: ScheduleSpec, context: ActorContext): Promise<Reply> {
    const { deps } = this;
    const scope = deps.policy.isTableInScope(table);
    if (!scope.allowed) return ephemeral(scope.reason);
    if ((await deps.gateway.describeTable(region, table)) === undefined) {
      return ephemeral(`Table \`${table}\` was not found in ${region}.`, [
        'Names are case-sensitive; end the command with `in <region>` for another region.',
      ]);
    }
    const nowMs = deps.clock.now().getTime();
    const nextRunAtMs = nextSlotAfter(spec, nowMs);
    await deps.schedules.put({
      region,
      table,
      spec,
      channelId: context.channelId,
      createdBy: context.userId,
      createdAtMs: nowMs,
      nextRunAtMs,
    });
    await deps.log.recordTableEvent(region, table, {
      atMs: nowMs,
      actorId: context.userId,
      event: 'backup scheduled',
      detail: describeSchedule(spec),
    });
    return ephemeral(
      `Scheduled backups of \`${table}\` (${region}): ${describeSchedule(spec)} of the backups the schedule makes.`,
      [
        `Next run: ${formatInstantThreeWays(nextRunAtMs, nowMs)}. Results are posted in this channel. Backups made by hand are never deleted by the schedule.`,
      ],
    );
  }

  async list(): Promise<Reply> {
    const schedules = await this.deps.schedules.list();
    if (schedules.length === 0) return ephemeral('No backup schedules.');
    const nowMs = this.deps.clock.now().getTime();
    return ephemeral(`${schedules.length} backup schedule(s):`, [
      schedules
        .map(
          (s) =>
            `• \`${s.table}\` (${s.region}) · ${describeSchedule(s.spec)} · next ${formatInstantThreeWays(s.nextRunAtMs, nowMs)}` +
            ` · ${s.backupArns.length} kept · posts to <#${s.channelId}>`,
        )
        .join('\n'),
    ]);
  }

  async unschedule(region: string, table: string, context: ActorContext): Promise<Reply> {
    const removed = await this.deps.schedules.delete(region, table);
    if (!removed) return ephemeral(`\`${table}\` has no backup schedule in ${region}.`);
    await this.deps.log.recordTableEvent(region, table, {
      atMs: this.deps.clock.now().getTime(),
      actorId: context.userId,
      event: 'backup schedule removed',
    });
    return ephemeral(`The backup schedule of \`${table}\` (${region}) is removed. The backups it made are kept.`);
  }

  /** Runs every due schedule once for its latest slot; several processes may call this at once. */
  async runDue(): Promise<void> {
    const nowMs = this.deps.clock.now().getTime();
    const due = (await this.deps.schedules.list()).filter((s) => s.nextRunAtMs <= nowMs);
    await forEachLimited(due, 4, async (schedule) => {
      try {
        await this.runOne(schedule, nowMs);
      } catch (error) {
        this.deps.logger.error(`Scheduled backup of ${schedule.table} failed unexpectedly:`, error);
      }
    });
  }

  private async runOne(schedule: BackupSchedule, nowMs: number): Promise<void> {
    const { deps } = this;
    const slotMs = latestSlotAtOrBefore(schedule.spec, nowMs);
    if (slotMs === undefined) return;
    // One run for the latest slot, however many were missed while the bot was down.
    const first = schedule.lastSlotMs === undefined || schedule.lastSlotMs < slotMs;
    if (!(await deps.schedules.claimSlot(schedule, slotMs, nextSlotAfter(schedule.spec, nowMs))) || !first) return;
    const name = timestampedName(schedule.table, slotMs, '-scheduled');
    try {
      const backup = await deps.gateway.createBackup(schedule.region, schedule.table, name);
      const arns = [...schedule.backupArns, backup.arn];
      const { kept, deleted, failed } = await this.applyRetention(schedule, arns);
      await deps.schedules.setBackups(schedule.region, schedule.table, kept);
      await deps.log.recordTableEvent(schedule.region, schedule.table, {
        atMs: nowMs,
        actorId: 'bot',
        event: 'scheduled backup',
        detail: `${name}; deleted ${deleted.length} old`,
      });
      await deps.poster.postToChannel(schedule.channelId, {
        visibility: 'in_channel',
        text: `🗄️ Scheduled backup of \`${schedule.table}\` (${schedule.region}): \`${name}\` is ${backup.status}.`,
        sections: [
          `Kept: the newest ${kept.length} of ${schedule.spec.keep} this schedule makes.${deleted.length ? ` Deleted ${deleted.length} older one(s).` : ''}`,
          ...(failed.length ? [`Could not delete: ${failed.join('; ')}`] : []),
        ],
      });
    } catch (error) {
      if (!isAwsCallError(error)) throw error;
      await deps.log.recordTableEvent(schedule.region, schedule.table, {
        atMs: nowMs,
        actorId: 'bot',
        event: 'scheduled backup failed',
        detail: error.plain,
      });
      await deps.poster.postToChannel(schedule.channelId, {
        visibility: 'in_channel',
        text: `❌ Scheduled backup of \`${schedule.table}\` (${schedule.region}) failed: ${error.plain}`,
        sections: [`*Next step:* ${error.nextStep} The schedule tries again at its next slot.`],
      });
    }
  }

  /** Deletes this schedule's backups beyond the newest N; never any other backup. */
  private async applyRetention(schedule: BackupSchedule, arns: string[]) {
    const excess = arns.slice(0, Math.max(0, arns.length - schedule.spec.keep));
    const kept = arns.slice(excess.length);
    const deleted: string[] = [];
    const failed: string[] = [];
    for (const arn of excess) {
      try {
        await this.deps.gateway.deleteBackup(schedule.region, arn);
        deleted.push(arn);
      } catch (error) {
        if (isAwsCallError(error, 'BackupNotFoundException')) deleted.push(arn);
        else if (isAwsCallError(error)) failed.push(`${arn}: ${error.plain}`);
        else throw error;
      }
    }
    // Failed deletions stay listed, so the next run tries again.
    return { kept: [...arns.filter((a) => failed.some((f) => f.startsWith(a))), ...kept], deleted, failed };
  }
}
