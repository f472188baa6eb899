import type { AwsClientsFor } from './aws/clients';
import type { LambdaApp } from './lambda-app';
import { type Clock, systemClock } from './lib/clock';
import type { LogSink } from './lib/logger';
import {
  type HttpLambdaEvent,
  handOffKey,
  isSlackHandOff,
  readHttpEvent,
  type SlackHandOff,
} from './slack/lambda-requests';
import { isSignedBySlack } from './slack/signature';
import type { OpenedStateStore } from './store/open-state-store';

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
  /** Runs the verified request in a second, asynchronous invocation of this function. */
  handOff: (handOff: SlackHandOff) => Promise<void>;
  /** Defaults to the real SDK clients. */
  awsClients?: AwsClientsFor;
  /** Defaults to the state table named by STATE_TABLE. */
  openStore?: (region: string, tableName: string | undefined) => Promise<OpenedStateStore>;
  logSink?: LogSink;
  sleep?: (ms: number) => Promise<void>;
}

export interface LambdaResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

/** Loads the Bolt app and the rest only when an invocation has work; the front door stays light. */
function loadAppModule(): typeof import('./lambda-app') {
  return require('./lambda-app') as typeof import('./lambda-app');
}

/**
 * The Lambda entry points. `slack` answers Slack within its 3 seconds: it verifies the request
 * (before anything parses the body), hands the work to an asynchronous invocation of itself, and
 * acks. That invocation runs the same Bolt app through its AwsLambdaReceiver, once per delivery.
 * `tick` runs the tracker and scheduled backups. Whatever a dead invocation leaves (an approved
 * request not yet started, a restore not yet followed) the next tick picks up from the state table.
 */
export function createLambdaHandlers(deps: LambdaDeps) {
  let secrets: Promise<SlackSecrets> | undefined;
  let app: Promise<LambdaApp> | undefined;
  const retryable = <T>(load: () => Promise<T>, reset: () => void) =>
    load().catch((error: unknown) => {
      reset(); // a later invocation tries again (e.g. a secret fixed meanwhile)
      throw error;
    });
  const loadSecrets = () => {
    secrets ??= retryable(deps.loadSecrets, () => {
      secrets = undefined;
    });
    return secrets;
  };
  const loadApp = () => {
    app ??= retryable(
      async () => loadAppModule().startLambdaApp({ ...deps, secrets: await loadSecrets() }),
      () => {
        app = undefined;
      },
    );
    return app;
  };

  return {
    async slack(event: HttpLambdaEvent | SlackHandOff, context: unknown): Promise<LambdaResult> {
      if (isSlackHandOff(event)) {
        const { services, handleSlack } = await loadApp();
        // Lambda may deliver an asynchronous invocation twice, and retries failed ones: work it once.
        if (!(await services.store.dedup.claimOnce(handOffKey(event), 24 * 3600))) return { statusCode: 200, body: '' };
        return (await handleSlack(event, context)) as LambdaResult;
      }
      const { signingSecret } = await loadSecrets();
      const { headers, body } = readHttpEvent(event);
      if (!isSignedBySlack(body, headers, signingSecret, deps.clock)) return { statusCode: 401, body: '' };
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
      const { services } = await loadApp();
      await services.tick();
    },
  };
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

/** Production wiring: secrets from Secrets Manager (read once per cold start), the state table in AWS. */
function productionDeps(): LambdaDeps {
  const env = process.env;
  return {
    env,
    clock: systemClock,
    loadSecrets: async () => {
      const arn = env.SLACK_SECRET_ARN;
      if (!arn) throw new Error('SLACK_SECRET_ARN is missing: the function needs the ARN of the Slack secret');
      const sm = require('@aws-sdk/client-secrets-manager') as typeof import('@aws-sdk/client-secrets-manager');
      const { SecretString } = await new sm.SecretsManagerClient({}).send(
        new sm.GetSecretValueCommand({ SecretId: arn }),
      );
      const parsed = JSON.parse(SecretString ?? '{}') as Partial<
        Record<'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET', string>
      >;
      return { botToken: parsed.SLACK_BOT_TOKEN ?? '', signingSecret: parsed.SLACK_SIGNING_SECRET ?? '' };
    },
    handOff: async (handOff) => {
      const lambda = require('@aws-sdk/client-lambda') as typeof import('@aws-sdk/client-lambda');
      await new lambda.LambdaClient({}).send(
        new lambda.InvokeCommand({
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
