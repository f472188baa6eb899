import { RestoreTableToPointInTimeCommand } from '@aws-sdk/client-dynamodb';
import { backupSummary } from '../support/fake-dynamodb';
import { CHANNEL, NOW, RestoreScenario, textOf } from '../support/restore-scenario';

const text = (reply: Record<string, unknown>) => JSON.stringify(reply);

/** Every refusal at request time is a private message that says what and why; nothing is stored. */
describe('checks before a restore request is posted', () => {
  let s: RestoreScenario;

  beforeEach(async () => {
    s = await RestoreScenario.start();
  });
  afterEach(async () => {
    await s.stop();
  });

  it('says so when the table does not exist in the region', async () => {
    const { reply } = await s.command('restore employe to 10 minutes ago');

    expect(reply.response_type).toBe('ephemeral');
    expect(text(reply)).toContain('Table `employe` was not found in us-east-1');
    expect(s.cards()).toHaveLength(0);
  });

  it('explains that PITR is off, suggests turning it on, and lists the newest backups', async () => {
    s.fake.pitr.set('employee', { enabled: false });
    s.fake.backups = [
      backupSummary('us-east-1', 'employee', 'nightly-1126', new Date('2026-11-26T02:00:00Z')),
      backupSummary('us-east-1', 'employee', 'nightly-1125', new Date('2026-11-25T02:00:00Z')),
    ];

    const { reply } = await s.command('restore employee to 10 minutes ago');

    expect(text(reply)).toContain('Point-in-time recovery is off for `employee`');
    expect(text(reply)).toContain('/ddb pitr employee on');
    expect(text(reply)).toContain('nightly-1126');
    expect(text(reply)).toContain('restore employee from backup nightly-1126');
    expect(s.cards()).toHaveLength(0);
  });

  it('states the window when the time is older than the earliest restorable time', async () => {
    s.fake.pitr.set('employee', {
      enabled: true,
      earliest: new Date('2026-11-20T00:00:00Z'),
      latest: new Date('2026-11-27T18:07:00Z'),
      days: 7,
    });

    const { reply } = await s.command('restore employee to 2026-11-19T12:00:00Z');

    expect(text(reply)).toContain('older than `employee`');
    expect(text(reply)).toContain('2026-11-20T00:00:00.000Z');
    expect(text(reply)).toContain('2026-11-27T18:07:00.000Z');
    expect(text(reply)).toContain('recovery period: 7 days');
    expect(s.cards()).toHaveLength(0);
  });

  it('offers the latest restorable time, with a button, when the time is later than it', async () => {
    const { reply } = await s.command('restore employee to 1 minute ago');

    expect(text(reply)).toContain('later than DynamoDB');
    expect(text(reply)).toContain('2026-11-27T18:07:00.000Z');
    const button = (reply.blocks as Array<{ elements?: Array<{ value: string; action_id: string }> }>).flatMap(
      (b) => b.elements ?? [],
    )[0];
    expect(button?.action_id).toMatch(/^rerun_command/);

    const payload = {
      type: 'block_actions',
      team: { id: 'T0001' },
      user: { id: 'UREQUESTER1', team_id: 'T0001' },
      api_app_id: 'A0001',
      container: { type: 'message', message_ts: '1.1', channel_id: CHANNEL, is_ephemeral: true },
      channel: { id: CHANNEL },
      response_url: s.app.standIn.responseUrl('offer'),
      trigger_id: 't',
      actions: [{ action_id: button?.action_id, block_id: 'b', value: button?.value, type: 'button', action_ts: '1' }],
    };
    await s.app.slack.interaction(payload);
    await s.app.standIn.replyTo('offer');

    const [card] = s.cards();
    expect(card && textOf(card)).toContain('2026-11-27T18:07:00.000Z');
  });

  it('never targets an existing table, and suggests a free name', async () => {
    s.fake.addTable('employee-restored-20261127-1802');

    const { reply } = await s.command('restore employee to 10 minutes ago');

    expect(text(reply)).toContain('A table named `employee-restored-20261127-1802` already exists');
    expect(text(reply)).toContain('`employee-restored-20261127-1802-2` is free');
    expect(text(reply)).toContain('as employee-restored-20261127-1802-2');
    expect(s.cards()).toHaveLength(0);
  });

  it('lets the requester pick when several backups share a name', async () => {
    s.fake.backups = [
      backupSummary('us-east-1', 'employee', 'before-migration', new Date('2026-11-20T09:00:00Z')),
      backupSummary('us-east-1', 'employee', 'before-migration', new Date('2026-11-24T09:00:00Z'), {
        BackupSizeBytes: 5_000_000_000,
      }),
      backupSummary('us-east-1', 'employee', 'other', new Date('2026-11-25T09:00:00Z')),
    ];

    const { reply } = await s.command('restore employee from backup before-migration');

    expect(text(reply)).toContain('2 backups of `employee` are named `before-migration`');
    expect(text(reply)).toContain('2026-11-20T09:00:00.000Z');
    expect(text(reply)).toContain('2026-11-24T09:00:00.000Z');
    expect(text(reply)).toContain(`from backup ${s.fake.backups[1]?.BackupArn}`);
    expect(s.cards()).toHaveLength(0);
  });

  it('tells the requester how to invite the bot when it is not in the channel', async () => {
    s.app.standIn.failMethod('chat.postMessage', 'not_in_channel');

    const { reply } = await s.command('restore employee to 10 minutes ago');

    expect(text(reply)).toContain("I can't post in this channel (not_in_channel)");
    expect(text(reply)).toContain('/invite @ddb');
    const [stored] = await s.app.state.store.requests.listRecent(1);
    expect(stored?.status).toBe('failed');
    expect(s.app.aws.dynamodb().commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(0);
  });

  it('refuses tables outside TABLES_ALLOW / TABLES_DENY before any AWS call', async () => {
    const scoped = await RestoreScenario.start({ policy: { tablesDeny: ['emp*'] } });

    const { reply } = await scoped.command('restore employee to 10 minutes ago');

    expect(text(reply)).toContain("not in this bot's scope");
    expect(scoped.app.aws.dynamodb().calls()).toHaveLength(0);
    await scoped.stop();
  });

  it('refuses requests from channels outside ALLOWED_CHANNELS and from people outside REQUESTERS', async () => {
    const channels = await RestoreScenario.start({ policy: { allowedChannelIds: ['COPS00001'] } });
    const people = await RestoreScenario.start({ policy: { requesterUserIds: ['UONCALL01'] } });

    const wrongChannel = await channels.command('restore employee to 10 minutes ago');
    const wrongPerson = await people.command('restore employee to 10 minutes ago');

    expect(text(wrongChannel.reply)).toContain("can't be requested in this channel");
    expect(text(wrongChannel.reply)).toContain('<#COPS00001>');
    expect(text(wrongPerson.reply)).toContain('not on the list of people who may request');
    await channels.stop();
    await people.stop();
  });

  it('lists open requests with status, and the audit trail with history', async () => {
    const card = await s.requestCard();

    const status = await s.command('status');
    const one = await s.command(`status ${card.requestId}`);
    const history = await s.command('history employee');

    expect(text(status.reply)).toContain(card.requestId);
    expect(text(status.reply)).toContain('*pending*');
    expect(text(one.reply)).toContain('requested');
    expect(text(history.reply)).toContain(card.requestId);
    expect(text(history.reply)).toContain(new Date(NOW).toISOString());
  });
});
