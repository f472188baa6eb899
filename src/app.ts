import { App, type Receiver } from '@slack/bolt';
import type { AwsClientsFor } from './aws/clients';
import { createDynamoDbGateway } from './aws/dynamodb';
import { createPriceListGateway } from './aws/pricing';
import { createSettingsGateway } from './aws/settings';
import type { Config } from './config/config';
import { ScheduleService } from './domain/backups/schedules';
import { BackupService } from './domain/backups/service';
import { PriceService } from './domain/cost/price-service';
import { CostService } from './domain/cost/service';
import { Dispatcher } from './domain/dispatcher';
import { Policy } from './domain/policy';
import { DecisionService } from './domain/restore/decisions';
import { RestoreRequester } from './domain/restore/requester';
import { RestoreRunner } from './domain/restore/runner';
import { SettingsService } from './domain/settings/service';
import { StatusService } from './domain/status';
import { type Clock, sleep } from './lib/clock';
import { InFlightWork } from './lib/in-flight';
import type { RedactingLogger } from './lib/logger';
import type { Services } from './services';
import { reportUnhandledError } from './slack/error-handler';
import { registerListeners } from './slack/listeners';
import { SlackRequestNotifier } from './slack/notifier';
import { SlackPeopleDirectory } from './slack/people-directory';
import type { StateStore } from './store/state-table';
import { RestoreTracker } from './tracker/tracker';

/** Every part the app is built from. main.ts, lambda.ts and the tests each pass their own. */
export interface AppDeps {
  config: Config;
  clock: Clock;
  logger: RedactingLogger;
  awsClients: AwsClientsFor;
  store: StateStore;
  receiver: Receiver;
  /** Waits between retries (restore calls, backups); tests pass one that does not wait. @default real time */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Slack Web API calls give up quickly: the client's default retries for about 30 minutes,
 * which would leave a handler (and the person waiting) hanging.
 */
const SLACK_RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000, randomize: true };

/** The composition root: the only function that knows every part. */
export function buildApp(deps: AppDeps): { app: App; services: Services } {
  const { config, logger, clock, store } = deps;
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
  const people = new SlackPeopleDirectory(app.client, clock);
  const notifier = new SlackRequestNotifier(app.client, clock, logger);
  const gateway = createDynamoDbGateway(deps.awsClients);
  const policy = new Policy(config.policy, people, logger);
  const { requests, securityLog } = store;
  const wait = deps.sleep ?? sleep;
  const runner = new RestoreRunner({ gateway, requests, notifier, clock, logger, sleep: wait });
  const decisions = new DecisionService({ requests, securityLog, notifier, policy, runner, clock, logger });
  const settings = new SettingsService({
    gateway: createSettingsGateway(deps.awsClients, () => clock.now().getTime()),
    requests,
    notifier,
    policy,
    clock,
    logger,
  });
  const prices = new PriceService({
    gateway: createPriceListGateway(deps.awsClients(config.aws.defaultRegion).pricing),
    cache: store.prices,
    clock,
    logger,
  });
  const cost = new CostService({ gateway, prices, policy, clock });
  const backups = new BackupService({
    gateway,
    requests,
    notifier,
    policy,
    clock,
    logger,
    log: securityLog,
    cost,
    requestTtlMinutes: config.policy.requestTtlMinutes,
    backupRequiresApproval: config.policy.backupRequiresApproval,
    sleep: wait,
  });
  const schedules = new ScheduleService({
    gateway,
    schedules: store.schedules,
    log: securityLog,
    poster: notifier,
    policy,
    clock,
    logger,
  });
  const restores = new RestoreRequester({
    gateway,
    requests,
    notifier,
    policy,
    settings,
    cost,
    clock,
    logger,
    defaultRegion: config.aws.defaultRegion,
    requestTtlMinutes: config.policy.requestTtlMinutes,
  });
  const tracker = new RestoreTracker({
    requests,
    gateway,
    notifier,
    runner,
    decisions,
    settings,
    clock,
    logger,
    pollIntervalSeconds: config.pollIntervalSeconds,
  });
  const services: Services = {
    dispatcher: new Dispatcher({
      logger,
      people,
      restores,
      status: new StatusService({ requests, securityLog, clock }),
      settings,
      backups,
      schedules,
      cost,
      defaultRegion: config.aws.defaultRegion,
    }),
    decisions,
    settings,
    tracker,
    tick: async () => {
      await Promise.all([tracker.tick(), schedules.runDue()]);
    },
    store,
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
