import { type Command, parseCommand } from '../../../src/parse/command';

const parse = (text: string) => parseCommand(text, { invokedAs: '/ddb' });
const ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/employee/backup/01732612345678-a1b2c3d4';
const arnRef = { type: 'arn', arn: ARN, region: 'us-east-1', accountId: '123456789012', table: 'employee' } as const;
const time = (phrase: string) => ({ type: 'time', phrase }) as const;

describe('parseCommand: every command of the grammar', () => {
  it.each<[string, Command]>([
    ['help', { verb: 'help' }],
    ['HELP', { verb: 'help' }],
    ['help restore', { verb: 'help' }],
    ['restore employee to 10 minutes ago', { verb: 'restore', table: 'employee', from: time('10 minutes ago') }],
    ['Restore Employee TO yesterday at 5pm', { verb: 'restore', table: 'Employee', from: time('yesterday at 5pm') }],
    [
      'please restore the employee table to 10 minutes ago',
      { verb: 'restore', table: 'employee', from: time('10 minutes ago') },
    ],
    [
      'hey can you restore employee to 10 minutes ago, please',
      { verb: 'restore', table: 'employee', from: time('10 minutes ago') },
    ],
    [
      'restore employee to 10 minutes ago as employee-before-incident',
      { verb: 'restore', table: 'employee', from: time('10 minutes ago'), target: 'employee-before-incident' },
    ],
    [
      'restore employee to 10 minutes ago in eu-west-1',
      { verb: 'restore', table: 'employee', from: time('10 minutes ago'), region: 'eu-west-1' },
    ],
    [
      'restore employee to 10 minutes ago as emp-copy in EU-WEST-1',
      { verb: 'restore', table: 'employee', from: time('10 minutes ago'), target: 'emp-copy', region: 'eu-west-1' },
    ],
    ['restore employee to latest', { verb: 'restore', table: 'employee', from: time('latest') }],
    [
      'restore employee as of 2026-11-26T14:05:00Z',
      { verb: 'restore', table: 'employee', from: time('2026-11-26T14:05:00Z') },
    ],
    ['restore employee at 5pm PST', { verb: 'restore', table: 'employee', from: time('5pm PST') }],
    [
      'restore orders.v2_prod to 1534285294.754',
      { verb: 'restore', table: 'orders.v2_prod', from: time('1534285294.754') },
    ],
    [
      'restore employee from backup latest',
      { verb: 'restore', table: 'employee', from: { type: 'backup', backup: { type: 'latest' } } },
    ],
    [
      'restore employee from the latest backup',
      { verb: 'restore', table: 'employee', from: { type: 'backup', backup: { type: 'latest' } } },
    ],
    [
      'restore employee from backup nightly-2026-11-25',
      {
        verb: 'restore',
        table: 'employee',
        from: { type: 'backup', backup: { type: 'name', name: 'nightly-2026-11-25' } },
      },
    ],
    [
      `restore employee from backup ${ARN}`,
      { verb: 'restore', table: 'employee', from: { type: 'backup', backup: arnRef } },
    ],
    [
      'restore employee from backup latest as employee-from-backup in us-west-2',
      {
        verb: 'restore',
        table: 'employee',
        from: { type: 'backup', backup: { type: 'latest' } },
        target: 'employee-from-backup',
        region: 'us-west-2',
      },
    ],
    ['backup employee', { verb: 'backup', table: 'employee' }],
    ['backup employee as before-migration', { verb: 'backup', table: 'employee', name: 'before-migration' }],
    ['back up employee', { verb: 'backup', table: 'employee' }],
    ['backup the employee table named pre-deploy', { verb: 'backup', table: 'employee', name: 'pre-deploy' }],
    ['backup employee in us-west-2', { verb: 'backup', table: 'employee', region: 'us-west-2' }],
    ['backups', { verb: 'backups' }],
    ['backups employee', { verb: 'backups', table: 'employee' }],
    ['backups for employee in ap-south-1', { verb: 'backups', table: 'employee', region: 'ap-south-1' }],
    ['list backups', { verb: 'backups' }],
    ['show backups of employee', { verb: 'backups', table: 'employee' }],
    ['delete backup before-migration', { verb: 'delete_backup', backup: { type: 'name', name: 'before-migration' } }],
    ['delete the backup nightly-1', { verb: 'delete_backup', backup: { type: 'name', name: 'nightly-1' } }],
    [`delete backup ${ARN}`, { verb: 'delete_backup', backup: arnRef }],
    ['pitr employee', { verb: 'pitr', table: 'employee', action: 'status' }],
    ['PITR employee status', { verb: 'pitr', table: 'employee', action: 'status' }],
    ['pitr employee on', { verb: 'pitr', table: 'employee', action: 'on' }],
    ['pitr employee on 7 days', { verb: 'pitr', table: 'employee', action: 'on', recoveryPeriodDays: 7 }],
    ['pitr employee on for 35 days', { verb: 'pitr', table: 'employee', action: 'on', recoveryPeriodDays: 35 }],
    ['pitr employee enable', { verb: 'pitr', table: 'employee', action: 'on' }],
    ['pitr employee off', { verb: 'pitr', table: 'employee', action: 'off' }],
    [
      'pitr employee disable in eu-central-1',
      { verb: 'pitr', table: 'employee', action: 'off', region: 'eu-central-1' },
    ],
    [
      'schedule backup employee daily at 02:00 keep 7',
      {
        verb: 'schedule',
        table: 'employee',
        schedule: { frequency: 'daily', hour: 2, minute: 0, timeZone: 'UTC', keep: 7 },
      },
    ],
    [
      'schedule backup employee daily at 02:00 Europe/Paris keep 7',
      {
        verb: 'schedule',
        table: 'employee',
        schedule: { frequency: 'daily', hour: 2, minute: 0, timeZone: 'Europe/Paris', keep: 7 },
      },
    ],
    [
      'schedule backup employee hourly keep 24',
      { verb: 'schedule', table: 'employee', schedule: { frequency: 'hourly', minute: 0, timeZone: 'UTC', keep: 24 } },
    ],
    [
      'schedule backup employee hourly at :15 keep 24',
      { verb: 'schedule', table: 'employee', schedule: { frequency: 'hourly', minute: 15, timeZone: 'UTC', keep: 24 } },
    ],
    [
      'schedule backup employee weekly on sunday at 03:00 keep 4',
      {
        verb: 'schedule',
        table: 'employee',
        schedule: { frequency: 'weekly', weekday: 0, hour: 3, minute: 0, timeZone: 'UTC', keep: 4 },
      },
    ],
    [
      'Schedule Backup employee WEEKLY on Sat at 23:30 utc keep 4',
      {
        verb: 'schedule',
        table: 'employee',
        schedule: { frequency: 'weekly', weekday: 6, hour: 23, minute: 30, timeZone: 'UTC', keep: 4 },
      },
    ],
    ['schedules', { verb: 'schedules' }],
    ['unschedule employee', { verb: 'unschedule', table: 'employee' }],
    ['cost', { verb: 'cost' }],
    ['COST employee', { verb: 'cost', table: 'employee' }],
    ['cost of employee in eu-west-1', { verb: 'cost', table: 'employee', region: 'eu-west-1' }],
    ['cost in eu-west-1', { verb: 'cost', region: 'eu-west-1' }],
    ['checklist R-7K2Q9', { verb: 'checklist', requestId: 'R-7K2Q9' }],
    ['checklist r-7k2q9', { verb: 'checklist', requestId: 'R-7K2Q9' }],
    [
      'compare employee employee-restored-20261126-1405',
      { verb: 'compare', source: 'employee', target: 'employee-restored-20261126-1405' },
    ],
    ['compare employee with employee-copy', { verb: 'compare', source: 'employee', target: 'employee-copy' }],
    ['status', { verb: 'status' }],
    ['status R-7K2Q9', { verb: 'status', requestId: 'R-7K2Q9' }],
    ['history', { verb: 'history' }],
    ['history employee', { verb: 'history', table: 'employee' }],
    ['history of the employee table', { verb: 'history', table: 'employee' }],
  ])('reads "%s"', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe('parseCommand: mistakes get a message that says what was wrong and what works', () => {
  it.each<[string, string, RegExp, RegExp]>([
    ['', 'empty_command', /didn’t give me a command/, /\/ddb help/],
    ['   ', 'empty_command', /didn’t give me a command/, /\/ddb help/],
    ['frobnicate employee', 'unknown_command', /I don't know `frobnicate`/, /\/ddb help/],
    ['restore', 'invalid_arguments', /table name is missing/, /\/ddb restore <table> to <time>/],
    ['restore to 10 minutes ago', 'invalid_arguments', /table name is missing/, /restore <table>/],
    ['restore employee', 'invalid_arguments', /Restore `employee` to when/, /from backup/],
    ['restore employee to', 'invalid_arguments', /time is missing/, /restore <table> to <time>/],
    ['restore employee yesterday', 'invalid_arguments', /expected `to <time>` or `from backup <name>`/, /restore/],
    ['restore emp!oyee to 10 minutes ago', 'invalid_name', /`emp!oyee` is not a valid table name/, /3–255 characters/],
    ['restore ab to 10 minutes ago', 'invalid_name', /`ab` is not a valid table name/, /3–255 characters/],
    ['restore employee to 10 minutes ago as x', 'invalid_name', /`x` is not a valid target table name/, /3–255/],
    ['restore employee to 10 minutes ago in us-east', 'invalid_region', /`us-east` is not an AWS region/, /us-east-1/],
    ['restore employee from backup', 'invalid_arguments', /Which backup\?/, /from backup <name \| arn \| latest>/],
    [
      'restore employee from backup arn:aws:dynamodb:bad',
      'invalid_name',
      /not a DynamoDB backup ARN/,
      /arn:aws:dynamodb:/,
    ],
    ['backup', 'invalid_arguments', /table name is missing/, /backup <table> \[as <name>\]/],
    ['backup employee extra words', 'invalid_arguments', /didn't understand `extra words`/, /backup <table>/],
    ['backup employee as a', 'invalid_name', /`a` is not a valid backup name/, /3–255/],
    ['delete employee', 'invalid_arguments', /Only backups can be deleted/, /delete backup <name \| arn>/],
    ['delete backup', 'invalid_arguments', /Which backup\?/, /delete backup/],
    ['pitr', 'invalid_arguments', /table name is missing/, /pitr <table>/],
    ['pitr employee on 40 days', 'invalid_arguments', /from 1 to 35, not `40`/, /pitr <table> on \[<N> days\]/],
    ['pitr employee maybe', 'invalid_arguments', /expected `on`, `off` or nothing/, /pitr <table> off/],
    ['schedule backup employee daily at 25:00 keep 7', 'invalid_arguments', /`at HH:MM`/, /schedule backup <table>/],
    [
      'schedule backup employee daily at 02:00 keep',
      'invalid_arguments',
      /`keep` takes a whole number/,
      /schedule backup/,
    ],
    ['schedule backup employee daily at 02:00', 'invalid_arguments', /Add `keep <N>`/, /schedule backup/],
    [
      'schedule backup employee monthly keep 3',
      'invalid_arguments',
      /`daily`, `hourly` or `weekly`/,
      /schedule backup/,
    ],
    [
      'schedule backup employee daily at 02:00 Mars/Base keep 3',
      'invalid_arguments',
      /not a time zone I know/,
      /schedule/,
    ],
    ['unschedule', 'invalid_arguments', /table name is missing/, /unschedule <table>/],
    ['checklist', 'invalid_arguments', /request id is missing/, /checklist <request id>/],
    ['checklist 1234', 'invalid_arguments', /`1234` is not a request id/, /R-7K2Q9/],
    ['compare employee', 'invalid_arguments', /second name is missing/, /compare <source table> <target table>/],
    ['status nope', 'invalid_arguments', /`nope` is not a request id/, /status/],
    ['cost employee orders', 'invalid_arguments', /didn't understand `orders`/, /cost \[<table>\]/],
  ])('refuses "%s" with %s', (text, code, message, hint) => {
    let caught: unknown;
    try {
      parse(text);
    } catch (error) {
      caught = error;
    }

    expect(caught).toMatchObject({
      name: 'UserError',
      code,
      message: expect.stringMatching(message),
      hint: expect.stringMatching(hint),
    });
  });

  it('writes examples the way the person invoked the bot', () => {
    expect(() => parseCommand('nope', { invokedAs: '' })).toThrow(expect.objectContaining({ hint: 'Try `help`.' }));
    expect(() => parseCommand('nope', { invokedAs: '@ddb' })).toThrow(
      expect.objectContaining({ hint: 'Try `@ddb help`.' }),
    );
  });
});
