import { config as loadDotEnv } from 'dotenv';
import { buildApp } from './app';
import { createAwsClients } from './aws/clients';
import { describeConfigProblems, loadConfig } from './config/config';
import { systemClock } from './lib/clock';
import { RedactingLogger, redactSecrets } from './lib/logger';
import { createHttpReceiver, createSocketModeReceiver } from './slack/receivers';
import { openStateStore } from './store/open-state-store';
import { startTrackerLoop } from './tracker/loop';

const SHUTDOWN_GRACE_MS = 25_000;

/** The long-lived bot: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT. */
async function main(): Promise<void> {
  loadDotEnv({ quiet: true }); // a .env file, when present; real environment variables win
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${describeConfigProblems(loaded.problems)}\n`);
    process.exit(1);
  }
  const { config } = loaded;
  const { slack } = config;
  const logger = new RedactingLogger({
    level: config.logLevel,
    secrets: [slack.botToken, slack.signingSecret, slack.appToken],
  });
  process.on('unhandledRejection', (reason) => logger.error('Unhandled promise rejection:', reason));

  const clock = systemClock;
  const state = await openStateStore({
    clock,
    tableName: config.state.tableName,
    region: config.aws.defaultRegion,
    dir: config.state.dir,
  });
  const socketMode = slack.appToken !== undefined;
  const receiver = socketMode
    ? createSocketModeReceiver(slack.appToken as string, logger)
    : createHttpReceiver({ signingSecret: slack.signingSecret as string, logger, clock, port: slack.port });
  const { app, services } = buildApp({
    config,
    clock,
    logger,
    awsClients: createAwsClients(),
    store: state.store,
    receiver,
  });

  await app.init();
  await app.start(slack.port);
  const tracker = startTrackerLoop(() => services.tick(), config.pollIntervalSeconds * 1000, logger);
  logger.info(
    `dynamodb-chatops is running (${socketMode ? 'Socket Mode' : `HTTP on port ${slack.port}, path /slack/events`}); state: ${state.description}`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: no longer accepting requests, finishing work in flight`);
    await app.stop(); // stop receiving first
    await tracker.stop();
    const drained = await services.inFlight.drained(SHUTDOWN_GRACE_MS);
    if (!drained)
      logger.warn(`${services.inFlight.size} task(s) still running after ${SHUTDOWN_GRACE_MS} ms; stopping anyway`);
    await state.close();
    logger.info('Stopped cleanly');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      shutdown(signal).catch((error: unknown) => {
        logger.error('Shutdown failed:', error);
        process.exit(1);
      });
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `dynamodb-chatops could not start: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`,
  );
  process.exit(1);
});
