import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Reply } from '../../domain/reply';
import type { Services } from '../../services';
import { renderReply } from '../blocks/reply';

/** `<@U123> restore …` → `restore …` */
function withoutMentions(text: string): string {
  return text.replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ').trim();
}

interface Conversation {
  client: AllMiddlewareArgs['client'];
  channel: string;
  user: string;
  /** Reply in this thread (mentions); unset in a DM. */
  threadTs?: string;
}

/** Ephemeral replies stay private in channels; in a DM everything is private anyway. */
async function answer({ client, channel, user, threadTs }: Conversation, reply: Reply): Promise<void> {
  const { text, blocks } = renderReply(reply);
  if (threadTs !== undefined && reply.visibility === 'ephemeral') {
    await client.chat.postEphemeral({ channel, user, text, blocks, thread_ts: threadTs });
    return;
  }
  await client.chat.postMessage({ channel, text, blocks, thread_ts: threadTs });
}

/** @-mentions in channels and direct messages go to the same dispatcher as the slash command. */
export function registerConversationListeners(app: App, { dispatcher, botName }: Services): void {
  app.event('app_mention', async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    if (event.user === undefined) return; // mentions by other apps carry no user
    const reply = await dispatcher.handle({
      text: withoutMentions(event.text),
      userId: event.user,
      channelId: event.channel,
      teamId: event.team ?? '',
      invokedAs: `@${await botName()}`,
    });
    await answer({ client, channel: event.channel, user: event.user, threadTs: event.thread_ts ?? event.ts }, reply);
  });

  app.event('message', async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    // Only what a person types in a DM with the bot; edits, joins and bot posts have a subtype.
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    const reply = await dispatcher.handle({
      text: withoutMentions(event.text ?? ''),
      userId: event.user,
      channelId: event.channel,
      teamId: event.team ?? '',
      invokedAs: '',
    });
    await answer({ client, channel: event.channel, user: event.user }, reply);
  });
}
