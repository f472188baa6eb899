import type { Reply } from '../reply';
import type { RestoreRequest } from '../request';

/** The bot cannot post in the request's channel (not invited, archived, gone). */
export class ChannelUnreachableError extends Error {
  override readonly name = 'ChannelUnreachableError';
  constructor(
    readonly channelId: string,
    /** The chat platform's reason, e.g. `not_in_channel`. */
    readonly reason: string,
  ) {
    super(`Cannot post in ${channelId}: ${reason}`);
  }
}

/**
 * How restore requests reach people; implemented by the Slack layer. Every method renders from the
 * request's current state, so a repeated call shows the same truth.
 */
export interface RequestNotifier {
  /** Posts the request card; returns its message id. Throws ChannelUnreachableError. */
  postCard(request: RestoreRequest): Promise<string>;
  /**
   * Re-renders the card for everyone (status, who decided, progress; buttons only while pending).
   * False when the platform refused (rate limit, outage): the notice stays owed and is retried.
   */
  updateCard(request: RestoreRequest): Promise<boolean>;
  /** A message in the card's thread (completion, failure). False when it could not be posted. */
  postInThread(request: RestoreRequest, reply: Reply): Promise<boolean>;
  /** Like postInThread, returning the id of the (last) message, to edit it later. */
  postThreadMessage(request: RestoreRequest, reply: Reply): Promise<string | undefined>;
  /** A message in a channel, outside any card's thread (scheduled backups). */
  postToChannel(channelId: string, reply: Reply): Promise<boolean>;
  /** Replaces a thread message posted earlier. False when it could not be edited. */
  updateThreadMessage(request: RestoreRequest, messageTs: string, reply: Reply): Promise<boolean>;
}
