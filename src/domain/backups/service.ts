import type { Clock } from '../../lib/clock';
import { formatBytes, formatInstantThreeWays, formatUsd } from '../../lib/format';
import type { Logger } from '../../lib/logger';
import type { BackupRef, Command } from '../../parse/command';
import type { RestoreRequests } from '../../store/restore-requests';
import type { SecurityLog } from '../../store/security-log';
import { BYTES_PER_GB } from '../cost/maths';
import { describePriceSource } from '../cost/prices';
import type { CostService } from '../cost/service';
import { isAwsCallError } from '../errors';
import { asTyped } from '../invocation';
import type { Policy } from '../policy';
import { ephemeral, type Reply } from '../reply';
import type { RequestKind, RestoreRequest, RestoreSource } from '../request';
import { newPendingRequest, timestampedName } from '../restore/naming';
import type { RequestNotifier } from '../restore/notifier';
import { publishRequestCard } from '../restore/publish';
import type { BackupInfo, DynamoDbGateway, TableInfo } from '../tables';

export interface ActorContext {
  userId: string;
  channelId: string;
  teamId: string;
  enterpriseId?: string;
  invokedAs: string;
}

export interface BackupServiceDeps {
  gateway: DynamoDbGateway;
  requests: RestoreRequests;
  notifier: RequestNotifier;
  policy: Policy;
  clock: Clock;
  logger: Logger;
  log: SecurityLog;
  cost: CostService;
  requestTtlMinutes: number;
  /** BACKUP_REQUIRES_APPROVAL: a backup then goes through the approval card like a restore. */
  backupRequiresApproval: boolean;
  sleep: (ms: number) => Promise<void>;
}

const PAGE_SIZE = 20;
/** How often, and how many times, a new backup's status is checked for the reply. */
const WATCH_EVERY_MS = 3000;
const WATCH_TIMES = 20;
/** ContinuousBackupsUnavailableException right after CreateTable: try a few times, then read back. */
const UNAVAILABLE_ATTEMPTS = 3;

/** `pricePerGbMonth`: DynamoDB's on-demand backup storage price, when known, to show what each backup costs. */
function backupLine(backup: BackupInfo, nowMs: number, pricePerGbMonth?: number): string {
  const cost =
    backup.type === 'AWS_BACKUP'
      ? ' (billed by AWS Backup)'
      : pricePerGbMonth === undefined
        ? ''
        : ` · ${formatUsd((backup.sizeBytes / BYTES_PER_GB) * pricePerGbMonth)}/month`;
  return `• \`${backup.name}\` of \`${backup.tableName}\` · ${formatInstantThreeWays(backup.createdMs, nowMs)} · ${formatBytes(backup.sizeBytes)} · ${backup.type}${cost} · ${backup.status}`;
}

/** On-demand backups and point-in-time recovery (design §2): create, list, delete; PITR status, on, off. */
export class BackupService {
  constructor(private readonly deps: BackupServiceDeps) {}

  async create(command: Extract<Command, { verb: 'backup' }>, region: string, context: ActorContext): Promise<Reply> {
    const scope = this.deps.policy.isTableInScope(command.table);
    if (!scope.allowed) return ephemeral(scope.reason);
    const refused = await this.requireActive(region, command.table);
    if (refused !== undefined) return refused;
    const name = command.name ?? timestampedName(command.table, this.deps.clock.now().getTime());
    if (this.deps.backupRequiresApproval) {
      const info = await this.deps.gateway.describeTable(region, command.table);
      const request = this.newRequest('create_backup', context, {
        region,
        table: command.table,
        source: { type: 'none' },
        sizeBytes: (info?.sizeBytes ?? 0) + (info?.lsiSizeBytes ?? 0),
        tableInfo: info,
        name,
      });
      return this.store(
        request,
        `Backups need approval here: backing up \`${command.table}\` as \`${name}\` waits for someone else on the card in this channel.`,
      );
    }
    const backup = await this.withUnavailableRetry(() => this.deps.gateway.createBackup(region, command.table, name));
    this.deps.logger.info(`Backup ${backup.arn} created by ${context.userId}`);
    await this.deps.log.recordTableEvent(region, command.table, {
      atMs: this.deps.clock.now().getTime(),
      actorId: context.userId,
      event: 'backup created',
      detail: name,
    });
    return this.backupReply(backup, region, WATCH_TIMES);
  }

  async list(region: string, table: string | undefined, page: number, invokedAs: string): Promise<Reply> {
    const [backups, prices] = await Promise.all([
      this.deps.gateway.listBackups(region, table),
      this.deps.cost.pricesFor(region),
    ]);
    const nowMs = this.deps.clock.now().getTime();
    const where = table === undefined ? `in ${region}` : `of \`${table}\` in ${region}`;
    if (backups.length === 0) return ephemeral(`No backups ${where}.`);
    const pages = Math.ceil(backups.length / PAGE_SIZE);
    const current = Math.min(page, pages);
    const shown = backups.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
    const next = [`backups${table ? ` ${table}` : ''}`, `page ${current + 1}`, `in ${region}`].join(' ');
    return {
      visibility: 'ephemeral',
      text: `${backups.length} backup(s) ${where}, newest first (page ${current} of ${pages}):`,
      sections: [
        shown.map((b) => backupLine(b, nowMs, prices.backupPerGbMonth)).join('\n'),
        `Sizes are DynamoDB’s, refreshed about every six hours. Monthly storage at list prices (${describePriceSource(prices)}).`,
      ],
      actions:
        current < pages
          ? [{ kind: 'rerun', label: `Show more (page ${current + 1} of ${pages})`, command: next, invokedAs }]
          : undefined,
    };
  }

  /** Deleting a backup needs approval by someone else, like a restore. */
  async requestDelete(
    ref: Extract<BackupRef, { type: 'name' | 'arn' }>,
    region: string,
    context: ActorContext,
  ): Promise<Reply> {
    const backupRegion = ref.type === 'arn' ? ref.region : region;
    const matches =
      ref.type === 'arn'
        ? [await this.deps.gateway.describeBackup(backupRegion, ref.arn)].filter(
            (b): b is BackupInfo => b !== undefined,
          )
        : (await this.deps.gateway.listBackups(backupRegion)).filter((b) => b.name === ref.name);
    if (matches.length === 0) {
      return ephemeral(
        `No backup ${ref.type === 'arn' ? 'with that ARN' : `named \`${ref.name}\``} in ${backupRegion}.`,
        [`\`${asTyped(context.invokedAs, 'backups')}\` lists them.`],
      );
    }
    const nowMs = this.deps.clock.now().getTime();
    if (matches.length > 1) {
      return ephemeral(
        `${matches.length} backups are named \`${matches[0]?.name}\`. Which one?`,
        [matches.map((b) => backupLine(b, nowMs)).join('\n')],
        matches.slice(0, 20).map((b, i) => ({
          kind: 'rerun',
          label: `${i + 1}. ${b.tableName} ${new Date(b.createdMs).toISOString().slice(0, 16)}Z`.slice(0, 75),
          command: `delete backup ${b.arn}`,
          invokedAs: context.invokedAs,
        })),
      );
    }
    const backup = matches[0] as BackupInfo;
    const scope = this.deps.policy.isTableInScope(backup.tableName);
    if (!scope.allowed) return ephemeral(scope.reason);
    const request = this.newRequest('delete_backup', context, {
      region: backupRegion,
      table: backup.tableName,
      source: { type: 'backup', backupArn: backup.arn, backupName: backup.name, backupCreatedMs: backup.createdMs },
      sizeBytes: backup.sizeBytes,
    });
    return this.store(
      request,
      `Deleting backup \`${backup.name}\` needs approval by someone else: the request card is in this channel.`,
    );
  }

  async pitrStatus(region: string, table: string): Promise<Reply> {
    const pitr = await this.deps.gateway.describePitr(region, table);
    const nowMs = this.deps.clock.now().getTime();
    if (!pitr.enabled)
      return ephemeral(`Point-in-time recovery is *off* for \`${table}\` in ${region}: there is no restore window.`);
    return ephemeral(`Point-in-time recovery is *on* for \`${table}\` in ${region}.`, [
      `*Recovery period:* ${pitr.recoveryPeriodDays ?? 35} days`,
      `*Earliest restorable:* ${pitr.earliestMs === undefined ? 'not yet known' : formatInstantThreeWays(pitr.earliestMs, nowMs)}`,
      `*Latest restorable:* ${pitr.latestMs === undefined ? 'not yet known' : formatInstantThreeWays(pitr.latestMs, nowMs)}`,
    ]);
  }

  async pitrOn(
    region: string,
    table: string,
    recoveryPeriodDays: number | undefined,
    context: ActorContext,
  ): Promise<Reply> {
    const scope = this.deps.policy.isTableInScope(table);
    if (!scope.allowed) return ephemeral(scope.reason);
    const info = await this.deps.gateway.describeTable(region, table);
    if (info === undefined) return this.notFound(region, table);
    await this.withUnavailableRetry(() => this.deps.gateway.updatePitr(region, table, true, recoveryPeriodDays));
    const after = await this.deps.gateway.describePitr(region, table); // read back: never claim what AWS did not do
    if (!after.enabled) {
      return ephemeral(`DynamoDB accepted the change, but PITR still reads as off for \`${table}\`.`, [
        'Check again in a minute with `pitr <table>`.',
      ]);
    }
    const billed = info.sizeBytes + info.lsiSizeBytes;
    await this.deps.log.recordTableEvent(region, table, {
      atMs: this.deps.clock.now().getTime(),
      actorId: context.userId,
      event: 'PITR turned on',
      detail: `${after.recoveryPeriodDays ?? recoveryPeriodDays ?? 35} days`,
    });
    const adds = await this.deps.cost.pitrMonthlyFor(region, billed);
    return ephemeral(
      `Point-in-time recovery is *on* for \`${table}\` in ${region} (recovery period ${after.recoveryPeriodDays ?? recoveryPeriodDays ?? 35} days).`,
      [
        `It adds about ${adds ?? 'an amount I have no list price for'}. PITR is billed per GB-month on the table's size including local secondary indexes: about ${formatBytes(billed)} today. The price does not depend on the recovery period.`,
        'The restore window starts now; it grows to the full period over time.',
      ],
    );
  }

  /** Turning PITR off destroys the restore window: it needs approval, and the card says so. */
  async requestPitrOff(region: string, table: string, context: ActorContext): Promise<Reply> {
    const scope = this.deps.policy.isTableInScope(table);
    if (!scope.allowed) return ephemeral(scope.reason);
    const info = await this.deps.gateway.describeTable(region, table);
    if (info === undefined) return this.notFound(region, table);
    const pitr = await this.deps.gateway.describePitr(region, table);
    if (!pitr.enabled) return ephemeral(`Point-in-time recovery is already off for \`${table}\`.`);
    const request = this.newRequest('disable_pitr', context, {
      region,
      table,
      source: { type: 'none' },
      sizeBytes: info.sizeBytes + info.lsiSizeBytes,
      tableInfo: info,
      window: pitr,
    });
    return this.store(
      request,
      `Turning PITR off for \`${table}\` needs approval by someone else: the request card (with what will be lost) is in this channel.`,
    );
  }

  private backupReply(backup: BackupInfo, region: string, watchesLeft: number): Reply {
    const nowMs = this.deps.clock.now().getTime();
    const done = backup.status !== 'CREATING' || watchesLeft <= 0;
    return {
      visibility: 'ephemeral',
      text: `Backup \`${backup.name}\` of \`${backup.tableName}\`: ${backup.status}${done ? '' : ' (this message updates)'}`,
      sections: [
        `*ARN:* \`${backup.arn}\`\n*Created:* ${formatInstantThreeWays(backup.createdMs, nowMs)}\n*Size:* about ${formatBytes(backup.sizeBytes)}`,
      ],
      followUp: done
        ? undefined
        : async () => {
            await this.deps.sleep(WATCH_EVERY_MS);
            const latest = await this.deps.gateway.describeBackup(region, backup.arn);
            return latest === undefined
              ? undefined
              : this.backupReply({ ...latest, tableName: backup.tableName }, region, watchesLeft - 1);
          },
    };
  }

  private async requireActive(region: string, table: string): Promise<Reply | undefined> {
    const info = await this.deps.gateway.describeTable(region, table);
    if (info === undefined) return this.notFound(region, table);
    if (info.status !== 'ACTIVE') {
      return ephemeral(`\`${table}\` is ${info.status}, not ACTIVE, so it can't be backed up right now.`, [
        'Try again when the table is ACTIVE.',
      ]);
    }
    return undefined;
  }

  private notFound(region: string, table: string): Reply {
    return ephemeral(`Table \`${table}\` was not found in ${region}.`, [
      'Names are case-sensitive; end the command with `in <region>` for another region.',
    ]);
  }

  private async withUnavailableRetry<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (!isAwsCallError(error, 'ContinuousBackupsUnavailableException') || attempt >= UNAVAILABLE_ATTEMPTS)
          throw error;
        await this.deps.sleep(5000 * attempt);
      }
    }
  }

  private newRequest(
    kind: RequestKind,
    context: ActorContext,
    input: {
      region: string;
      table: string;
      source: RestoreSource;
      sizeBytes: number;
      tableInfo?: TableInfo;
      window?: { earliestMs?: number; latestMs?: number };
      /** For a backup to create: its name. */
      name?: string;
    },
  ): RestoreRequest {
    return newPendingRequest(
      {
        kind,
        region: input.region,
        sourceTable: input.table,
        source: input.source,
        targetTable: input.name ?? '',
        snapshot: {
          tableArn: input.tableInfo?.arn ?? '',
          sizeBytes: input.sizeBytes,
          itemCount: input.tableInfo?.itemCount ?? 0,
          restoreSizeBytes: 0,
          windowEarliestMs: input.window?.earliestMs,
          windowLatestMs: input.window?.latestMs,
        },
      },
      context,
      {
        nowMs: this.deps.clock.now().getTime(),
        ttlMinutes: this.deps.requestTtlMinutes,
        detail: kind.replace('_', ' '),
      },
    );
  }

  private async store(request: RestoreRequest, confirmation: string): Promise<Reply> {
    if (request.channelId.startsWith('D'))
      return ephemeral('Ask in a channel, so an approver can see the request card.');
    await this.deps.requests.create(request);
    const refused = await publishRequestCard(this.deps, request);
    return (
      refused ??
      ephemeral(`${confirmation} Request ${request.requestId} expires in ${this.deps.requestTtlMinutes} minutes.`)
    );
  }
}
