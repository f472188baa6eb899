import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app';
import type { Config } from '../../src/config/config';
import { type Clock, systemClock } from '../../src/lib/clock';
import { type LogLevelName, RedactingLogger } from '../../src/lib/logger';
import type { Services } from '../../src/services';
import { createHttpReceiver } from '../../src/slack/receivers';
import type { OpenedStateStore } from '../../src/store/open-state-store';
import { createMockedAws, type MockedAws } from './aws';
import { buildConfig, TEST_SECRETS } from './builders';
import { ManualClock } from './manual-clock';
import { SlackApiStandIn } from './slack-api-stand-in';
import { SignedSlackClient } from './slack-signer';
import { openTestStore } from './store';

export interface TestApp {
  /** Signed requests to the running app's `/slack/events`. */
  slack: SignedSlackClient;
  standIn: SlackApiStandIn;
  aws: MockedAws;
  state: OpenedStateStore;
  services: Services;
  clock: Clock;
  /** Every line the app logged, already redacted, as it would reach the console. */
  logLines: string[];
  stop(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<Config>;
  clock?: Clock;
  logLevel?: LogLevelName;
  /** Reuse a store (e.g. two app instances sharing one); otherwise a fresh in-memory one. */
  state?: OpenedStateStore;
  /** How long stop() waits for listener work still running (a simulated crash never finishes). */
  drainMs?: number;
}

/** The real Bolt app on a real HTTP port, built by the same buildApp as production. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = options.clock ?? new ManualClock();
  const standIn = new SlackApiStandIn();
  await standIn.start();
  const logLines: string[] = [];
  const logger = new RedactingLogger({
    level: options.logLevel ?? 'warn',
    secrets: [TEST_SECRETS.botToken, TEST_SECRETS.signingSecret],
    sink: (_level, line) => logLines.push(line),
  });
  const config = buildConfig({ ...options.config, slack: { ...options.config?.slack, apiUrl: standIn.apiUrl } });
  const ownState = options.state === undefined;
  const state = options.state ?? (await openTestStore(clock));
  const aws = createMockedAws();
  // Signatures are checked against real time, as Bolt does; the app's clock may be moved by tests.
  const receiver = createHttpReceiver({ signingSecret: TEST_SECRETS.signingSecret, logger, clock: systemClock });
  const { app, services } = buildApp({
    config,
    clock,
    logger,
    awsClients: aws.clientsFor,
    store: state.store,
    receiver,
    sleep: async () => {}, // retries back off without making tests wait
  });
  await app.init();
  const server = (await app.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  return {
    slack: new SignedSlackClient(`http://127.0.0.1:${port}/slack/events`, TEST_SECRETS.signingSecret),
    standIn,
    aws,
    state,
    services,
    clock,
    logLines,
    stop: async () => {
      await app.stop();
      await services.inFlight.drained(options.drainMs ?? 5000);
      if (ownState) await state.close();
      await standIn.stop();
    },
  };
}
