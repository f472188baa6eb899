import { buildEventEnvelope, buildSlashCommand } from '../support/builders';
import type { RecordedCall } from '../support/slack-api-stand-in';
import { startTestApp, type TestApp } from '../support/test-app';

const textOf = (call: RecordedCall | undefined) => JSON.stringify(call?.params ?? {});

describe('commands, mentions and DMs reach the same dispatcher', () => {
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

  it('tells the person it does not know an unknown verb, and what to try', async () => {
    const command = buildSlashCommand({
      text: 'frobnicate employee',
      response_url: app.standIn.responseUrl('unknown'),
    });

    await app.slack.command(command);

    await app.standIn.waitFor((calls) => calls.some((c) => c.method === 'response_url'));
    const reply = app.standIn.callsTo('response_url')[0];
    expect(reply?.params.text).toBe("I don't know `frobnicate`.\nTry `/ddb help`.");
    expect(reply?.params.response_type).toBe('ephemeral');
  });

  it('uses the slash command name it was invoked with, not a hard-coded one', async () => {
    const command = buildSlashCommand({ command: '/dynamo', text: 'nope', response_url: app.standIn.responseUrl('n') });

    await app.slack.command(command);

    await app.standIn.waitFor((calls) => calls.some((c) => c.method === 'response_url'));
    expect(app.standIn.callsTo('response_url')[0]?.params.text).toContain('Try `/dynamo help`.');
  });

  it('answers an @mention in the thread, privately, with the same help', async () => {
    const envelope = buildEventEnvelope({
      type: 'app_mention',
      user: 'UREQUESTER1',
      text: `<@${app.standIn.botUserId}> help`,
      ts: '1700000100.000100',
      channel: 'CINCIDENT1',
      team: 'T0001',
    });

    const response = await app.slack.event(envelope);

    expect(response.status).toBe(200);
    await app.standIn.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    const reply = app.standIn.callsTo('chat.postEphemeral')[0];
    expect(reply?.params).toMatchObject({ channel: 'CINCIDENT1', user: 'UREQUESTER1', thread_ts: '1700000100.000100' });
    expect(textOf(reply)).toContain('@ddb restore employee to 10 minutes ago');
  });

  it('answers a direct message in the DM with the same dispatcher', async () => {
    const envelope = buildEventEnvelope({
      type: 'message',
      channel_type: 'im',
      user: 'UREQUESTER1',
      text: 'frobnicate',
      ts: '1700000200.000100',
      channel: 'DREQUESTER1',
    });

    await app.slack.event(envelope);

    await app.standIn.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    const reply = app.standIn.callsTo('chat.postMessage')[0];
    expect(reply?.params.channel).toBe('DREQUESTER1');
    expect(reply?.params.text).toBe("I don't know `frobnicate`.\nTry `help`.");
  });

  it('answers a redelivered event (X-Slack-Retry-Num) only once', async () => {
    const envelope = buildEventEnvelope({
      type: 'message',
      channel_type: 'im',
      user: 'UREQUESTER1',
      text: 'help',
      ts: '1700000300.000100',
      channel: 'DREQUESTER1',
    });

    await app.slack.event(envelope);
    await app.slack.event(envelope, { retryNum: 1 });
    await app.slack.event(envelope, { retryNum: 2 });

    await app.standIn.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a replayed slash command (same trigger_id) once, and still acks it', async () => {
    const command = buildSlashCommand({ text: 'help', response_url: app.standIn.responseUrl('replayed') });

    const first = await app.slack.command(command);
    const replay = await app.slack.command(command);

    expect([first.status, replay.status]).toEqual([200, 200]);
    await app.standIn.waitFor((calls) => calls.some((c) => c.path === '/response/replayed'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.standIn.calls.filter((c) => c.path === '/response/replayed')).toHaveLength(1);
  });

  it('ignores message edits and other apps’ posts in a DM', async () => {
    const edit = buildEventEnvelope({
      type: 'message',
      subtype: 'message_changed',
      channel_type: 'im',
      channel: 'DREQUESTER1',
      ts: '1700000400.000100',
    });
    const botPost = buildEventEnvelope({
      type: 'message',
      channel_type: 'im',
      bot_id: 'BOTHER',
      user: 'UOTHERBOT',
      text: 'help',
      channel: 'DREQUESTER1',
      ts: '1700000500.000100',
    });

    await app.slack.event(edit);
    await app.slack.event(botPost);

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.standIn.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
