import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answeringAwsErrors } from '../../domain/reply';
import type { Services } from '../../services';
import { parseDecisionValue } from '../blocks/button-values';
import { renderReply } from '../blocks/reply';
import { ACTION_IDS } from '../ids';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** "Reapply settings" and "Clone alarms" on a restore's checklist. The reply goes to the clicker. */
export function registerSettingsListener(app: App, { settings }: Services): void {
  for (const [actionId, run] of [
    [ACTION_IDS.reapplySettings, settings.reapply.bind(settings)],
    [ACTION_IDS.cloneAlarms, settings.cloneAlarms.bind(settings)],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond }: ButtonArgs) => {
      await ack();
      const reply = await answeringAwsErrors(() =>
        run({
          reference: parseDecisionValue(action.value),
          userId: body.user.id,
          teamId: body.team?.id ?? body.user.team_id,
        }),
      );
      await respond({ ...renderReply(reply), response_type: 'ephemeral', replace_original: false });
    });
  }
}
