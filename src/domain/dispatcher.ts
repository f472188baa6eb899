import type { Clock } from '../lib/clock';
import { formatIsoUtc } from '../lib/format';
import type { Logger } from '../lib/logger';
import { type Command, parseCommand } from '../parse/command';
import { parseInstant } from '../parse/time';
import { isUserError, type UserError } from './errors';
import { buildHelp } from './help';
import { asTyped } from './invocation';
import type { PeopleDirectory } from './people';
import { ephemeral, type Reply } from './reply';
import { describeRestorePoint } from './restore-point';

/** Who asked, where, and what they typed; the same for slash commands, mentions and DMs. */
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
  clock: Clock;
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
      throw error;
    }
  }

  private async route(command: Command, context: CommandContext): Promise<Reply> {
    switch (command.verb) {
      case 'help':
        return buildHelp(context.invokedAs);
      case 'restore':
        if (command.from.type === 'time') return this.previewRestorePoint(command.table, command.from.phrase, context);
        return notYet(command.verb, context);
      default:
        return notYet(command.verb, context);
    }
  }

  /** Until the restore flow exists: say exactly which instant the phrase means. */
  private async previewRestorePoint(table: string, phrase: string, context: CommandContext): Promise<Reply> {
    const timeZone = await this.timeZoneOf(context.userId);
    const now = this.deps.clock.now();
    const resolution = parseInstant(phrase, { now, timeZone });
    if (resolution.kind === 'question') {
      const options = resolution.options.map((o) => `• ${o.understoodAs} = \`${formatIsoUtc(o.atMs)}\``);
      return ephemeral(resolution.question, [
        `${options.join('\n')}\nAsk again with that time, e.g. \`${asTyped(context.invokedAs, `restore ${table} to ${formatIsoUtc(resolution.options[0]?.atMs ?? 0)}`)}\`.`,
      ]);
    }
    const zoneNote = timeZone === undefined ? '' : ` (your time zone: ${timeZone})`;
    return ephemeral(`Restore point for \`${table}\`: I understood \`${phrase}\`${zoneNote} as`, [
      describeRestorePoint(resolution, { nowMs: now.getTime(), timeZone }),
      'Restores are not available yet, so nothing was started.',
    ]);
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

function notYet(verb: Command['verb'], context: CommandContext): Reply {
  return ephemeral(
    `\`${verb.replace('_', ' ')}\` is not available yet. Try \`${asTyped(context.invokedAs, 'help')}\` for what works today.`,
  );
}

export function renderUserError(error: UserError): Reply {
  return ephemeral(error.hint ? `${error.message}\n${error.hint}` : error.message);
}
