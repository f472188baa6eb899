import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import type { Clock } from '../lib/clock';
import { isTimestampFromTheFuture } from './signature';

export { isTimestampFromTheFuture } from './signature';

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

export function createSocketModeReceiver(appToken: string, logger: SlackLogger): SocketModeReceiver {
  return new SocketModeReceiver({ appToken, logger });
}
