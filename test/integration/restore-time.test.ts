import { buildSlashCommand } from '../support/builders';
import { ManualClock } from '../support/manual-clock';
import { startTestApp, type TestApp } from '../support/test-app';

describe('restore times are read in the requester’s Slack time zone', () => {
  let app: TestApp;
  const clock = new ManualClock('2026-11-27T18:12:00Z'); // 10:12 AM in Los Angeles

  beforeAll(async () => {
    app = await startTestApp({ clock });
    app.standIn.users.set('UREQUESTER1', { tz: 'America/Los_Angeles' });
    app.standIn.users.set('UKOLKATA1', { tz: 'Asia/Kolkata' });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.standIn.calls.length = 0;
  });

  async function ask(text: string, user = 'UREQUESTER1'): Promise<string> {
    const responseUrl = app.standIn.responseUrl(`${user}-${text}`);
    await app.slack.command(buildSlashCommand({ text, user_id: user, response_url: responseUrl }));
    await app.standIn.waitFor((calls) => calls.some((c) => c.method === 'response_url'));
    const reply = app.standIn.callsTo('response_url')[0];
    return JSON.stringify(reply?.params);
  }

  it('states the instant of "10 minutes ago" in UTC and in the requester’s zone', async () => {
    const reply = await ask('restore employee to 10 minutes ago');

    expect(reply).toContain('2026-11-27T18:02:00.000Z');
    expect(reply).toContain('<!date^1795802520^');
    expect(reply).toContain('10:02:00 AM PST (America/Los_Angeles)');
    expect(reply).toContain('10 minutes ago');
    expect(app.standIn.callsTo('users.info')[0]?.params.user).toBe('UREQUESTER1');
  });

  it('reads "yesterday at 5pm" as the requester’s yesterday, not the server’s', async () => {
    const la = await ask('restore employee to yesterday at 5pm');
    app.standIn.calls.length = 0;
    const kolkata = await ask('restore employee to yesterday at 5pm', 'UKOLKATA1');

    expect(la).toContain('2026-11-27T01:00:00.000Z');
    expect(kolkata).toContain('2026-11-26T11:30:00.000Z');
    expect(kolkata).toContain('Asia/Kolkata (UTC+05:30)');
  });

  it('asks instead of silently using a bare time that is still ahead today', async () => {
    const reply = await ask('restore employee to 3pm');

    expect(reply).toContain('is later than now');
    expect(reply).toContain('2026-11-26T23:00:00.000Z');
  });

  it('refuses a time in the future with an example', async () => {
    const reply = await ask('restore employee to tomorrow 5pm');

    expect(reply).toContain('is in the future');
    expect(reply).toContain('10 minutes ago');
  });

  it('asks for an explicit zone when Slack cannot say the requester’s', async () => {
    const reply = await ask('restore employee to yesterday at 5pm', 'UNOZONE01');

    expect(reply).toContain("I don't know your time zone");
    expect(reply).toContain('America/New_York');
  });
});
