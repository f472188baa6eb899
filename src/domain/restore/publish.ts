import type { RestoreRequests } from '../../store/restore-requests';
import { ephemeral, type Reply } from '../reply';
import type { RestoreRequest } from '../request';
import { ChannelUnreachableError, type RequestNotifier } from './notifier';

/**
 * Posts a stored request's card and links it to the request. When the bot cannot post in the
 * channel the request ends `failed` (nobody could approve it) and the requester is told how to
 * invite the bot; undefined means the card is up.
 */
export async function publishRequestCard(
  { requests, notifier }: { requests: RestoreRequests; notifier: RequestNotifier },
  request: RestoreRequest,
): Promise<Reply | undefined> {
  try {
    const messageTs = await notifier.postCard(request);
    await requests.attachCard(request.requestId, messageTs);
    await requests.clearNotice({ ...request, messageTs });
    return undefined;
  } catch (error) {
    if (!(error instanceof ChannelUnreachableError)) throw error;
    await requests.transition({
      requestId: request.requestId,
      from: ['pending'],
      to: 'failed',
      expectedVersion: request.version,
      audit: { actorId: 'bot', event: 'failed', detail: `request card could not be posted: ${error.reason}` },
      changes: { failure: { code: error.reason, message: 'The request card could not be posted.' } },
    });
    await requests.clearNotice({ ...request, status: 'failed' });
    return ephemeral(
      `I can't post in this channel (${error.reason}), so nobody could approve the request. Nothing was changed.`,
      [
        'Invite me first: type `/invite @ddb` in this channel (or add the app from the channel details), then ask again.',
      ],
    );
  }
}
