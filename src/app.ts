import { App, type Receiver } from '@slack/bolt';
import type { AwsClientsFor } from './aws/clients';
import type { Config } from './config/config';
import { Dispatcher } from './domain/dispatcher';
import type { Clock } from './lib/clock';
import { InFlightWork } from './lib/in-flight';
import type { RedactingLogger } from './lib/logger';
import type { Services } from './services';
import { reportUnhandledError } from './slack/error-handler';
import { registerListeners } from './slack/listeners';
import { SlackPeopleDirectory } from './slack/people-directory';
import type { StateStore } from './store/state-table';

/** Every part the app is built from. main.ts, lambda.ts and the tests each pass their own. */
export interface AppDeps {
  config: Config;
  clock: Clock;
  logger: RedactingLogger;
  awsClients: AwsClientsFor;
  store: StateStore;
  receiver: Receiver;
}

/**
 * Slack Web API calls give up quickly: the client's default retries for about 30 minutes,
 * which would leave a handler (and the person waiting) hanging.
 */
const SLACK_RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000, randomize: true };

/** The composition root: the only function that knows every part. */
export function buildApp(deps: AppDeps): { app: App; services: Services } {
  const { config, logger } = deps;
  const app = new App({
    token: config.slack.botToken,
    receiver: deps.receiver,
    logger,
    // Without this Bolt resets any logger it is given to INFO.
    logLevel: logger.getLevel(),
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      retryConfig: SLACK_RETRY_CONFIG,
      rejectRateLimitedCalls: true,
      timeout: 10_000,
    },
    extendedErrorHandler: true,
    // `await app.init()` checks the token with auth.test, so a bad token fails start-up loudly.
    deferInitialization: true,
    convoStore: false,
  });
  const people = new SlackPeopleDirectory(app.client, deps.clock);
  const services: Services = {
    dispatcher: new Dispatcher({ logger, people, clock: deps.clock }),
    store: deps.store,
    inFlight: new InFlightWork(),
    botName: memoize(async () => {
      const identity = await app.client.auth.test();
      return identity.user ?? 'bot';
    }),
  };
  registerListeners(app, services);
  app.error(reportUnhandledError(app.client, logger));
  return { app, services };
}

function memoize<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    cached ??= load().catch((error: unknown) => {
      cached = undefined; // try again next time rather than remember a failure
      throw error;
    });
    return cached;
  };
}
