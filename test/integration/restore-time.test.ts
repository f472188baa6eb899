import { RestoreScenario, textOf } from '../support/restore-scenario';

describe('restore times are read in the requester’s Slack time zone', () => {
  let s: RestoreScenario;

  beforeAll(async () => {
    s = await RestoreScenario.start(); // now: 2026-11-27T18:12Z, 10:12 AM in Los Angeles
    s.app.standIn.users.set('UKOLKATA1', { tz: 'Asia/Kolkata' });
  });
  afterAll(async () => {
    await s.stop();
  });

  const replyText = (reply: Record<string, unknown>) => JSON.stringify(reply);

  it('states the instant of "10 minutes ago" in UTC and in the requester’s zone', async () => {
    const { reply } = await s.command('restore employee to 10 minutes ago');

    const text = replyText(reply);
    expect(text).toContain('2026-11-27T18:02:00.000Z');
    expect(text).toContain('<!date^1795802520^');
    expect(text).toContain('10:02:00 AM PST (America/Los_Angeles)');
    expect(text).toContain('10 minutes ago');
    expect(s.app.standIn.callsTo('users.info').map((c) => c.params.user)).toContain('UREQUESTER1');
  });

  it('reads "yesterday at 5pm" as the requester’s yesterday, not the server’s', async () => {
    const la = await s.requestCard('restore employee to yesterday at 5pm as emp-la');
    s.app.standIn.users.set('UREQUESTER1', { tz: 'America/Los_Angeles' });
    const before = s.cards().length;
    await s.command('restore employee to yesterday at 5pm as emp-kolkata', 'UKOLKATA1');
    const kolkata = s.cards()[before];

    expect(textOf(la)).toContain('2026-11-27T01:00:00.000Z');
    expect(textOf(la)).toContain('yesterday (Thu 26 Nov) 5:00 PM America/Los_Angeles (UTC-08:00)');
    expect(kolkata && textOf(kolkata)).toContain('2026-11-26T11:30:00.000Z');
    expect(kolkata && textOf(kolkata)).toContain('Asia/Kolkata (UTC+05:30)');
  });

  it('asks instead of silently using a bare time that is still ahead today, with a button for the offer', async () => {
    const { reply } = await s.command('restore employee to 3pm');

    expect(replyText(reply)).toContain('is later than now');
    expect(replyText(reply)).toContain('rerun_command');
    expect(replyText(reply)).toContain('restore employee to 2026-11-26T23:00:00.000Z');
  });

  it('refuses a time in the future with an example', async () => {
    const { reply } = await s.command('restore employee to tomorrow 5pm');

    expect(replyText(reply)).toContain('is in the future');
    expect(replyText(reply)).toContain('10 minutes ago');
  });

  it('asks for an explicit zone when Slack cannot say the requester’s', async () => {
    const { reply } = await s.command('restore employee to yesterday at 5pm', 'UNOZONE01');

    expect(replyText(reply)).toContain("I don't know your time zone");
    expect(replyText(reply)).toContain('America/New_York');
  });
});
