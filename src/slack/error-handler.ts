import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, CodedError, webApi } from '@slack/bolt';
import type { Logger } from '../lib/logger';

/** Channel and user of whatever Slack sent, when the payload names them. */
function whereFrom(body: Record<string, unknown>): { channel?: string; user?: string } {
  const event = body.event as { channel?: string; user?: string } | undefined;
  const channel = body.channel as { id?: string } | undefined;
  const user = body.user as { id?: string } | undefined;
  return {
    channel: (body.channel_id as string | undefined) ?? event?.channel ?? channel?.id,
    user: (body.user_id as string | undefined) ?? event?.user ?? user?.id,
  };
}

/**
 * The last net for errors no listener expected: log it with a reference and tell the person,
 * so nobody is left with silence.
 */
export function reportUnhandledError(client: webApi.WebClient, logger: Logger) {
  return async ({ error, body }: { error: CodedError; body: AnyMiddlewareArgs['body'] }): Promise<void> => {
    const reference = randomUUID().slice(0, 8);
    logger.error(`Unhandled error (ref ${reference}):`, error.original ?? error);
    const { channel, user } = whereFrom(body as unknown as Record<string, unknown>);
    if (channel === undefined || user === undefined) return;
    try {
      await client.chat.postEphemeral({
        channel,
        user,
        text: `Something went wrong on my side and your command did not finish (ref ${reference}). Nothing was changed in AWS by this error. Try again, or ask the bot's operators to look up ref ${reference}.`,
      });
    } catch (postError) {
      logger.error(`Could not tell the user about error ref ${reference}:`, postError);
    }
  };
}
