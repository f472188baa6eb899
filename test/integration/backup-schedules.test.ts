import { CreateBackupCommand, DeleteBackupCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { OpenedStateStore } from '../../src/store/open-state-store';
import { awsError, backupSummary } from '../support/fake-dynamodb';
import { ManualClock } from '../support/manual-clock';
import { CHANNEL, NOW, RestoreScenario } from '../support/restore-scenario';
import { openTestStore } from '../support/store';

const text = (value: unknown) => JSON.stringify(value);
const at = (iso: string) => new Date(iso).getTime();

describe('scheduled backups with retention', () => {
  let s: RestoreScenario;
  let clock: ManualClock;
  let state: OpenedStateStore;

  beforeEach(async () => {
    clock = new ManualClock(NOW); // Fri 2026-11-27 18:12 UTC
    state = await openTestStore(clock);
    s = await RestoreScenario.start({ clock, state });
  });
  afterEach(async () => {
    await s.stop();
    await state.close();
  });

  const creates = (scenario = s) => scenario.app.aws.dynamodb().commandCalls(CreateBackupCommand);
  const channelPosts = () =>
    s.app.standIn
      .callsTo('chat.postMessage')
      .filter((c) => c.params.channel === CHANNEL && c.params.thread_ts === undefined);

  it('keeps the newest 3 of its own backups over 5 days, and never deletes a backup made by hand', async () => {
    const manual = backupSummary('us-east-1', 'employee', 'manual-before-deploy', new Date('2026-11-20T10:00:00Z'));
    s.fake.backups = [manual];
    const { reply } = await s.command('schedule backup employee daily at 02:00 keep 3');
    expect(text(reply)).toContain('daily at 02:00 UTC, keeping 3');
    expect(text(reply)).toContain('2026-11-28T02:00:00.000Z');

    for (let day = 28; day <= 32; day += 1) {
      clock.set(at('2026-11-27T02:00:30Z') + (day - 27) * 86_400_000);
      await s.app.services.tick();
      await s.app.services.tick(); // a second tick in the same slot does nothing
    }

    const names = creates().map((c) => c.args[0].input.BackupName);
    expect(names).toEqual([
      'employee-scheduled-20261128-020000',
      'employee-scheduled-20261129-020000',
      'employee-scheduled-20261130-020000',
      'employee-scheduled-20261201-020000',
      'employee-scheduled-20261202-020000',
    ]);
    const deleted = s.app.aws
      .dynamodb()
      .commandCalls(DeleteBackupCommand)
      .map((c) => c.args[0].input.BackupArn);
    expect(deleted).toHaveLength(2);
    expect(deleted).not.toContain(manual.BackupArn);
    const left = s.fake.backups.map((b) => b.BackupName).sort();
    expect(left).toEqual([
      'employee-scheduled-20261130-020000',
      'employee-scheduled-20261201-020000',
      'employee-scheduled-20261202-020000',
      'manual-before-deploy',
    ]);
    expect(channelPosts().filter((c) => String(c.params.text).includes('Scheduled backup of `employee`'))).toHaveLength(
      5,
    );
  });

  it('runs a missed slot once on the next tick, not once per missed slot', async () => {
    await s.command('schedule backup employee daily at 02:00 keep 7');

    clock.set(at('2026-12-01T09:00:00Z')); // down for three and a half days
    await s.app.services.tick();

    expect(creates().map((c) => c.args[0].input.BackupName)).toEqual(['employee-scheduled-20261201-020000']);
  });

  it('makes one backup per slot when two processes tick at once', async () => {
    await s.command('schedule backup employee hourly at :15 keep 24');
    const second = await RestoreScenario.start({ clock, state, sharingAwsWith: s });

    clock.set(at('2026-11-27T19:15:10Z'));
    await Promise.all([
      s.app.services.tick(),
      second.app.services.tick(),
      s.app.services.tick(),
      second.app.services.tick(),
    ]);

    expect(creates(s).length + creates(second).length).toBe(1);
    await second.stop();
  });

  it('posts a failure to the channel in plain words and tries again next slot', async () => {
    await s.command('schedule backup employee weekly on saturday at 03:00 Europe/Paris keep 4');
    s.app.aws
      .dynamodb()
      .on(CreateBackupCommand)
      .rejects(awsError('LimitExceededException', 'Subscriber limit exceeded'));

    clock.set(at('2026-11-28T02:00:30Z')); // 03:00 in Paris (UTC+1)
    await s.app.services.tick();

    const [failure] = channelPosts();
    expect(String(failure?.params.text)).toContain('❌ Scheduled backup of `employee` (us-east-1) failed');
    expect(text(failure?.params)).toContain('too many table operations');
    const [schedule] = await state.store.schedules.list();
    expect(new Date(schedule?.nextRunAtMs ?? 0).toISOString()).toBe('2026-12-05T02:00:00.000Z');
  });

  it('answers an AWS refusal while scheduling in plain words (every command gets this from the dispatcher)', async () => {
    s.app.aws.dynamodb().on(DescribeTableCommand).rejects(awsError('AccessDeniedException', 'not authorized'));

    const { reply } = await s.command('schedule backup employee daily at 02:00 keep 3');

    expect(text(reply)).toContain("The bot's AWS role is not allowed to call dynamodb:DescribeTable");
    expect(await state.store.schedules.list()).toEqual([]);
  });

  it('lists schedules and removes one, keeping its backups', async () => {
    await s.command('schedule backup employee daily at 02:00 keep 3');

    const listed = await s.command('schedules');
    const removed = await s.command('unschedule employee');
    const again = await s.command('unschedule employee');

    expect(text(listed.reply)).toContain('`employee` (us-east-1) · daily at 02:00 UTC, keeping 3');
    expect(text(removed.reply)).toContain('is removed');
    expect(text(again.reply)).toContain('has no backup schedule');
    const history = await s.command('history employee');
    expect(text(history.reply)).toContain('backup scheduled');
    expect(text(history.reply)).toContain('backup schedule removed');
  });
});
