import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import type { Clock } from '../lib/clock';

/** Slack's replay window, both ways. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface HttpReceiverOptions {
  signingSecret: string;
  logger: SlackLogger;
  clock: Clock;
  port?: number;
}

/**
 * Bolt's HTTP receiver (signature check, `/slack/events`), plus the half of the replay check Bolt
 * leaves out: Bolt refuses timestamps more than 5 minutes old but accepts any in the future.
 */
export function createHttpReceiver({ signingSecret, logger, clock, port }: HttpReceiverOptions): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    logger,
    port,
    endpoints: ['/slack/events'],
    // Slack gives 3 s for an ack; our listeners ack first and do slow work afterwards.
    processBeforeResponse: false,
  });
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (isTimestampFromTheFuture(req.headers['x-slack-request-timestamp'], clock)) {
      logger.warn('Refused a Slack request whose timestamp is more than 5 minutes in the future');
      res.writeHead(401);
      res.end();
      return;
    }
    boltListener(req, res);
  };
  return receiver;
}

export function isTimestampFromTheFuture(header: string | string[] | undefined, clock: Clock): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return false; // Bolt refuses the missing header itself
  const timestampSec = Number(value);
  const nowSec = Math.floor(clock.now().getTime() / 1000);
  return Number.isFinite(timestampSec) && timestampSec - nowSec > MAX_CLOCK_SKEW_SECONDS;
}

export function createSocketModeReceiver(appToken: string, logger: SlackLogger): SocketModeReceiver {
  return new SocketModeReceiver({ appToken, logger });
}
