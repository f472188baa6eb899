import type { Clock } from '../../lib/clock';
import { formatBytes, formatInstantThreeWays, formatInZone, formatIsoUtc } from '../../lib/format';
import type { Logger } from '../../lib/logger';
import type { BackupRef, Command } from '../../parse/command';
import { parseBackupArn } from '../../parse/names';
import { parseInstant } from '../../parse/time';
import type { RestoreRequests } from '../../store/restore-requests';
import type { CostService } from '../cost/service';
import { asTyped } from '../invocation';
import type { Policy } from '../policy';
import { ephemeral, type Reply, type ReplyAction } from '../reply';
import type { RequestKind, RestoreRequest, RestoreSource } from '../request';
import type { SettingsService } from '../settings/service';
import type { BackupInfo, DynamoDbGateway, TableInfo } from '../tables';
import { describeSource } from './messages';
import { defaultTargetName, newPendingRequest, numberedName } from './naming';
import type { RequestNotifier } from './notifier';
import { publishRequestCard } from './publish';

type RestoreCommand = Extract<Command, { verb: 'restore' }>;

export interface RequestContext {
  userId: string;
  channelId: string;
  teamId: string;
  enterpriseId?: string;
  invokedAs: string;
  timeZone?: string;
}

export interface RestoreRequesterDeps {
  gateway: DynamoDbGateway;
  requests: RestoreRequests;
  notifier: RequestNotifier;
  policy: Policy;
  settings: SettingsService;
  cost: CostService;
  clock: Clock;
  logger: Logger;
  defaultRegion: string;
  requestTtlMinutes: number;
}

/** What a restore will start from, once resolved and checked. */
interface ResolvedSource {
  kind: RequestKind;
  source: RestoreSource;
  /** The instant the default target name is stamped with. */
  stampMs: number;
  /** The PITR window as read while checking the time (point-in-time restores only). */
  window?: { earliestMs?: number; latestMs?: number };
}

/**
 * Step 1–3 of the restore flow (design §3): check, resolve, snapshot, store, post the card.
 * Every refusal is a Reply for the requester alone; nothing is stored unless all checks pass.
 */
export class RestoreRequester {
  constructor(private readonly deps: RestoreRequesterDeps) {}

  async request(command: RestoreCommand, context: RequestContext): Promise<Reply> {
    const { deps } = this;
    if (context.channelId.startsWith('D')) {
      return ephemeral('Ask for restores in a channel, so an approver can see the request card.', [
        `For example, in your incident channel: \`${asTyped(context.invokedAs === '' ? '/ddb' : context.invokedAs, `restore ${command.table} to 10 minutes ago`)}\``,
      ]);
    }
    const allowed = await deps.policy.canRequest({
      userId: context.userId,
      channelId: context.channelId,
      table: command.table,
    });
    if (!allowed.allowed) return ephemeral(allowed.reason);
    const region = command.region ?? deps.defaultRegion;
    const table = await deps.gateway.describeTable(region, command.table);
    if (table === undefined) {
      return ephemeral(`Table \`${command.table}\` was not found in ${region}.`, [
        'Names are case-sensitive. For another region, end the command with `in <region>`, e.g. `in eu-west-1`.',
      ]);
    }
    const resolved = await this.resolveSource(command, table, region, context);
    if ('visibility' in resolved) return resolved;
    const target = await this.chooseTarget(command, resolved, region, context);
    if (typeof target !== 'string') return target;
    return this.store(command, context, { region, table, resolved, target });
  }

  private async resolveSource(
    command: RestoreCommand,
    table: TableInfo,
    region: string,
    context: RequestContext,
  ): Promise<ResolvedSource | Reply> {
    if (command.from.type === 'backup') return this.resolveBackup(command, command.from.backup, region, context);
    const now = this.deps.clock.now();
    const resolution = parseInstant(command.from.phrase, { now, timeZone: context.timeZone });
    if (resolution.kind === 'question') {
      return ephemeral(
        resolution.question,
        undefined,
        resolution.options.map((option) =>
          this.rerun(context, `Use ${option.understoodAs}`, {
            ...command,
            from: { type: 'time', phrase: formatIsoUtc(option.atMs) },
          }),
        ),
      );
    }
    const pitr = await this.deps.gateway.describePitr(region, table.name);
    if (!pitr.enabled) return this.pitrDisabled(command, region, context);
    const pitrWindow = { earliestMs: pitr.earliestMs ?? 0, latestMs: pitr.latestMs ?? now.getTime() };
    const window = { earliestMs: pitr.earliestMs, latestMs: pitr.latestMs };
    if (resolution.kind === 'latest') {
      return { kind: 'restore_point_in_time', source: { type: 'latest' }, stampMs: now.getTime(), window };
    }
    const nowMs = now.getTime();
    if (resolution.atMs < pitrWindow.earliestMs) {
      return ephemeral(
        `That restore point is older than \`${table.name}\`'s restore window, so it can't be restored.`,
        [
          `You asked for: ${formatInstantThreeWays(resolution.atMs, nowMs)}`,
          `The window is from ${formatInstantThreeWays(pitrWindow.earliestMs, nowMs)}\nto ${formatInstantThreeWays(pitrWindow.latestMs, nowMs)}` +
            `${pitr.recoveryPeriodDays ? ` (recovery period: ${pitr.recoveryPeriodDays} days)` : ''}.`,
          `For older data, restore a backup: \`${asTyped(context.invokedAs, `backups ${table.name}`)}\` lists them.`,
        ],
      );
    }
    if (resolution.atMs > pitrWindow.latestMs) {
      return ephemeral(
        `That restore point is later than DynamoDB's latest restorable time for \`${table.name}\` (it usually trails now by about 5 minutes).`,
        [
          `You asked for: ${formatInstantThreeWays(resolution.atMs, nowMs)}`,
          `Latest restorable: ${formatInstantThreeWays(pitrWindow.latestMs, nowMs)}`,
        ],
        [
          this.rerun(
            context,
            'Use the latest restorable time',
            { ...command, from: { type: 'time', phrase: formatIsoUtc(pitrWindow.latestMs) } },
            'primary',
          ),
        ],
      );
    }
    return {
      kind: 'restore_point_in_time',
      source: { type: 'instant', restorePointMs: resolution.atMs, understoodAs: resolution.understoodAs },
      stampMs: resolution.atMs,
      window,
    };
  }

  private async pitrDisabled(command: RestoreCommand, region: string, context: RequestContext): Promise<Reply> {
    const backups = (await this.deps.gateway.listBackups(region, command.table))
      .filter((b) => b.status === 'AVAILABLE')
      .slice(0, 3);
    const nowMs = this.deps.clock.now().getTime();
    const backupLines =
      backups.length === 0
        ? `There are no on-demand backups of \`${command.table}\` either.`
        : `Its newest backups:\n${backups.map((b) => `• \`${b.name}\` · ${formatInstantThreeWays(b.createdMs, nowMs)} · ${formatBytes(b.sizeBytes)}`).join('\n')}`;
    return ephemeral(
      `Point-in-time recovery is off for \`${command.table}\` in ${region}, so there is no restore window.`,
      [
        `Turn it on with \`${asTyped(context.invokedAs, `pitr ${command.table} on`)}\` (the window starts from then), or restore a backup.`,
        backupLines,
      ],
      backups.map((b) =>
        this.rerun(context, `Restore ${b.name}`.slice(0, 75), {
          ...command,
          from: { type: 'backup', backup: { type: 'name', name: b.name } },
        }),
      ),
    );
  }

  private async resolveBackup(
    command: RestoreCommand,
    ref: BackupRef,
    region: string,
    context: RequestContext,
  ): Promise<ResolvedSource | Reply> {
    let backup: BackupInfo | undefined;
    if (ref.type === 'arn') {
      if (ref.table !== command.table) {
        return ephemeral(`That backup is of table \`${ref.table}\`, not \`${command.table}\`.`, [
          `Ask again with \`restore ${ref.table} from backup …\`.`,
        ]);
      }
      if (ref.region !== region) {
        return ephemeral(`That backup is in ${ref.region}, but the restore would run in ${region}.`, [
          `End the command with \`in ${ref.region}\`.`,
        ]);
      }
      backup = await this.deps.gateway.describeBackup(region, ref.arn);
      if (backup === undefined)
        return ephemeral('DynamoDB has no backup with that ARN.', [
          `\`${asTyped(context.invokedAs, `backups ${command.table}`)}\` lists the current ones.`,
        ]);
    } else {
      const all = (await this.deps.gateway.listBackups(region, command.table)).filter(
        (b) => b.tableName === command.table,
      );
      const candidates =
        ref.type === 'latest'
          ? all.filter((b) => b.status === 'AVAILABLE').slice(0, 1)
          : all.filter((b) => b.name === ref.name);
      if (candidates.length === 0) {
        return ephemeral(
          ref.type === 'latest'
            ? `\`${command.table}\` has no available on-demand backup in ${region}.`
            : `\`${command.table}\` has no backup named \`${ref.name}\` in ${region}.`,
          [`\`${asTyped(context.invokedAs, `backups ${command.table}`)}\` lists its backups.`],
        );
      }
      if (candidates.length > 1) return this.pickBackup(command, candidates, context);
      backup = candidates[0];
    }
    if (backup === undefined) throw new Error('unreachable: a backup was chosen above');
    if (backup.status !== 'AVAILABLE') {
      return ephemeral(`Backup \`${backup.name}\` is ${backup.status}, not AVAILABLE, so it can't be restored yet.`);
    }
    return {
      kind: 'restore_from_backup',
      source: { type: 'backup', backupArn: backup.arn, backupName: backup.name, backupCreatedMs: backup.createdMs },
      stampMs: backup.createdMs,
    };
  }

  private pickBackup(command: RestoreCommand, candidates: BackupInfo[], context: RequestContext): Reply {
    const nowMs = this.deps.clock.now().getTime();
    const shown = candidates.slice(0, 20);
    return ephemeral(
      `${candidates.length} backups of \`${command.table}\` are named \`${shown[0]?.name}\`. Which one?`,
      [
        shown
          .map(
            (b, i) =>
              `${i + 1}. ${formatInstantThreeWays(b.createdMs, nowMs)} · ${formatBytes(b.sizeBytes)} · ${b.status}`,
          )
          .join('\n'),
      ],
      shown.map((b, i) =>
        this.rerun(context, `${i + 1}. ${formatIsoUtc(b.createdMs).slice(0, 16)}Z`, {
          ...command,
          from: { type: 'backup', backup: backupRefFor(b) },
        }),
      ),
    );
  }

  /** The target must not exist: RestoreTable* fails if it does, and nothing is ever overwritten. */
  private async chooseTarget(
    command: RestoreCommand,
    resolved: ResolvedSource,
    region: string,
    context: RequestContext,
  ): Promise<string | Reply> {
    const wanted = command.target ?? defaultTargetName(command.table, resolved.stampMs);
    if ((await this.deps.gateway.describeTable(region, wanted)) === undefined) return wanted;
    for (let n = 2; n <= 9; n += 1) {
      const candidate = numberedName(wanted, n);
      if ((await this.deps.gateway.describeTable(region, candidate)) === undefined) {
        return ephemeral(
          `A table named \`${wanted}\` already exists in ${region}; a restore never overwrites a table.`,
          [`\`${candidate}\` is free.`],
          [this.rerun(context, `Restore as ${candidate}`.slice(0, 75), { ...command, target: candidate }, 'primary')],
        );
      }
    }
    return ephemeral(`A table named \`${wanted}\` already exists in ${region}; a restore never overwrites a table.`, [
      'Choose a new name with `as <name>`.',
    ]);
  }

  private async store(
    command: RestoreCommand,
    context: RequestContext,
    { region, table, resolved, target }: { region: string; table: TableInfo; resolved: ResolvedSource; target: string },
  ): Promise<Reply> {
    const { deps } = this;
    const nowMs = deps.clock.now().getTime();
    const restoreSizeBytes = table.sizeBytes + table.lsiSizeBytes + table.gsiSizeBytes;
    // The PITR window was read while checking the time: it is not read again here.
    const [sourceSettings, restoreCost] = await Promise.all([
      deps.settings.snapshot(region, table.name), // what the checklist will compare against, as it is now
      deps.cost.restoreCostFor(region, restoreSizeBytes),
    ]);
    const request = newPendingRequest(
      {
        kind: resolved.kind,
        region,
        sourceTable: command.table,
        source: resolved.source,
        targetTable: target,
        snapshot: {
          tableArn: table.arn,
          sizeBytes: table.sizeBytes,
          itemCount: table.itemCount,
          restoreSizeBytes,
          restoreCostUsd: restoreCost?.usd,
          restoreCostSource: restoreCost?.source,
          windowEarliestMs: resolved.window?.earliestMs,
          windowLatestMs: resolved.window?.latestMs,
        },
        sourceSettings,
      },
      context,
      {
        nowMs,
        ttlMinutes: deps.requestTtlMinutes,
        detail: command.from.type === 'time' ? command.from.phrase : undefined,
      },
    );
    await deps.requests.create(request);
    return this.postCard(request);
  }

  private async postCard(request: RestoreRequest): Promise<Reply> {
    const { deps } = this;
    const refused = await publishRequestCard(deps, request);
    if (refused !== undefined) return refused;
    const minutes = deps.requestTtlMinutes;
    const nowMs = deps.clock.now().getTime();
    const inYourZone =
      request.source.type === 'instant' && request.requesterTimeZone !== undefined
        ? `\nIn your time zone: ${formatInZone(request.source.restorePointMs, request.requesterTimeZone)}`
        : '';
    return ephemeral(
      `Restore request ${request.requestId} is waiting for approval by someone else (it expires in ${minutes} minutes).`,
      [
        `Restoring \`${request.sourceTable}\` into a new table \`${request.targetTable}\`. You can cancel it from the card.`,
        `*Restore point:* ${describeSource(request, nowMs)}${inYourZone}`,
      ],
    );
  }

  private rerun(
    context: RequestContext,
    label: string,
    command: RestoreCommand,
    style?: ReplyAction['style'],
  ): ReplyAction {
    return { kind: 'rerun', label, command: restoreCommandText(command), invokedAs: context.invokedAs, style };
  }
}

/** A backup by ARN when it has a standard one (names can be shared), else by name. */
function backupRefFor(backup: BackupInfo): BackupRef {
  const arn = parseBackupArn(backup.arn);
  return arn === undefined ? { type: 'name', name: backup.name } : { type: 'arn', ...arn };
}

/** A restore command as text again, for one-click follow-ups. */
export function restoreCommandText(command: RestoreCommand): string {
  const from =
    command.from.type === 'time'
      ? `to ${command.from.phrase}`
      : `from backup ${command.from.backup.type === 'latest' ? 'latest' : command.from.backup.type === 'arn' ? command.from.backup.arn : command.from.backup.name}`;
  return [
    `restore ${command.table} ${from}`,
    command.target ? `as ${command.target}` : '',
    command.region ? `in ${command.region}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
