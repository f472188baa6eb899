import type { Logger } from '../lib/logger';
import { type Command, parseCommand } from '../parse/command';
import type { ScheduleService } from './backups/schedules';
import type { BackupService } from './backups/service';
import type { CostService } from './cost/service';
import { isAwsCallError, isUserError, type UserError } from './errors';
import { buildHelp } from './help';
import type { PeopleDirectory } from './people';
import { ephemeral, type Reply, renderAwsError } from './reply';
import type { RestoreRequester } from './restore/requester';
import type { SettingsService } from './settings/service';
import type { StatusService } from './status';

/** Who asked, where, and what they typed; the same for slash commands, mentions, DMs and buttons. */
export interface CommandContext {
  text: string;
  userId: string;
  channelId: string;
  teamId: string;
  enterpriseId?: string;
  /** How the person reached the bot, e.g. `/ddb` or `@ddb` ('' in a DM); used in examples. */
  invokedAs: string;
}

export interface DispatcherDeps {
  logger: Logger;
  people: PeopleDirectory;
  restores: RestoreRequester;
  status: StatusService;
  settings: SettingsService;
  backups: BackupService;
  schedules: ScheduleService;
  cost: CostService;
  defaultRegion: string;
}

/** Routes one command to the service that handles it and returns what to say. */
export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  async handle(context: CommandContext): Promise<Reply> {
    try {
      const command = parseCommand(context.text, { invokedAs: context.invokedAs });
      this.deps.logger.debug(`command ${command.verb} from ${context.userId}`);
      return await this.route(command, context);
    } catch (error) {
      if (isUserError(error)) return renderUserError(error);
      if (isAwsCallError(error)) return renderAwsError(error); // every command answers AWS failures the same way
      throw error;
    }
  }

  private async route(command: Command, context: CommandContext): Promise<Reply> {
    const { deps } = this;
    const region = command.region ?? deps.defaultRegion;
    switch (command.verb) {
      case 'help':
        return buildHelp(context.invokedAs);
      case 'restore':
        return deps.restores.request(command, { ...context, timeZone: await this.timeZoneOf(context.userId) });
      case 'backup':
        return deps.backups.create(command, region, context);
      case 'backups':
        return deps.backups.list(region, command.table, command.page ?? 1, context.invokedAs);
      case 'delete_backup':
        return deps.backups.requestDelete(command.backup, region, context);
      case 'pitr':
        if (command.action === 'status') return deps.backups.pitrStatus(region, command.table);
        if (command.action === 'on')
          return deps.backups.pitrOn(region, command.table, command.recoveryPeriodDays, context);
        return deps.backups.requestPitrOff(region, command.table, context);
      case 'schedule':
        return deps.schedules.schedule(region, command.table, command.schedule, context);
      case 'schedules':
        return deps.schedules.list();
      case 'unschedule':
        return deps.schedules.unschedule(region, command.table, context);
      case 'cost':
        return command.table === undefined
          ? deps.cost.regionSummary(region)
          : deps.cost.tableCost(region, command.table);
      case 'checklist':
        return deps.settings.checklistById(command.requestId);
      case 'compare':
        return deps.settings.compare(command.region ?? deps.defaultRegion, command.source, command.target);
      case 'status':
        return deps.status.status(context.invokedAs, command.requestId);
      case 'history':
        return deps.status.history(command.region ?? deps.defaultRegion, command.table);
    }
  }

  /** The requester's zone from Slack; unknown (not fatal) if Slack cannot say. */
  private async timeZoneOf(userId: string): Promise<string | undefined> {
    try {
      return await this.deps.people.timeZoneOf(userId);
    } catch (error) {
      this.deps.logger.warn(`Could not read the time zone of ${userId}:`, error);
      return undefined;
    }
  }
}

export function renderUserError(error: UserError): Reply {
  return ephemeral(error.hint ? `${error.message}\n${error.hint}` : error.message);
}
