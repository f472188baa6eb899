import type { webApi } from '@slack/bolt';
import type { Reply } from '../domain/reply';
import type { RestoreRequest } from '../domain/request';
import { ChannelUnreachableError, type RequestNotifier } from '../domain/restore/notifier';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { renderReply, renderReplyMessages } from './blocks/reply';
import { buildRequestCard } from './blocks/request-card';

const UNREACHABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (typeof data?.error === 'string') return data.error;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Request cards and their threads, through the Slack Web API. */
export class SlackRequestNotifier implements RequestNotifier {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async postCard(request: RestoreRequest): Promise<string> {
    const card = buildRequestCard(request, this.clock.now().getTime());
    try {
      const result = await this.client.chat.postMessage({ channel: request.channelId, ...card });
      if (!result.ts) throw new Error('Slack returned no message ts for the request card');
      return result.ts;
    } catch (error) {
      const code = slackErrorCode(error);
      if (code !== undefined && UNREACHABLE.has(code)) throw new ChannelUnreachableError(request.channelId, code);
      throw error;
    }
  }

  async updateCard(request: RestoreRequest): Promise<boolean> {
    if (request.messageTs === undefined) return true; // no card was ever posted: nothing to edit
    const card = buildRequestCard(request, this.clock.now().getTime());
    return this.attempt(`update the card of ${request.requestId}`, () =>
      this.client.chat.update({ channel: request.channelId, ts: request.messageTs as string, ...card }),
    );
  }

  async postInThread(request: RestoreRequest, reply: Reply): Promise<boolean> {
    return (await this.postThreadMessage(request, reply)) !== undefined;
  }

  async postThreadMessage(request: RestoreRequest, reply: Reply): Promise<string | undefined> {
    let lastTs: string | undefined;
    for (const { text, blocks } of renderReplyMessages(reply)) {
      const posted = await this.attempt(`post in the thread of ${request.requestId}`, async () => {
        const result = await this.client.chat.postMessage({
          channel: request.channelId,
          thread_ts: request.messageTs,
          text,
          blocks,
        });
        lastTs = result.ts;
      });
      if (!posted) return undefined;
    }
    return lastTs;
  }

  async postToChannel(channelId: string, reply: Reply): Promise<boolean> {
    const { text, blocks } = renderReply(reply);
    return this.attempt(`post in ${channelId}`, () =>
      this.client.chat.postMessage({ channel: channelId, text, blocks }),
    );
  }

  async updateThreadMessage(request: RestoreRequest, messageTs: string, reply: Reply): Promise<boolean> {
    const { text, blocks } = renderReply(reply);
    return this.attempt(`edit a thread message of ${request.requestId}`, () =>
      this.client.chat.update({ channel: request.channelId, ts: messageTs, text, blocks }),
    );
  }

  /** Slack refusing (rate limit, outage) is reported as `false`, so the notice is retried later. */
  private async attempt(what: string, call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (error) {
      this.logger.warn(`Could not ${what} (${slackErrorCode(error) ?? 'error'}); will retry`, error);
      return false;
    }
  }
}
