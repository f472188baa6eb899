import { buildSlashCommand } from '../support/builders';
import { signSlackBody } from '../support/slack-signer';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Slack request verification over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.standIn.calls.length = 0;
  });

  const nowSec = () => Math.floor(Date.now() / 1000);

  it('answers a correctly signed /ddb help with the help text', async () => {
    const command = buildSlashCommand({ text: 'help', response_url: app.standIn.responseUrl('help') });

    const response = await app.slack.command(command);

    expect(response.status).toBe(200);
    await app.standIn.waitFor((calls) => calls.some((c) => c.method === 'response_url'));
    const [reply] = app.standIn.callsTo('response_url');
    expect(reply?.params.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.params.blocks)).toContain('/ddb restore employee to 10 minutes ago');
  });

  it.each([
    ['a wrong signature', { signature: `v0=${'0'.repeat(64)}` }],
    ['a missing signature header', { signature: null }],
    ['a v1= signature', { signature: 'v1=abc' }],
    ['a timestamp 6 minutes old', { timestampSec: nowSec() - 6 * 60 }],
    ['a timestamp 6 minutes ahead', { timestampSec: nowSec() + 6 * 60 }],
  ])('refuses %s with 401 and posts nothing', async (_case, options) => {
    const command = buildSlashCommand({ response_url: app.standIn.responseUrl('bad') });

    const response = await app.slack.command(command, options);

    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.standIn.calls).toHaveLength(0);
  });

  it('refuses a v0 signature computed with another secret', async () => {
    const body = 'command=%2Fddb&text=help';
    const ts = nowSec();

    const response = await app.slack.send(body, 'application/x-www-form-urlencoded', {
      timestampSec: ts,
      signature: signSlackBody(body, 'not-the-secret', ts),
    });

    expect(response.status).toBe(401);
  });

  it('answers an unsigned body that is not valid JSON with 401, not a 5xx', async () => {
    const response = await app.slack.send('{this is not json', 'application/json', { signature: null });

    expect(response.status).toBe(401);
  });

  it('answers a signed but malformed JSON body with 400 and posts nothing', async () => {
    const response = await app.slack.send('{this is not json', 'application/json');

    expect(response.status).toBe(400);
    expect(app.standIn.calls).toHaveLength(0);
  });

  it('accepts a timestamp 4 minutes ahead (inside the window)', async () => {
    const command = buildSlashCommand({ response_url: app.standIn.responseUrl('skew') });

    const response = await app.slack.command(command, { timestampSec: nowSec() + 4 * 60 });

    expect(response.status).toBe(200);
    await app.standIn.waitFor((calls) => calls.some((c) => c.method === 'response_url'));
  });
});
