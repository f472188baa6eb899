import { RestoreTableFromBackupCommand, RestoreTableToPointInTimeCommand } from '@aws-sdk/client-dynamodb';
import { buildSlashCommand } from '../support/builders';
import { backupSummary, tableArn } from '../support/fake-dynamodb';
import { APPROVER, NOW, REQUESTER, RestoreScenario, textOf } from '../support/restore-scenario';

describe('the restore flow, from command to completion', () => {
  let s: RestoreScenario;

  beforeEach(async () => {
    s = await RestoreScenario.start();
  });
  afterEach(async () => {
    await s.stop();
  });

  it('runs a point-in-time restore: card, approval, the exact AWS call, progress, completion', async () => {
    const card = await s.requestCard('restore employee to 10 minutes ago');

    const shown = textOf(card);
    expect(shown).toContain(`Restore request ${card.requestId}`);
    expect(shown).toContain('`employee` (us-east-1)');
    expect(shown).toContain('`employee-restored-20261127-1802`');
    expect(shown).toContain('2026-11-27T18:02:00.000Z'); // ISO UTC
    expect(shown).toContain('<!date^1795802520^'); // Slack date token
    expect(shown).toContain('10 minutes ago'); // relative, and how it was read
    expect(shown).toContain('1,200,000 items');
    expect(shown).toContain('PITR window');
    expect(shown).toContain(`<@${REQUESTER}>`);
    expect(shown).toContain('expires');
    expect(shown).toMatch(/"action_id":"restore_approve".*"style":"primary"/);
    expect(shown).toMatch(/"action_id":"restore_deny".*"style":"danger".*"confirm"/);
    expect(shown).toContain('"action_id":"restore_cancel"');

    const reply = await s.click(card, 'approve', { userId: APPROVER });

    expect(reply).toContain('Approved');
    const restoreMock = s.app.aws.dynamodb();
    expect(restoreMock).toHaveReceivedCommandTimes(RestoreTableToPointInTimeCommand, 1);
    expect(restoreMock).toHaveReceivedCommandWith(RestoreTableToPointInTimeCommand, {
      SourceTableArn: tableArn('us-east-1', 'employee'),
      TargetTableName: 'employee-restored-20261127-1802',
      RestoreDateTime: new Date('2026-11-27T18:02:00.000Z'),
    });
    const approved = s.cardNow(card);
    expect(textOf(approved)).toContain(`approved by <@${APPROVER}>`);
    expect(textOf(approved)).not.toContain('restore_approve'); // buttons gone for everyone

    s.clock.advanceMinutes(3);
    await s.tick();
    expect(textOf(s.cardNow(card))).toContain('DynamoDB reports `CREATING`');
    expect(textOf(s.cardNow(card))).toContain('3 minutes elapsed');

    s.clock.advanceMinutes(1);
    const updatesBefore = s.app.standIn.callsTo('chat.update').length;
    await s.tick(); // nothing changed and under 5 minutes: no edit (Slack rate limits)
    expect(s.app.standIn.callsTo('chat.update')).toHaveLength(updatesBefore);

    s.clock.advanceMinutes(27);
    s.fake.finishRestore('employee-restored-20261127-1802');
    await s.tick();

    const [done] = s.threadReplies(card);
    const doneText = JSON.stringify(done?.params);
    expect(doneText).toContain('finished');
    expect(doneText).toContain(tableArn('us-east-1', 'employee-restored-20261127-1802'));
    expect(doneText).toContain('1,199,874');
    expect(doneText).toContain('GiB');
    expect(doneText).toContain('31 minutes');
    expect(textOf(s.cardNow(card))).toContain('Restored');
    const stored = await s.request(card.requestId);
    expect(stored.status).toBe('succeeded');
    expect(stored.history.map((h) => h.event)).toEqual(['requested', 'approved', 'starting', 'started', 'succeeded']);
  });

  it('restores from the latest backup with RestoreTableFromBackup', async () => {
    const older = backupSummary('us-east-1', 'employee', 'nightly-1125', new Date('2026-11-25T02:00:00Z'));
    const newest = backupSummary('us-east-1', 'employee', 'nightly-1126', new Date('2026-11-26T02:00:00Z'));
    const creating = backupSummary('us-east-1', 'employee', 'nightly-1127', new Date('2026-11-27T02:00:00Z'), {
      BackupStatus: 'CREATING',
    });
    s.fake.backups = [older, creating, newest];

    const card = await s.requestCard('restore employee from backup latest as employee-from-backup');
    expect(textOf(card)).toContain('nightly-1126');
    await s.click(card, 'approve');

    expect(s.app.aws.dynamodb()).toHaveReceivedCommandWith(RestoreTableFromBackupCommand, {
      BackupArn: newest.BackupArn,
      TargetTableName: 'employee-from-backup',
    });
    s.fake.finishRestore('employee-from-backup');
    await s.tick();
    expect(JSON.stringify(s.threadReplies(card)[0]?.params)).toContain('finished');
  });

  it('restores the instant fixed at request time, even when approved 20 minutes later', async () => {
    const card = await s.requestCard('restore employee to 10 minutes ago');

    s.clock.advanceMinutes(20);
    s.fake.pitr.set('employee', {
      enabled: true,
      earliest: new Date('2026-10-23T00:00:00Z'),
      latest: new Date(NOW.getTime() + 15 * 60_000),
    });
    await s.click(card, 'approve');

    expect(s.app.aws.dynamodb()).toHaveReceivedCommandWith(RestoreTableToPointInTimeCommand, {
      RestoreDateTime: new Date('2026-11-27T18:02:00.000Z'),
    });
  });

  it('uses UseLatestRestorableTime for "latest", and says the card is a moving target', async () => {
    const card = await s.requestCard('restore employee to latest as employee-latest');

    expect(textOf(card)).toContain('latest restorable time');
    await s.click(card, 'approve');

    expect(s.app.aws.dynamodb()).toHaveReceivedCommandWith(RestoreTableToPointInTimeCommand, {
      UseLatestRestorableTime: true,
      TargetTableName: 'employee-latest',
    });
  });

  it('acknowledges the slash command before any AWS call finishes', async () => {
    s.fake.delayMs = 1500;

    const started = Date.now();
    const ack = await s.app.slack.command(
      buildSlashCommand({
        text: 'restore employee to 10 minutes ago',
        response_url: s.app.standIn.responseUrl('slow'),
      }),
    );
    const ackMs = Date.now() - started;
    await s.app.standIn.replyTo('slow', 15_000);

    expect(ack.status).toBe(200);
    expect(ackMs).toBeLessThan(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });
});
