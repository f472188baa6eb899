import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services';
import { renderReply } from '../blocks/reply';

/** Any slash command: the command's name comes from manifest.yml, so the code never assumes it. */
export function registerCommandListener(app: App, { dispatcher }: Services): void {
  app.command(/^\/.+/, async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
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
    // Replies that change (a backup going from CREATING to AVAILABLE) replace themselves in place.
    for (let next = await reply.followUp?.(); next !== undefined; next = await next.followUp?.()) {
      await respond({ ...renderReply(next), replace_original: true });
    }
  });
}
