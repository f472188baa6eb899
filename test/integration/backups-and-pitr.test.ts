import {
  CreateBackupCommand,
  DeleteBackupCommand,
  DescribeBackupCommand,
  ListBackupsCommand,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { buildSlashCommand } from '../support/builders';
import { awsError, backupSummary } from '../support/fake-dynamodb';
import { buttonValue, REQUESTER, RestoreScenario, textOf } from '../support/restore-scenario';

const text = (reply: Record<string, unknown>) => JSON.stringify(reply);

describe('backups and PITR from chat', () => {
  let s: RestoreScenario;

  beforeEach(async () => {
    s = await RestoreScenario.start();
  });
  afterEach(async () => {
    await s.stop();
  });

  describe('backup <table> [as <name>]', () => {
    it('creates a backup named <table>-<UTC timestamp> and updates the reply until it is AVAILABLE', async () => {
      const id = 'backup-create';
      let describes = 0;
      s.app.aws
        .dynamodb()
        .on(DescribeBackupCommand)
        .callsFake(async (input: { BackupArn?: string }) => {
          describes += 1;
          const backup = s.fake.backups.find((b) => b.BackupArn === input.BackupArn);
          if (backup && describes >= 2) backup.BackupStatus = 'AVAILABLE'; // DynamoDB finishes after a couple of looks
          return {
            BackupDescription: { BackupDetails: { ...backup, BackupCreationDateTime: backup?.BackupCreationDateTime } },
          };
        });

      await s.app.slack.command(
        buildSlashCommand({ text: 'backup employee', response_url: s.app.standIn.responseUrl(id) }),
      );
      await s.app.standIn.waitFor(
        (calls) => calls.some((c) => c.path === `/response/${id}` && text(c.params).includes('AVAILABLE')),
        10_000,
      );

      expect(s.app.aws.dynamodb()).toHaveReceivedCommandWith(CreateBackupCommand, {
        TableName: 'employee',
        BackupName: 'employee-20261127-181200',
      });
      const replies = s.app.standIn.calls.filter((c) => c.path === `/response/${id}`);
      expect(text(replies[0]?.params ?? {})).toContain('CREATING (this message updates)');
      expect(text(replies[0]?.params ?? {})).toContain(
        'arn:aws:dynamodb:us-east-1:123456789012:table/employee/backup/',
      );
      expect(replies.at(-1)?.params.replace_original).toBe(true);
      expect(text(replies.at(-1)?.params ?? {})).toContain('AVAILABLE');
      expect(text(replies.at(-1)?.params ?? {})).toContain('5.00 GiB');
    });

    it('uses the given name, and records the change in the table history', async () => {
      await s.command('backup employee as before-migration');

      const history = await s.command('history employee');

      expect(s.app.aws.dynamodb()).toHaveReceivedCommandWith(CreateBackupCommand, {
        TableName: 'employee',
        BackupName: 'before-migration',
      });
      expect(text(history.reply)).toContain('backup created');
      expect(text(history.reply)).toContain('before-migration');
    });

    it.each([
      ['an unknown table', 'backup employe', /Table `employe` was not found in us-east-1/],
      ['a table that is not ACTIVE', 'backup updating-table', /is UPDATING, not ACTIVE/],
    ])('refuses %s in plain words', async (_case, command, message) => {
      s.fake.addTable('updating-table', { TableStatus: 'UPDATING' });

      const { reply } = await s.command(command);

      expect(text(reply)).toMatch(message);
      expect(s.app.aws.dynamodb()).toHaveReceivedCommandTimes(CreateBackupCommand, 0);
    });

    it.each([
      ['LimitExceededException', 'too many table operations'],
      ['AccessDeniedException', 'not allowed to call dynamodb:CreateBackup'],
      ['ContinuousBackupsUnavailableException', 'Backups are still being enabled'],
    ])('explains %s', async (name, plain) => {
      s.app.aws.dynamodb().on(CreateBackupCommand).rejects(awsError(name));

      const { reply } = await s.command('backup employee');

      expect(text(reply)).toContain(plain);
    });
  });

  it('puts a backup through the approval card when BACKUP_REQUIRES_APPROVAL is on, with the name fixed at request time', async () => {
    const gated = await RestoreScenario.start({ policy: { backupRequiresApproval: true } });

    const { reply } = await gated.command('backup employee');
    const [card] = gated.cards();
    if (card === undefined) throw new Error('no card');
    gated.clock.advanceMinutes(7);
    await gated.click(card, 'approve');

    expect(text(reply)).toContain('Backups need approval here');
    expect(textOf(card)).toContain('Create backup: request');
    expect(gated.app.aws.dynamodb()).toHaveReceivedCommandTimes(CreateBackupCommand, 1);
    expect(gated.app.aws.dynamodb()).toHaveReceivedCommandWith(CreateBackupCommand, {
      TableName: 'employee',
      BackupName: 'employee-20261127-181200',
    });
    expect((await gated.request(card.requestId)).status).toBe('succeeded');
    await gated.stop();
  });

  describe('backups [<table>]', () => {
    it('lists every page of ListBackups, newest first, paged in Slack with a Show more button', async () => {
      s.fake.backups = Array.from({ length: 25 }, (_, i) =>
        backupSummary(
          'us-east-1',
          i % 2 ? 'employee' : 'orders',
          `nightly-${String(i).padStart(2, '0')}`,
          new Date(Date.UTC(2026, 10, 1 + i, 2)),
          {
            BackupType: i === 3 ? 'AWS_BACKUP' : 'USER',
          },
        ),
      );

      const first = await s.command('backups');

      expect(s.app.aws.dynamodb().commandCalls(ListBackupsCommand).length).toBeGreaterThan(10); // 2 per page in the fake
      expect(text(first.reply)).toContain('25 backup(s) in us-east-1, newest first (page 1 of 2)');
      expect(text(first.reply).indexOf('nightly-24')).toBeLessThan(text(first.reply).indexOf('nightly-23'));
      expect(text(first.reply)).toContain('Show more (page 2 of 2)');
      expect(text(first.reply)).toContain('backups page 2 in us-east-1');
      const second = await s.command('backups page 2');
      expect(text(second.reply)).toContain('nightly-00');
      expect(text(second.reply)).toContain('AWS_BACKUP (billed by AWS Backup)');
      expect(text(second.reply)).not.toContain('Show more');
    });

    it('lists one table’s backups with ListBackups(TableName)', async () => {
      s.fake.backups = [backupSummary('us-east-1', 'employee', 'nightly-1126', new Date('2026-11-26T02:00:00Z'))];

      const { reply } = await s.command('backups employee');

      expect(s.app.aws.dynamodb()).toHaveReceivedCommandWith(ListBackupsCommand, { TableName: 'employee' });
      expect(text(reply)).toContain('`nightly-1126` of `employee`');
      expect(text(reply)).toContain('2026-11-26T02:00:00.000Z');
      expect(text(reply)).toContain('4.00 GiB · USER · $0.40/month'); // 4 GiB × $0.10
      expect(text(reply)).toContain('AWS Price List API, prices as of 2026-09-28');
    });
  });

  describe('delete backup <name | arn>', () => {
    it('goes through the approval flow, then deletes exactly that backup', async () => {
      const backup = backupSummary('us-east-1', 'employee', 'before-migration', new Date('2026-11-20T09:00:00Z'));
      s.fake.backups = [backup];

      await s.command('delete backup before-migration');
      const [card] = s.cards();
      if (card === undefined) throw new Error('no card');
      expect(textOf(card)).toContain('Delete backup: request');
      expect(textOf(card)).toContain('cannot be recovered');
      const self = await s.click(card, 'approve', { userId: REQUESTER });
      expect(self).toContain("you can't approve it");
      expect(s.app.aws.dynamodb()).toHaveReceivedCommandTimes(DeleteBackupCommand, 0);

      await s.click(card, 'approve');

      expect(s.app.aws.dynamodb()).toHaveReceivedCommandWith(DeleteBackupCommand, { BackupArn: backup.BackupArn });
      expect((await s.request(card.requestId)).status).toBe('succeeded');
      expect(JSON.stringify(s.threadReplies(card)[0]?.params)).toContain('is deleted');
    });

    it('asks which one when several backups share the name', async () => {
      s.fake.backups = [
        backupSummary('us-east-1', 'employee', 'weekly', new Date('2026-11-20T09:00:00Z')),
        backupSummary('us-east-1', 'orders', 'weekly', new Date('2026-11-21T09:00:00Z')),
      ];

      const { reply } = await s.command('delete backup weekly');

      expect(text(reply)).toContain('2 backups are named `weekly`. Which one?');
      expect(text(reply)).toContain(`delete backup ${s.fake.backups[1]?.BackupArn}`);
      expect(s.cards()).toHaveLength(0);
    });

    it.each([
      ['BackupInUseException', 'busy with another backup operation'],
      ['BackupNotFoundException', 'no longer exists'],
    ])('explains %s when the approved delete runs', async (name, plain) => {
      s.fake.backups = [backupSummary('us-east-1', 'employee', 'old-one', new Date('2026-11-20T09:00:00Z'))];
      await s.command('delete backup old-one');
      const [card] = s.cards();
      if (card === undefined) throw new Error('no card');
      s.app.aws.dynamodb().on(DeleteBackupCommand).rejects(awsError(name));

      await s.click(card, 'approve');

      expect((await s.request(card.requestId)).status).toBe('failed');
      expect(JSON.stringify(s.threadReplies(card)[0]?.params)).toContain(plain);
    });
  });

  describe('pitr', () => {
    it('shows status, recovery period and the window three ways', async () => {
      const { reply } = await s.command('pitr employee');

      expect(text(reply)).toContain('Point-in-time recovery is *on*');
      expect(text(reply)).toContain('35 days');
      expect(text(reply)).toContain('2026-10-23T18:12:00.000Z');
      expect(text(reply)).toContain('2026-11-27T18:07:00.000Z');
    });

    it('turns PITR on with the recovery period, reads the state back, and says what it is billed on', async () => {
      s.fake.pitr.set('employee', { enabled: false });

      const { reply } = await s.command('pitr employee on 7 days');

      expect(s.app.aws.dynamodb()).toHaveReceivedCommandWith(UpdateContinuousBackupsCommand, {
        TableName: 'employee',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 },
      });
      expect(text(reply)).toContain(
        'Point-in-time recovery is *on* for `employee` in us-east-1 (recovery period 7 days)',
      );
      expect(text(reply)).toContain('about 5.00 GiB');
    });

    it('retries ContinuousBackupsUnavailableException, then reads back instead of claiming success', async () => {
      s.fake.pitr.set('employee', { enabled: false });
      s.app.aws
        .dynamodb()
        .on(UpdateContinuousBackupsCommand)
        .rejects(awsError('ContinuousBackupsUnavailableException', 'Backups are being enabled for the table'));

      const { reply } = await s.command('pitr employee on');

      expect(s.app.aws.dynamodb()).toHaveReceivedCommandTimes(UpdateContinuousBackupsCommand, 3);
      expect(text(reply)).toContain('Backups are still being enabled');
    });

    it('needs approval to turn PITR off, and the card says the window will be lost', async () => {
      await s.command('pitr employee off');
      const [card] = s.cards();
      if (card === undefined) throw new Error('no card');

      expect(textOf(card)).toContain('Turn off point-in-time recovery');
      expect(textOf(card)).toContain('deletes the restore window');
      expect(s.app.aws.dynamodb()).toHaveReceivedCommandTimes(UpdateContinuousBackupsCommand, 0);
      expect(buttonValue(card, 'restore_approve')).toBeTruthy();

      await s.click(card, 'approve');

      expect(s.app.aws.dynamodb()).toHaveReceivedCommandWith(UpdateContinuousBackupsCommand, {
        TableName: 'employee',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
      });
      expect(JSON.stringify(s.threadReplies(card)[0]?.params)).toContain('its restore window is gone');
    });
  });
});
