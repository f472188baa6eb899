import type { KnownBlock } from '@slack/types';
import type { Reply } from '../../domain/reply';
import { SLACK_LIMITS } from '../limits';

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

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** A Reply as a Slack message: the summary, then each section, split to fit Slack's limits. */
export function renderReply(reply: Reply): RenderedReply {
  const texts = [reply.text, ...(reply.sections ?? [])].flatMap((t) => splitText(t));
  let blocks = texts.map(section);
  if (blocks.length > SLACK_LIMITS.blocksPerMessage) {
    const shown = SLACK_LIMITS.blocksPerMessage - 1;
    blocks = [
      ...blocks.slice(0, shown),
      section(`…and ${texts.length - shown} more parts that do not fit in one Slack message.`),
    ];
  }
  return { response_type: reply.visibility, text: reply.text, blocks };
}
