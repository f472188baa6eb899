import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { DecisionAction } from '../../domain/restore/decisions';
import type { Services } from '../../services';
import { parseDecisionValue } from '../blocks/button-values';
import { renderReply } from '../blocks/reply';
import { DECISION_ACTION_PATTERN } from '../ids';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Approve / Deny / Cancel on a request card. The reply goes to the clicker alone. */
export function registerDecisionListener(app: App, { decisions }: Services): void {
  app.action<BlockAction<ButtonAction>>(DECISION_ACTION_PATTERN, async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const verb = DECISION_ACTION_PATTERN.exec(action.action_id)?.[1] as DecisionAction;
    const reply = await decisions.decide({
      action: verb,
      reference: parseDecisionValue(action.value),
      userId: body.user.id,
      teamId: body.team?.id ?? body.user.team_id,
      enterpriseId: body.enterprise?.id ?? body.team?.enterprise_id ?? undefined,
      channelId: body.channel?.id ?? body.container?.channel_id,
      messageTs: body.message?.ts ?? body.container?.message_ts,
    });
    await respond({ ...renderReply(reply), response_type: 'ephemeral', replace_original: false });
  });
}
