import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { DedupMarkers } from '../../store/dedup-markers';

/**
 * Slack redelivers an event when our answer was slow or lost (`X-Slack-Retry-Num`), and a process
 * restart or a second instance may see it too; a captured slash command could be replayed inside
 * the signature's 5 minutes. Each `event_id` and each command's `trigger_id` is claimed durably, so
 * it is handled once. (Clicks are not deduplicated here: each gets its own answer, and the request's
 * conditional writes make repeats harmless.)
 */
export function dropRedeliveredEvents(dedup: DedupMarkers): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, next } = args;
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId !== undefined && !(await dedup.claimOnce(`event:${eventId}`))) return;
    const isCommand = 'command' in body && typeof body.command === 'string';
    const triggerId =
      isCommand && 'trigger_id' in body && typeof body.trigger_id === 'string' ? body.trigger_id : undefined;
    if (triggerId !== undefined && !(await dedup.claimOnce(`command:${triggerId}`))) {
      if ('ack' in args && typeof args.ack === 'function') await args.ack(); // Slack still gets its answer
      return;
    }
    await next();
  };
}
