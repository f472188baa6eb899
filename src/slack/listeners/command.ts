import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services';
import { renderReply } from '../blocks/reply';

/** Any slash command: the command's name comes from manifest.yml, so the code never assumes it. */
export function registerCommandListener(app: App, { dispatcher }: Services): void {
  app.command(/^\/.+/, async ({ ack, command, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const reply = await dispatcher.handle({
      text: command.text,
      userId: command.user_id,
      channelId: command.channel_id,
      teamId: command.team_id,
      enterpriseId: command.enterprise_id,
      invokedAs: command.command,
    });
    await respond(renderReply(reply));
    if (reply.file !== undefined) {
      try {
        await client.files.uploadV2({
          channel_id: command.channel_id,
          filename: reply.file.filename,
          title: reply.file.title,
          content: reply.file.content,
          initial_comment: `${reply.file.title} (requested by <@${command.user_id}>)`,
        });
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error ?? 'error';
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: `I couldn't share the full list as a file here (${code}). Invite me to the channel, or check that the app has the files:write scope.`,
        });
      }
    }
    // Replies that change (a backup going from CREATING to AVAILABLE) replace themselves in place.
    for (let next = await reply.followUp?.(); next !== undefined; next = await next.followUp?.()) {
      await respond({ ...renderReply(next), replace_original: true });
    }
  });
}
