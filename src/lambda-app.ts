/**
 * Everything the working Lambda invocations need: the Bolt app, the AWS clients, the state store.
 * lambda.ts requires this lazily, so the receiving invocation (verify, hand off, ack) never loads it.
 */
import { AwsLambdaReceiver } from '@slack/bolt';
import { buildApp } from './app';
import { type AwsClientsFor, createAwsClients } from './aws/clients';
import { describeConfigProblems, loadConfig } from './config/config';
import type { Clock } from './lib/clock';
import { type LogSink, RedactingLogger } from './lib/logger';
import type { Services } from './services';
import type { SlackHandOff } from './slack/lambda-requests';
import { type OpenedStateStore, openStateStore } from './store/open-state-store';

export interface LambdaAppOptions {
  env: Readonly<Record<string, string | undefined>>;
  secrets: { botToken: string; signingSecret: string };
  clock: Clock;
  /** Defaults to the real SDK clients. */
  awsClients?: AwsClientsFor;
  /** Defaults to the state table named by STATE_TABLE. */
  openStore?: (region: string, tableName: string | undefined) => Promise<OpenedStateStore>;
  logSink?: LogSink;
  sleep?: (ms: number) => Promise<void>;
}

export interface LambdaApp {
  services: Services;
  /** Runs a verified Slack request through Bolt's AwsLambdaReceiver. */
  handleSlack(handOff: SlackHandOff, context: unknown): Promise<unknown>;
}

export async function startLambdaApp(options: LambdaAppOptions): Promise<LambdaApp> {
  const { secrets, clock } = options;
  const loaded = loadConfig({
    ...options.env,
    SLACK_BOT_TOKEN: secrets.botToken,
    SLACK_SIGNING_SECRET: secrets.signingSecret,
  });
  if (!loaded.ok) throw new Error(describeConfigProblems(loaded.problems));
  const { config } = loaded;
  if (config.state.tableName === undefined && options.openStore === undefined) {
    // The embedded engine is not part of the Lambda bundle, and a function's disk does not last.
    throw new Error(
      'STATE_TABLE is missing: on AWS Lambda the bot keeps its state in a DynamoDB table (deploy/ creates it)',
    );
  }
  const logger = new RedactingLogger({
    level: config.logLevel,
    secrets: [secrets.botToken, secrets.signingSecret],
    sink: options.logSink,
  });
  const openStore = options.openStore ?? ((region, tableName) => openStateStore({ clock, region, tableName }));
  const state = await openStore(config.aws.defaultRegion, config.state.tableName);
  const receiver = new AwsLambdaReceiver({ signingSecret: secrets.signingSecret, logger });
  const { app, services } = buildApp({
    config,
    clock,
    logger,
    awsClients: options.awsClients ?? createAwsClients(),
    store: state.store,
    receiver,
    sleep: options.sleep,
  });
  await app.init();
  const handler = receiver.toHandler();
  return {
    services,
    handleSlack: (handOff, context) => handler(asReceiverEvent(handOff), context),
  };
}

/** The hand-off as the Function URL event Bolt's receiver expects, the body already decoded as UTF-8. */
function asReceiverEvent(handOff: SlackHandOff): Parameters<ReturnType<AwsLambdaReceiver['toHandler']>>[0] {
  const event = {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers: handOff.headers,
    body: handOff.body,
    isBase64Encoded: false,
  };
  // Bolt reads only headers, body and isBase64Encoded; a hand-off has no request context.
  return { ...event, requestContext: {} } as unknown as Parameters<ReturnType<AwsLambdaReceiver['toHandler']>>[0];
}
