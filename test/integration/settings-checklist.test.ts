import { PutScalingPolicyCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import {
  EnableKinesisStreamingDestinationCommand,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateContributorInsightsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { awsError, type FakeDynamoDb, tableAlarm, tableArn, tableDescription } from '../support/fake-dynamodb';
import { APPROVER, type Card, REQUESTER, RestoreScenario, textOf } from '../support/restore-scenario';
import type { RecordedCall } from '../support/slack-api-stand-in';

const TARGET = 'employee-restored-20261127-1802';
const KINESIS = 'arn:aws:kinesis:us-east-1:123456789012:stream/employee-changes';

/** A provisioned source with everything a restore does not copy. */
function configureSource(fake: FakeDynamoDb): void {
  fake.addTable('employee', {
    BillingModeSummary: { BillingMode: 'PROVISIONED' },
    ProvisionedThroughput: { ReadCapacityUnits: 50, WriteCapacityUnits: 20, NumberOfDecreasesToday: 0 },
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    LatestStreamArn: `${tableArn('us-east-1', 'employee')}/stream/2025-03-01T09:00:00.000`,
    DeletionProtectionEnabled: true,
  });
  const extras = fake.extrasOf('employee');
  extras.tags = [
    { Key: 'team', Value: 'people' },
    { Key: 'env', Value: 'prod' },
    { Key: 'cost-center', Value: '4711' },
    { Key: 'owner', Value: 'hr-platform' },
  ];
  extras.ttlAttribute = 'expiresAt';
  extras.contributorInsights[''] = 'ENABLED';
  extras.kinesisStreams = [KINESIS];
  extras.resourcePolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:role/reporting' },
        Action: 'dynamodb:GetItem',
        Resource: tableArn('us-east-1', 'employee'),
      },
    ],
  });
  fake.addScaling('table/employee', 'dynamodb:table:ReadCapacityUnits', 5, 100, 70);
  fake.addScaling('table/employee', 'dynamodb:table:WriteCapacityUnits', 5, 50, 70);
  fake.addScaling('table/employee/index/byDepartment', 'dynamodb:index:ReadCapacityUnits', 5, 100, 70);
  fake.addScaling('table/employee/index/byDepartment', 'dynamodb:index:WriteCapacityUnits', 5, 50, 70);
  fake.account.alarms = [
    tableAlarm('us-east-1', 'employee-throttled-reads', 'employee', 'ReadThrottleEvents'),
    tableAlarm('us-east-1', 'employee-system-errors', 'employee', 'SystemErrors', {
      Dimensions: [
        { Name: 'TableName', Value: 'employee' },
        { Name: 'Operation', Value: 'GetItem' },
      ],
    }),
    tableAlarm('us-east-1', 'orders-throttled', 'orders', 'ReadThrottleEvents'),
  ];
  fake.account.mappings = [
    {
      UUID: '14e0db71-5d35-4eb5-b481-8945cf9d10c2',
      EventSourceArn: `${tableArn('us-east-1', 'employee')}/stream/2025-03-01T09:00:00.000`,
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:employee-indexer',
      State: 'Enabled',
    },
  ];
}

describe('the settings checklist and Reapply settings', () => {
  let s: RestoreScenario;

  beforeEach(async () => {
    s = await RestoreScenario.start();
    configureSource(s.fake);
  });
  afterEach(async () => {
    await s.stop();
  });

  const checklistMessages = (card: Card): RecordedCall[] =>
    s.threadReplies(card).filter((c) => String(c.params.text).startsWith('Settings checklist'));
  const checklistNow = (card: Card): string => {
    const [posted] = checklistMessages(card);
    const edits = s.app.standIn.callsTo('chat.update').filter((c) => c.params.ts === posted?.response?.ts);
    return JSON.stringify((edits.at(-1) ?? posted)?.params);
  };
  async function restoreAndComplete(): Promise<Card> {
    const card = await s.requestCard();
    await s.click(card, 'approve');
    s.fake.finishRestore(TARGET);
    await s.tick();
    return card;
  }
  async function clickChecklist(card: Card, actionId: string, userId = REQUESTER): Promise<string> {
    const [posted] = checklistMessages(card);
    const blocks = posted?.params.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>;
    const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);
    if (button === undefined) throw new Error(`no ${actionId} button`);
    const id = `settings-${Math.random()}`;
    await s.app.slack.interaction({
      type: 'block_actions',
      team: { id: 'T0001' },
      user: { id: userId, team_id: 'T0001' },
      api_app_id: 'A0001',
      container: { type: 'message', message_ts: posted?.response?.ts, channel_id: card.channel },
      channel: { id: card.channel },
      message: { ts: posted?.response?.ts, blocks },
      response_url: s.app.standIn.responseUrl(id),
      trigger_id: 't',
      actions: [{ action_id: actionId, block_id: 'b', value: button.value, type: 'button', action_ts: '1' }],
    });
    return String((await s.app.standIn.replyTo(id, 20_000)).text);
  }

  it('summarises on the card what will need reapplying', async () => {
    const card = await s.requestCard();

    expect(textOf(card)).toContain(
      'will not be copied: tags (4), TTL, stream, PITR, auto scaling (4 policies), 2 alarms, deletion protection, Contributor Insights, Kinesis streaming, 1 stream consumer(s); plus IAM policies',
    );
  });

  it('posts the checklist on completion: source as snapshotted, new table as read now, with instructions', async () => {
    const card = await restoreAndComplete();

    const checklist = checklistNow(card);
    expect(checklist).toContain(
      '✗ *Tags* — source: 4: team=people, env=prod, cost-center=4711, owner=hr-platform · new table: none',
    );
    expect(checklist).toContain('✗ *Time to live* — source: on (`expiresAt`) · new table: off');
    expect(checklist).toContain('✗ *DynamoDB Streams* — source: on (NEW_AND_OLD_IMAGES) · new table: off');
    expect(checklist).toContain('✗ *Point-in-time recovery* — source: on (35 days) · new table: off');
    expect(checklist).toContain('✗ *Deletion protection* — source: on · new table: off');
    expect(checklist).toContain('✗ *Auto scaling*');
    expect(checklist).toContain('manual *CloudWatch alarms*');
    expect(checklist).toContain('`employee-throttled-reads` on ReadThrottleEvents');
    expect(checklist).not.toContain('orders-throttled');
    expect(checklist).toContain(`must also name \`${tableArn('us-east-1', TARGET)}\``);
    expect(checklist).toContain(`\\"Resource\\":\\"${tableArn('us-east-1', TARGET)}\\"`); // resource policy, ARN rewritten
    expect(checklist).toContain('14e0db71-5d35-4eb5-b481-8945cf9d10c2');
    expect(checklist).toContain('settings_reapply');
    expect(checklist).toContain('settings_clone_alarms');
  });

  it('reapplies every automatable item with the exact calls, then shows ✓; a second click changes nothing', async () => {
    const card = await restoreAndComplete();
    const target = tableArn('us-east-1', TARGET);

    const reply = await clickChecklist(card, 'settings_reapply', APPROVER);

    const { dynamodb, autoScaling } = s.app.aws.mocks();
    expect(reply).toContain('Reapplied 8 setting(s)');
    expect(dynamodb).toHaveReceivedCommandWith(TagResourceCommand, {
      ResourceArn: target,
      Tags: [
        { Key: 'team', Value: 'people' },
        { Key: 'env', Value: 'prod' },
        { Key: 'cost-center', Value: '4711' },
        { Key: 'owner', Value: 'hr-platform' },
      ],
    });
    expect(dynamodb).toHaveReceivedCommandWith(UpdateTimeToLiveCommand, {
      TableName: TARGET,
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
    });
    expect(dynamodb).toHaveReceivedCommandWith(UpdateTableCommand, {
      TableName: TARGET,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(dynamodb).toHaveReceivedCommandWith(UpdateTableCommand, {
      TableName: TARGET,
      DeletionProtectionEnabled: true,
    });
    expect(dynamodb).toHaveReceivedCommandWith(UpdateContinuousBackupsCommand, {
      TableName: TARGET,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
    });
    expect(dynamodb).toHaveReceivedCommandWith(UpdateContributorInsightsCommand, {
      TableName: TARGET,
      ContributorInsightsAction: 'ENABLE',
    });
    expect(dynamodb).toHaveReceivedCommandWith(EnableKinesisStreamingDestinationCommand, {
      TableName: TARGET,
      StreamArn: KINESIS,
    });
    expect(autoScaling).toHaveReceivedCommandTimes(RegisterScalableTargetCommand, 4);
    expect(autoScaling).toHaveReceivedCommandWith(RegisterScalableTargetCommand, {
      ServiceNamespace: 'dynamodb',
      ResourceId: `table/${TARGET}/index/byDepartment`,
      ScalableDimension: 'dynamodb:index:WriteCapacityUnits',
      MinCapacity: 5,
      MaxCapacity: 50,
    });
    expect(autoScaling).toHaveReceivedCommandWith(PutScalingPolicyCommand, {
      ResourceId: `table/${TARGET}`,
      ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: expect.objectContaining({
        TargetValue: 70,
        PredefinedMetricSpecification: { PredefinedMetricType: 'DynamoDBReadCapacityUtilization' },
      }),
    });
    const after = checklistNow(card);
    expect(after).toContain('✓ *Tags*');
    expect(after).toContain('✓ *Auto scaling*');
    expect(after).toContain('✓ *Deletion protection*');
    expect(after).not.toContain('settings_reapply');

    const [dynamoBefore, scalingBefore] = [dynamodb.calls().length, autoScaling.calls().length];
    const again = await clickChecklist(card, 'settings_reapply', REQUESTER);
    const writes = [...dynamodb.calls().slice(dynamoBefore), ...autoScaling.calls().slice(scalingBefore)].map(
      (c) => (c.args[0] as object).constructor.name,
    );

    expect(again).toContain('Nothing to do');
    expect(writes.filter((name) => !/^(Describe|List|Get)/.test(name))).toEqual([]);
    const audit = (await s.request(card.requestId)).history.filter((h) => h.event === 'settings reapplied');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(APPROVER);
  });

  it('reports a denied call as ✗ with the reason and applies the rest', async () => {
    const card = await restoreAndComplete();
    s.app.aws
      .mocks()
      .dynamodb.on(TagResourceCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform dynamodb:TagResource'));

    const reply = await clickChecklist(card, 'settings_reapply');

    expect(reply).toContain('Reapplied 7 of 8');
    expect(reply).toContain("Tags: The bot's AWS role is not allowed to call dynamodb:TagResource");
    const after = checklistNow(card);
    expect(after).toContain('✗ *Tags*');
    expect(after).toContain('✓ *Time to live*');
    expect(after).toContain('✗ Tags: The bot');
  });

  it('uses the snapshot when the source changed after the request, and says so', async () => {
    const card = await s.requestCard();
    s.fake.extrasOf('employee').tags.push({ Key: 'added-later', Value: 'yes' });
    await s.click(card, 'approve');
    s.fake.finishRestore(TARGET);
    await s.tick();

    const checklist = checklistNow(card);
    expect(checklist).toContain('as it was at the request');
    expect(checklist).toContain('source: 4: team=people');
    expect(checklist).not.toContain('added-later');
  });

  it('clones alarms only when asked, onto the new table, once', async () => {
    const card = await restoreAndComplete();
    const { cloudWatch } = s.app.aws.mocks();
    expect(cloudWatch).toHaveReceivedCommandTimes(PutMetricAlarmCommand, 0);

    const reply = await clickChecklist(card, 'settings_clone_alarms');
    const again = await clickChecklist(card, 'settings_clone_alarms');

    expect(reply).toContain('Created 2 alarm(s)');
    expect(cloudWatch).toHaveReceivedCommandTimes(PutMetricAlarmCommand, 2);
    expect(cloudWatch).toHaveReceivedCommandWith(PutMetricAlarmCommand, {
      AlarmName: `employee-system-errors-${TARGET}`,
      MetricName: 'SystemErrors',
      Namespace: 'AWS/DynamoDB',
      Dimensions: [
        { Name: 'TableName', Value: TARGET },
        { Name: 'Operation', Value: 'GetItem' },
      ],
      Threshold: 10,
      AlarmActions: ['arn:aws:sns:us-east-1:123456789012:oncall'],
    });
    expect(again).toContain('Nothing to do');
  });

  it('refuses Reapply from someone who is neither the requester nor an approver', async () => {
    const card = await restoreAndComplete();

    const reply = await clickChecklist(card, 'settings_reapply', 'URANDOM01');

    expect(reply).toContain('Only the requester or an approver');
    expect(s.app.aws.mocks().dynamodb).toHaveReceivedCommandTimes(TagResourceCommand, 0);
  });

  it('has no auto scaling to reapply for an on-demand table', async () => {
    s.fake.addTable('sessions'); // PAY_PER_REQUEST, no scalable targets
    s.fake.pitr.set('sessions', {
      enabled: true,
      earliest: new Date('2026-11-01T00:00:00Z'),
      latest: new Date('2026-11-27T18:07:00Z'),
    });
    const card = await s.requestCard('restore sessions to 10 minutes ago');
    await s.click(card, 'approve');
    s.fake.finishRestore('sessions-restored-20261127-1802');
    await s.tick();

    expect(checklistNow(card)).toContain('✓ *Auto scaling* — source: none · new table: none');
  });

  it('answers `checklist <id>` and `compare <a> <b>` on demand', async () => {
    const card = await restoreAndComplete();
    s.fake.tables.set('employee-copy', tableDescription('us-east-1', 'employee-copy'));

    const byId = await s.command(`checklist ${card.requestId}`);
    const compared = await s.command('compare employee employee-copy');

    expect(JSON.stringify(byId.reply)).toContain('✗ *Tags*');
    expect(JSON.stringify(compared.reply)).toContain('Settings of `employee` against `employee-copy`');
    expect(JSON.stringify(compared.reply)).toContain('✗ *Time to live*');
  });

  it('splits the checklist of a table with 20 GSIs and 50 tags across blocks and messages, cutting nothing', async () => {
    const gsis = Array.from(
      { length: 20 },
      (_, i) => `index-number-${String(i).padStart(2, '0')}-by-a-long-attribute-name`,
    );
    s.fake.tables.set('employee', {
      ...(s.fake.tables.get('employee') ?? {}),
      GlobalSecondaryIndexes: gsis.map((IndexName) => ({
        IndexName,
        IndexSizeBytes: 1024,
        ItemCount: 1,
        KeySchema: [],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
    s.fake.extrasOf('employee').tags = Array.from({ length: 50 }, (_, i) => ({
      Key: `tag-key-${i}-with-some-length`,
      Value: `value-${i}-${'v'.repeat(20)}`,
    }));
    for (const name of gsis) {
      s.fake.addScaling(`table/employee/index/${name}`, 'dynamodb:index:ReadCapacityUnits', 5, 100, 70);
      s.fake.addScaling(`table/employee/index/${name}`, 'dynamodb:index:WriteCapacityUnits', 5, 50, 70);
    }

    const card = await restoreAndComplete();

    const messages = checklistMessages(card);
    const all = JSON.stringify(messages.map((m) => m.params));
    for (const message of messages) {
      const blocks = message.params.blocks as Array<{ text?: { text: string } }>;
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const block of blocks) expect((block.text?.text ?? '').length).toBeLessThanOrEqual(3000);
    }
    for (let i = 0; i < 50; i += 1) expect(all).toContain(`tag-key-${i}-with-some-length`);
    for (const name of gsis) expect(all).toContain(name);
  });
});
