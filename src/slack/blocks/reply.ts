import type { KnownBlock } from '@slack/types';
import type { Reply, ReplyAction } from '../../domain/reply';
import { ACTION_IDS } from '../ids';
import { SLACK_LIMITS } from '../limits';
import { encodeDecisionValue, encodeRerunValue } from './button-values';

export interface RenderedReply {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  blocks: KnownBlock[];
}

/** Splits text into chunks under `limit` characters, at line breaks where possible, never dropping any. */
export function splitText(text: string, limit: number = SLACK_LIMITS.sectionTextChars): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (let start = 0; start < Math.max(line.length, 1); start += limit) {
      const piece = line.slice(start, start + limit);
      const candidate = current === '' ? piece : `${current}\n${piece}`;
      if (candidate.length <= limit) {
        current = candidate;
      } else {
        chunks.push(current);
        current = piece;
      }
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

export function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function truncateLabel(label: string): string {
  return label.length <= SLACK_LIMITS.buttonLabelChars
    ? label
    : `${label.slice(0, SLACK_LIMITS.buttonLabelChars - 1)}…`;
}

function button(action: ReplyAction, index: number) {
  const { actionId, value } =
    action.kind === 'rerun'
      ? {
          actionId: `${ACTION_IDS.rerun}_${index}`,
          value: encodeRerunValue({ command: action.command, invokedAs: action.invokedAs }),
        }
      : {
          actionId: action.name === 'reapply_settings' ? ACTION_IDS.reapplySettings : ACTION_IDS.cloneAlarms,
          value: encodeDecisionValue({ requestId: action.requestId, digest: action.digest }),
        };
  return {
    type: 'button' as const,
    action_id: actionId,
    text: { type: 'plain_text' as const, text: truncateLabel(action.label) },
    value,
    ...(action.style ? { style: action.style } : {}),
  };
}

function actionsBlock(actions: ReplyAction[]): KnownBlock {
  return { type: 'actions', elements: actions.slice(0, 25).map(button) };
}

/**
 * A Reply as as many Slack messages as it takes (50 blocks each), for thread posts where nothing may
 * be cut. The buttons go with the last message.
 */
export function renderReplyMessages(reply: Reply): RenderedReply[] {
  const blocks = [reply.text, ...(reply.sections ?? [])].flatMap((t) => splitText(t)).map(section);
  const actions = reply.actions?.length ? [actionsBlock(reply.actions)] : [];
  const all = [...blocks, ...actions];
  const messages: RenderedReply[] = [];
  for (let start = 0; start < all.length; start += SLACK_LIMITS.blocksPerMessage) {
    const part = messages.length === 0 ? reply.text : `${reply.text} (continued)`;
    messages.push({
      response_type: reply.visibility,
      text: part,
      blocks: all.slice(start, start + SLACK_LIMITS.blocksPerMessage),
    });
  }
  return messages;
}

/** A Reply as a Slack message: the summary, then each section, split to fit Slack's limits. */
export function renderReply(reply: Reply): RenderedReply {
  const texts = [reply.text, ...(reply.sections ?? [])].flatMap((t) => splitText(t));
  const actions = reply.actions?.length ? [actionsBlock(reply.actions)] : [];
  const room = SLACK_LIMITS.blocksPerMessage - actions.length;
  let blocks = texts.map(section);
  if (blocks.length > room) {
    const shown = room - 1;
    blocks = [
      ...blocks.slice(0, shown),
      section(`…and ${texts.length - shown} more parts that do not fit in one Slack message.`),
    ];
  }
  return { response_type: reply.visibility, text: reply.text, blocks: [...blocks, ...actions] };
}
