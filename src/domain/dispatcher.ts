import type { Logger } from '../lib/logger';
import { parseCommand } from '../parse/command';
import { isUserError, type UserError } from './errors';
import { buildHelp } from './help';
import { asTyped } from './invocation';
import type { PeopleDirectory } from './people';
import { ephemeral, type Reply } from './reply';

/** Who asked, where, and what they typed; the same for slash commands, mentions and DMs. */
export interface CommandContext {
  text: string;
  userId: string;
  channelId: string;
  teamId: string;
  enterpriseId?: string;
  /** How the person reached the bot, e.g. `/ddb` or `@dynamodb-chatops`; used in examples. */
  invokedAs: string;
}

export interface DispatcherDeps {
  logger: Logger;
  people: PeopleDirectory;
}

/** Routes one command to the service that handles it and returns what to say. */
export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  async handle(context: CommandContext): Promise<Reply> {
    try {
      return await this.route(context);
    } catch (error) {
      if (isUserError(error)) return renderUserError(error);
      throw error;
    }
  }

  private async route(context: CommandContext): Promise<Reply> {
    const command = parseCommand(context.text, { invokedAs: context.invokedAs });
    this.deps.logger.debug(`command ${command.verb} from ${context.userId}`);
    switch (command.verb) {
      case 'help':
        return buildHelp(context.invokedAs);
      default:
        return ephemeral(
          `\`${command.verb}\` is not available yet. Try \`${asTyped(context.invokedAs, 'help')}\` for what works today.`,
        );
    }
  }
}

export function renderUserError(error: UserError): Reply {
  return ephemeral(error.hint ? `${error.message}\n${error.hint}` : error.message);
}
