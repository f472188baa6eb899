import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AwsLambdaReceiver } from '@slack/bolt';
import { buildApp } from './app';
import { type AwsClientsFor, createAwsClients } from './aws/clients';
import { describeConfigProblems, loadConfig } from './config/config';
import { type Clock, systemClock } from './lib/clock';
import { type LogSink, RedactingLogger } from './lib/logger';
import type { Services } from './services';
import {
  type HttpLambdaEvent,
  handOffKey,
  isAuthenticSlackRequest,
  isSlackHandOff,
  readHttpEvent,
  type SlackHandOff,
} from './slack/lambda-requests';
import { type OpenedStateStore, openStateStore } from './store/open-state-store';

/** The Slack credentials, kept in Secrets Manager (never in the function's environment). */
export interface SlackSecrets {
  botToken: string;
  signingSecret: string;
}

export interface LambdaDeps {
  /** The function's environment (process.env in AWS). */
  env: Readonly<Record<string, string | undefined>>;
  loadSecrets: () => Promise<SlackSecrets>;
  clock: Clock;
  awsClients: AwsClientsFor;
  openStore: (region: string, tableName: string | undefined) => Promise<OpenedStateStore>;
  /** Runs the verified request in a second, asynchronous invocation of this function. */
  handOff: (handOff: SlackHandOff) => Promise<void>;
  logSink?: LogSink;
  sleep?: (ms: number) => Promise<void>;
}

interface Ready {
  services: Services;
  signingSecret: string;
  receiverHandler: ReturnType<AwsLambdaReceiver['toHandler']>;
  logger: RedactingLogger;
}

export interface LambdaResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

/**
 * The Lambda entry points. `slack` answers Slack within its 3 seconds: it verifies the request,
 * hands the work to an asynchronous invocation of itself, and acks. That invocation runs the same
 * Bolt app through its AwsLambdaReceiver. `tick` runs the tracker and scheduled backups. Anything a
 * dead invocation leaves (an approved request not yet started, a restore not yet followed) is
 * picked up by the next tick from the state table.
 */
export function createLambdaHandlers(deps: LambdaDeps) {
  let ready: Promise<Ready> | undefined;
  const init = () => {
    ready ??= start(deps).catch((error: unknown) => {
      ready = undefined; // a later invocation tries again (e.g. a secret fixed meanwhile)
      throw error;
    });
    return ready;
  };

  return {
    async slack(event: HttpLambdaEvent | SlackHandOff, context: unknown): Promise<LambdaResult> {
      const { services, signingSecret, receiverHandler, logger } = await init();
      if (isSlackHandOff(event)) {
        // Lambda may deliver an asynchronous invocation twice, and retries failed ones: work it once.
        if (!(await services.store.dedup.claimOnce(handOffKey(event), 24 * 3600))) return { statusCode: 200, body: '' };
        return receiverHandler(asReceiverEvent(event), context) as Promise<LambdaResult>;
      }
      const { headers, body } = readHttpEvent(event);
      if (!isAuthenticSlackRequest(body, headers, signingSecret, deps.clock)) {
        logger.warn('Refused a request without a valid Slack signature');
        return { statusCode: 401, body: '' };
      }
      const challenge = urlVerificationChallenge(body, headers);
      if (challenge !== undefined)
        return {
          statusCode: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ challenge }),
        };
      await deps.handOff({ kind: 'slack-handoff', headers, body });
      return { statusCode: 200, body: '' };
    },

    async tick(): Promise<void> {
      const { services } = await init();
      await services.tick();
    },
  };
}

/** The hand-off as the Function URL event Bolt's receiver expects, the body already decoded as UTF-8. */
function asReceiverEvent(handOff: SlackHandOff): Parameters<Ready['receiverHandler']>[0] {
  const event = {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers: handOff.headers,
    body: handOff.body,
    isBase64Encoded: false,
  };
  // Bolt reads only headers, body and isBase64Encoded; the request context does not exist for a hand-off.
  return { ...event, requestContext: {} } as unknown as Parameters<Ready['receiverHandler']>[0];
}

function urlVerificationChallenge(body: string, headers: Record<string, string>): string | undefined {
  if (!headers['content-type']?.includes('application/json')) return undefined;
  try {
    const parsed = JSON.parse(body) as { type?: string; challenge?: string };
    return parsed.type === 'url_verification' ? parsed.challenge : undefined;
  } catch {
    return undefined;
  }
}

async function start(deps: LambdaDeps): Promise<Ready> {
  const secrets = await deps.loadSecrets();
  const loaded = loadConfig({
    ...deps.env,
    SLACK_BOT_TOKEN: secrets.botToken,
    SLACK_SIGNING_SECRET: secrets.signingSecret,
  });
  if (!loaded.ok) throw new Error(describeConfigProblems(loaded.problems));
  const { config } = loaded;
  const logger = new RedactingLogger({
    level: config.logLevel,
    secrets: [secrets.botToken, secrets.signingSecret],
    sink: deps.logSink,
  });
  const state = await deps.openStore(config.aws.defaultRegion, config.state.tableName);
  const receiver = new AwsLambdaReceiver({ signingSecret: secrets.signingSecret, logger });
  const { app, services } = buildApp({
    config,
    clock: deps.clock,
    logger,
    awsClients: deps.awsClients,
    store: state.store,
    receiver,
    sleep: deps.sleep,
  });
  await app.init();
  return { services, signingSecret: secrets.signingSecret, receiverHandler: receiver.toHandler(), logger };
}

/** Production wiring: secrets from Secrets Manager (read once per cold start), the state table in AWS. */
function productionDeps(): LambdaDeps {
  const env = process.env;
  return {
    env,
    clock: systemClock,
    awsClients: createAwsClients(),
    loadSecrets: async () => {
      const arn = env.SLACK_SECRET_ARN;
      if (!arn) throw new Error('SLACK_SECRET_ARN is missing: the function needs the ARN of the Slack secret');
      const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
      const parsed = JSON.parse(SecretString ?? '{}') as Partial<
        Record<'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET', string>
      >;
      return { botToken: parsed.SLACK_BOT_TOKEN ?? '', signingSecret: parsed.SLACK_SIGNING_SECRET ?? '' };
    },
    openStore: (region, tableName) => openStateStore({ clock: systemClock, region, tableName }),
    handOff: async (handOff) => {
      await new LambdaClient({}).send(
        new InvokeCommand({
          FunctionName: env.AWS_LAMBDA_FUNCTION_NAME,
          InvocationType: 'Event',
          Payload: JSON.stringify(handOff),
        }),
      );
    },
  };
}

let production: ReturnType<typeof createLambdaHandlers> | undefined;
const handlers = () => {
  production ??= createLambdaHandlers(productionDeps());
  return production;
};

/** Function URL / API Gateway handler for Slack (and its own asynchronous hand-offs). */
export const slack = (event: HttpLambdaEvent | SlackHandOff, context: unknown) => handlers().slack(event, context);
/** EventBridge schedule handler: tracker, expiries, scheduled backups. */
export const tick = () => handlers().tick();
