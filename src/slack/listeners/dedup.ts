import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { DedupMarkers } from '../../store/dedup-markers';

/**
 * Slack redelivers an event when our answer was slow or lost (`X-Slack-Retry-Num`), and a process
 * restart or a second instance may see it too. The event's `event_id` is claimed durably, so each
 * event is handled once.
 */
export function dropRedeliveredEvents(dedup: DedupMarkers): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId !== undefined && !(await dedup.claimOnce(`event:${eventId}`))) return;
    await next();
  };
}
