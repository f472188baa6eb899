import { RestoreTableToPointInTimeCommand } from '@aws-sdk/client-dynamodb';
import { createLambdaHandlers, type LambdaResult } from '../../src/lambda';
import { systemClock } from '../../src/lib/clock';
import type { SlackHandOff } from '../../src/slack/lambda-requests';
import type { OpenedStateStore } from '../../src/store/open-state-store';
import { createMockedAws } from '../support/aws';
import { buildEventEnvelope, buildSlashCommand, TEST_SECRETS } from '../support/builders';
import { FakeDynamoDb } from '../support/fake-dynamodb';
import { SlackApiStandIn } from '../support/slack-api-stand-in';
import { signSlackBody } from '../support/slack-signer';
import { openTestStore } from '../support/store';

/** A Lambda Function URL event (payload format 2.0), as AWS delivers a Slack request. */
function functionUrlEvent(
  body: string,
  contentType: string,
  {
    base64 = true,
    signature,
    timestampSec,
    retryNum,
  }: { base64?: boolean; signature?: string | null; timestampSec?: number; retryNum?: string } = {},
) {
  const ts = timestampSec ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(ts),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  const sig = signature === undefined ? signSlackBody(body, TEST_SECRETS.signingSecret, ts) : signature;
  if (sig !== null) headers['x-slack-signature'] = sig;
  if (retryNum !== undefined) headers['x-slack-retry-num'] = retryNum;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: 'abc123.lambda-url.us-east-1.on.aws',
      http: { method: 'POST', path: '/slack/events', protocol: 'HTTP/1.1', sourceIp: '3.4.5.6', userAgent: 'Slackbot' },
      requestId: 'r-1',
      routeKey: '$default',
      stage: '$default',
      time: '27/Nov/2026:03:00:00 +0000',
      timeEpoch: Date.now(),
    },
    body: base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: base64,
  };
}

describe('the Lambda handlers', () => {
  let standIn: SlackApiStandIn;
  let state: OpenedStateStore;
  let handOffs: SlackHandOff[];
  let logLines: string[];
  let handlers: ReturnType<typeof createLambdaHandlers>;
  let aws: ReturnType<typeof createMockedAws>;
  let fake: FakeDynamoDb;

  beforeEach(async () => {
    standIn = new SlackApiStandIn();
    await standIn.start();
    standIn.users.set('UREQUESTER1', { tz: 'America/Los_Angeles' });
    state = await openTestStore(systemClock);
    handOffs = [];
    logLines = [];
    aws = createMockedAws();
    fake = new FakeDynamoDb(aws.mocks('us-east-1'));
    fake.addTable('employee');
    fake.pitr.set('employee', {
      enabled: true,
      earliest: new Date(Date.now() - 30 * 86_400_000),
      latest: new Date(Date.now() - 5 * 60_000),
    });
    handlers = createLambdaHandlers({
      env: {
        AWS_REGION: 'us-east-1',
        APPROVERS: 'UAPPROVER1',
        SLACK_API_URL: standIn.apiUrl,
        LOG_LEVEL: 'debug',
        STATE_TABLE: 'ddb-chatops-state',
      },
      loadSecrets: async () => ({ botToken: TEST_SECRETS.botToken, signingSecret: TEST_SECRETS.signingSecret }),
      clock: systemClock,
      awsClients: aws.clientsFor,
      openStore: async () => state,
      handOff: async (handOff) => {
        handOffs.push(JSON.parse(JSON.stringify(handOff)) as SlackHandOff); // as it would travel as an invocation payload
      },
      logSink: (_level, line) => logLines.push(line),
      sleep: async () => {},
    });
  });
  afterEach(async () => {
    await state.close();
    await standIn.stop();
  });

  const workAll = async () => {
    for (const handOff of handOffs.splice(0)) await handlers.slack(handOff, {});
  };

  it('acks a signed slash command at once, and answers it from the asynchronous hand-off', async () => {
    const form = new URLSearchParams({
      ...buildSlashCommand({ text: 'help', response_url: standIn.responseUrl('lambda-help') }),
    }).toString();

    const result = (await handlers.slack(
      functionUrlEvent(form, 'application/x-www-form-urlencoded'),
      {},
    )) as LambdaResult;

    expect(result.statusCode).toBe(200);
    expect(handOffs).toHaveLength(1);
    expect(standIn.callsTo('response_url')).toHaveLength(0); // nothing ran in the receiving invocation
    await workAll();
    const reply = await standIn.replyTo('lambda-help');
    expect(JSON.stringify(reply)).toContain('/ddb restore employee to 10 minutes ago');
  });

  it.each([
    ['a bad signature', { signature: `v0=${'f'.repeat(64)}` }],
    ['no signature', { signature: null }],
    ['a timestamp 6 minutes ahead', { timestampSec: Math.floor(Date.now() / 1000) + 360 }],
  ])('answers %s with 401 and hands nothing off', async (_case, options) => {
    const form = new URLSearchParams({ ...buildSlashCommand({ text: 'help' }) }).toString();

    const result = (await handlers.slack(
      functionUrlEvent(form, 'application/x-www-form-urlencoded', options),
      {},
    )) as LambdaResult;

    expect(result.statusCode).toBe(401);
    expect(handOffs).toHaveLength(0);
  });

  it('answers an unsigned body that is not valid JSON with 401, never a 5xx (Bolt would parse it first)', async () => {
    const result = (await handlers.slack(
      functionUrlEvent('{not json', 'application/json', { signature: null }),
      {},
    )) as LambdaResult;

    expect(result.statusCode).toBe(401);
  });

  it('decodes a base64 JSON body as UTF-8, so non-ASCII events keep a valid signature', async () => {
    const envelope = buildEventEnvelope({
      type: 'message',
      channel_type: 'im',
      user: 'UREQUESTER1',
      text: 'frobnicaté ✓',
      ts: '1.1',
      channel: 'DREQUESTER1',
    });

    const result = (await handlers.slack(
      functionUrlEvent(JSON.stringify(envelope), 'application/json'),
      {},
    )) as LambdaResult;
    await workAll();

    expect(result.statusCode).toBe(200);
    await standIn.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    expect(String(standIn.callsTo('chat.postMessage')[0]?.params.text)).toContain('frobnicaté');
  });

  it('works a hand-off delivered twice, and a Slack retry (X-Slack-Retry-Num as the string "1"), only once', async () => {
    const envelope = buildEventEnvelope({
      type: 'message',
      channel_type: 'im',
      user: 'UREQUESTER1',
      text: 'help',
      ts: '2.2',
      channel: 'DREQUESTER1',
    });
    const body = JSON.stringify(envelope);

    await handlers.slack(functionUrlEvent(body, 'application/json'), {});
    await handlers.slack(functionUrlEvent(body, 'application/json', { retryNum: '1' }), {});
    const [first] = handOffs;
    if (first) handOffs.push(first); // Lambda's at-least-once delivery
    await workAll();

    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers Slack’s url_verification challenge', async () => {
    const body = JSON.stringify({
      token: TEST_SECRETS.verificationToken,
      challenge: 'c-123',
      type: 'url_verification',
    });

    const result = (await handlers.slack(functionUrlEvent(body, 'application/json'), {})) as LambdaResult;

    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"challenge":"c-123"}',
    });
  });

  it('logs no secret, verification token or response_url at debug level (Bolt logs the whole event)', async () => {
    const responseUrl = standIn.responseUrl('T0001/999/LaMbDaHoOk');
    const form = new URLSearchParams({ ...buildSlashCommand({ text: 'help', response_url: responseUrl }) }).toString();

    await handlers.slack(functionUrlEvent(form, 'application/x-www-form-urlencoded'), {});
    await workAll();
    await standIn.replyTo('T0001/999/LaMbDaHoOk');

    const logged = logLines.join('\n');
    expect(logged).toContain('AWS event'); // Bolt's debug line was written…
    for (const secret of [
      TEST_SECRETS.botToken,
      TEST_SECRETS.signingSecret,
      TEST_SECRETS.verificationToken,
      'LaMbDaHoOk',
    ]) {
      expect(logged).not.toContain(secret); // …and redacted
    }
  });

  it('advances a running restore to completion from the scheduled tick', async () => {
    const command = new URLSearchParams({
      ...buildSlashCommand({
        text: 'restore employee to 10 minutes ago as emp-lambda',
        response_url: standIn.responseUrl('r'),
      }),
    }).toString();
    await handlers.slack(functionUrlEvent(command, 'application/x-www-form-urlencoded'), {});
    await workAll();
    const [request] = await state.store.requests.listRecent(1);
    if (request?.messageTs === undefined) throw new Error('no card');
    const click = {
      type: 'block_actions',
      team: { id: 'T0001' },
      user: { id: 'UAPPROVER1', team_id: 'T0001' },
      api_app_id: 'A0001',
      container: { type: 'message', message_ts: request.messageTs, channel_id: request.channelId },
      channel: { id: request.channelId },
      message: { ts: request.messageTs },
      response_url: standIn.responseUrl('approve'),
      trigger_id: 't',
      actions: [
        {
          action_id: 'restore_approve',
          block_id: 'restore_decision',
          value: JSON.stringify({ r: request.requestId, d: request.digest }),
          type: 'button',
          action_ts: '1',
        },
      ],
    };
    await handlers.slack(
      functionUrlEvent(`payload=${encodeURIComponent(JSON.stringify(click))}`, 'application/x-www-form-urlencoded'),
      {},
    );
    await workAll();
    expect(aws.dynamodb()).toHaveReceivedCommandTimes(RestoreTableToPointInTimeCommand, 1);

    fake.finishRestore('emp-lambda');
    await handlers.tick();

    expect((await state.store.requests.get(request.requestId))?.status).toBe('succeeded');
    expect(
      standIn
        .callsTo('chat.postMessage')
        .some((c) => c.params.thread_ts === request.messageTs && String(c.params.text).includes('finished')),
    ).toBe(true);
  });
});
