import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ephemeral } from '../../domain/reply';
import type { Services } from '../../services';
import { parseRerunValue } from '../blocks/button-values';
import { renderReply } from '../blocks/reply';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * One-click follow-ups ("use the latest restorable time", "restore this backup"). The button holds
 * a command the clicker could have typed; it runs as the clicker, through every normal check.
 */
export function registerRerunListener(app: App, { dispatcher }: Services): void {
  app.action<BlockAction<ButtonAction>>(
    /^rerun_command(?:_\d+)?$/,
    async ({ ack, body, action, respond }: ButtonArgs) => {
      await ack();
      const value = parseRerunValue(action.value);
      const reply =
        value === undefined
          ? ephemeral('That button is not one I can run. Type the command instead.')
          : await dispatcher.handle({
              text: value.command,
              userId: body.user.id,
              channelId: body.channel?.id ?? body.container?.channel_id ?? '',
              teamId: body.team?.id ?? body.user.team_id ?? '',
              enterpriseId: body.enterprise?.id,
              invokedAs: value.invokedAs,
            });
      await respond({ ...renderReply(reply), response_type: 'ephemeral', replace_original: false });
    },
  );
}
