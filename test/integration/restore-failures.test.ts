import {
  DescribeTableCommand,
  RestoreTableFromBackupCommand,
  RestoreTableToPointInTimeCommand,
  type RestoreTableToPointInTimeCommandInput,
} from '@aws-sdk/client-dynamodb';
import { awsError, backupSummary } from '../support/fake-dynamodb';
import { RestoreScenario, textOf } from '../support/restore-scenario';

const TARGET = 'employee-restored-20261127-1802';

describe('AWS errors during a restore become plain words and a failed request', () => {
  let s: RestoreScenario;

  beforeEach(async () => {
    s = await RestoreScenario.start();
  });
  afterEach(async () => {
    await s.stop();
  });

  async function approveAndRead() {
    const card = await s.requestCard();
    await s.click(card, 'approve');
    const request = await s.request(card.requestId);
    const [thread] = s.threadReplies(card);
    return { card, request, thread: JSON.stringify(thread?.params ?? {}) };
  }

  it.each([
    ['InvalidRestoreTimeException', 'outside the table’s point-in-time restore window', 'pitr <table>'],
    ['PointInTimeRecoveryUnavailableException', 'Point-in-time recovery is not enabled', 'pitr <table> on'],
    ['LimitExceededException', 'too many table operations or restores are already running', 'Service Quotas'],
    ['TableNotFoundException', 'does not exist in us-east-1', 'case-sensitive'],
    [
      'AccessDeniedException',
      'not allowed to call dynamodb:RestoreTableToPointInTime',
      'dynamodb:PutItem, dynamodb:UpdateItem',
    ],
  ])('%s', async (name, plain, nextStep) => {
    s.app.aws.dynamodb().on(RestoreTableToPointInTimeCommand).rejects(awsError(name));

    const { card, request, thread } = await approveAndRead();

    expect(request.status).toBe('failed');
    expect(request.failure?.code).toBe(name);
    expect(thread).toContain(plain);
    expect(thread).toContain(nextStep);
    expect(textOf(s.cardNow(card))).toContain('*Failed:*');
    expect(request.history.at(-1)?.event).toBe('failed');
  });

  it('retries throttling at most 3 times, looking at the target before each retry, then fails', async () => {
    s.app.aws.dynamodb().on(RestoreTableToPointInTimeCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));

    const { request, thread } = await approveAndRead();

    const calls = s.app.aws
      .dynamodb()
      .calls()
      .map((c) => c.args[0] as { constructor: { name: string }; input: { TableName?: string } });
    const sequence = calls
      .filter(
        (c) =>
          c.constructor.name === 'RestoreTableToPointInTimeCommand' ||
          (c.constructor.name === 'DescribeTableCommand' && c.input.TableName === TARGET),
      )
      .map((c) => c.constructor.name.replace('Command', ''));
    expect(sequence.slice(-6)).toEqual([
      'RestoreTableToPointInTime',
      'DescribeTable',
      'RestoreTableToPointInTime',
      'DescribeTable',
      'RestoreTableToPointInTime',
      'DescribeTable',
    ]);
    expect(request.status).toBe('failed');
    expect(thread).toContain('throttling');
  });

  it('treats an internal error after AWS accepted the restore as success (looks first, never calls twice)', async () => {
    s.app.aws
      .dynamodb()
      .on(RestoreTableToPointInTimeCommand)
      .callsFake(async (input: RestoreTableToPointInTimeCommandInput) => {
        s.fake.acceptPointInTimeRestore(input);
        throw awsError('InternalServerError', 'Internal server error', 'server');
      });

    const { request } = await approveAndRead();

    expect(s.app.aws.dynamodb()).toHaveReceivedCommandTimes(RestoreTableToPointInTimeCommand, 1);
    expect(request.status).toBe('running');
    expect(request.history.at(-1)?.detail).toContain('reconciled after InternalServerError');
  });

  it('treats TableAlreadyExists as success when the existing table is our own restore', async () => {
    s.app.aws
      .dynamodb()
      .on(RestoreTableToPointInTimeCommand)
      .callsFake(async (input: RestoreTableToPointInTimeCommandInput) => {
        s.fake.acceptPointInTimeRestore(input);
        throw awsError('TableAlreadyExistsException', `Table already exists: ${TARGET}`);
      });

    const { request } = await approveAndRead();

    expect(request.status).toBe('running');
  });

  it('fails, naming the clash, when another table took the target name after the request', async () => {
    const card = await s.requestCard();
    s.fake.addTable(TARGET);

    await s.click(card, 'approve');

    const request = await s.request(card.requestId);
    expect(request.status).toBe('failed');
    expect(JSON.stringify(s.threadReplies(card)[0]?.params)).toContain('appeared since the request was made');
    expect(s.app.aws.dynamodb()).toHaveReceivedCommandTimes(RestoreTableToPointInTimeCommand, 0);
  });

  it('fails without calling AWS when the window moved past the restore point before approval', async () => {
    const card = await s.requestCard();
    s.fake.pitr.set('employee', {
      enabled: true,
      earliest: new Date('2026-11-27T18:05:00Z'),
      latest: new Date('2026-11-27T18:20:00Z'),
    });

    await s.click(card, 'approve');

    expect((await s.request(card.requestId)).failure?.code).toBe('InvalidRestoreTimeException');
    expect(JSON.stringify(s.threadReplies(card)[0]?.params)).toContain('The restore window moved');
    expect(s.app.aws.dynamodb()).toHaveReceivedCommandTimes(RestoreTableToPointInTimeCommand, 0);
  });

  it('explains BackupNotFoundException on a restore from a backup', async () => {
    s.fake.backups = [backupSummary('us-east-1', 'employee', 'nightly-1126', new Date('2026-11-26T02:00:00Z'))];
    const card = await s.requestCard('restore employee from backup nightly-1126');
    s.app.aws
      .dynamodb()
      .on(RestoreTableFromBackupCommand)
      .rejects(awsError('BackupNotFoundException', 'Backup not found'));

    await s.click(card, 'approve');

    expect((await s.request(card.requestId)).status).toBe('failed');
    expect(JSON.stringify(s.threadReplies(card)[0]?.params)).toContain('no longer exists');
  });

  it('keeps tracking through a throttled DescribeTable and completes later', async () => {
    const card = await s.requestCard();
    await s.click(card, 'approve');
    s.app.aws
      .dynamodb()
      .on(DescribeTableCommand, { TableName: TARGET })
      .rejectsOnce(awsError('ThrottlingException', 'Rate exceeded'));

    await s.tick();
    const during = await s.request(card.requestId);
    s.app.aws
      .dynamodb()
      .on(DescribeTableCommand)
      .callsFake(async (input: { TableName?: string }) => ({ Table: s.fake.tables.get(input.TableName ?? '') }));
    s.fake.finishRestore(TARGET);
    await s.tick();

    expect(during.status).toBe('running');
    expect((await s.request(card.requestId)).status).toBe('succeeded');
  });
});
