import { buildEventEnvelope, buildSlashCommand, TEST_SECRETS } from '../support/builders';
import { startTestApp, type TestApp } from '../support/test-app';

describe('nothing secret reaches the logs, even at debug level', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ logLevel: 'debug' });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('logs no token, signing secret, verification token or response_url while handling traffic', async () => {
    const responseUrl = app.standIn.responseUrl('T0001/123456/SeCrEtHoOkPaTh');
    const commands = ['help', 'frobnicate', ''].map((text) => buildSlashCommand({ text, response_url: responseUrl }));
    const mention = buildEventEnvelope({
      type: 'app_mention',
      user: 'UREQUESTER1',
      text: `<@${app.standIn.botUserId}> help`,
      ts: '1700000100.000100',
      channel: 'CINCIDENT1',
    });

    for (const command of commands) await app.slack.command(command);
    await app.slack.event(mention);
    await app.slack.command(buildSlashCommand({ response_url: responseUrl }), { signature: 'v0=bad' });
    await app.standIn.waitFor((calls) => calls.filter((c) => c.method === 'response_url').length === 3);
    await app.standIn.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));

    const everything = app.logLines.join('\n');
    expect(app.logLines.length).toBeGreaterThan(10); // debug logging really was on
    for (const secret of [
      TEST_SECRETS.botToken,
      TEST_SECRETS.signingSecret,
      TEST_SECRETS.verificationToken,
      responseUrl,
      encodeURIComponent(responseUrl),
      'SeCrEtHoOkPaTh',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
