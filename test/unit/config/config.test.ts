import { describeConfigProblems, loadConfig } from '../../../src/config/config';

const complete = {
  SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
  SLACK_SIGNING_SECRET: 'abcdef0123456789',
  AWS_REGION: 'eu-west-1',
  APPROVERS: 'U012AB3CD, W0123ABC ,S0614TZR7',
};

describe('loadConfig', () => {
  it('reads a complete configuration and applies the defaults of design §8', () => {
    const result = loadConfig(complete);

    expect(result).toEqual({
      ok: true,
      config: {
        slack: {
          botToken: 'xoxb-1-2-abc',
          signingSecret: 'abcdef0123456789',
          appToken: undefined,
          apiUrl: 'https://slack.com/api/',
          port: 3000,
        },
        aws: { defaultRegion: 'eu-west-1' },
        state: { tableName: undefined, dir: '.data' },
        policy: {
          approverUserIds: ['U012AB3CD', 'W0123ABC'],
          approverGroupIds: ['S0614TZR7'],
          requesterUserIds: [],
          requesterGroupIds: [],
          allowedChannelIds: [],
          tablesAllow: [],
          tablesDeny: [],
          requiredApprovals: 1,
          requestTtlMinutes: 30,
          backupRequiresApproval: false,
        },
        pollIntervalSeconds: 30,
        logLevel: 'info',
      },
    });
  });

  it('lists every missing variable at once', () => {
    const result = loadConfig({});

    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'AWS_REGION',
      'APPROVERS',
    ]);
  });

  it('treats whitespace-only values as missing', () => {
    const result = loadConfig({ ...complete, SLACK_BOT_TOKEN: '   ', APPROVERS: ' , ' });

    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is missing/),
      expect.stringMatching(/^APPROVERS is missing/),
    ]);
  });

  it('does not need a signing secret in Socket Mode', () => {
    const result = loadConfig({ ...complete, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: 'xapp-1-A-1-abc' });

    expect(result.ok && result.config.slack.appToken).toBe('xapp-1-A-1-abc');
  });

  it('refuses malformed values, naming the variable but never echoing a token', () => {
    const result = loadConfig({
      ...complete,
      SLACK_BOT_TOKEN: 'xoxp-a-user-token-secret',
      SLACK_APP_TOKEN: 'not-an-app-token-secret',
      AWS_REGION: 'europe',
      PORT: '70000',
      REQUIRED_APPROVALS: '1.5',
      LOG_LEVEL: 'loud',
      BACKUP_REQUIRES_APPROVAL: 'maybe',
      SLACK_API_URL: 'ftp://example.com',
      ALLOWED_CHANNELS: 'general',
    });

    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'SLACK_API_URL',
      'AWS_REGION',
      'ALLOWED_CHANNELS',
      'LOG_LEVEL',
      'PORT',
      'REQUIRED_APPROVALS',
      'BACKUP_REQUIRES_APPROVAL',
    ]);
    expect(problems.join('\n')).not.toContain('secret');
  });

  it.each(['us-east-1', 'eu-central-2', 'us-gov-west-1', 'ap-southeast-4', 'cn-north-1'])(
    'accepts region %s',
    (region) => {
      expect(loadConfig({ ...complete, AWS_REGION: region }).ok).toBe(true);
    },
  );

  it('adds the trailing slash the Web API client needs to SLACK_API_URL', () => {
    const result = loadConfig({ ...complete, SLACK_API_URL: 'http://127.0.0.1:9999/api' });

    expect(result.ok && result.config.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
  });

  it('describes the problems as one message', () => {
    expect(describeConfigProblems(['A is missing', 'B is missing'])).toBe(
      'Configuration is incomplete or invalid (2 problems):\n  - A is missing\n  - B is missing\nSet these in the environment or in a .env file (see .env.example).',
    );
  });
});
