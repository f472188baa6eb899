import type { Config } from '../../src/config/config';
import type { SlashCommandFields } from './slack-signer';

export const TEST_SECRETS = {
  botToken: 'xoxb-1111-2222-TESTBOTTOKENabcdef',
  signingSecret: 'test-signing-secret-0123456789abcdef',
  verificationToken: 'LEGACYVERIFICATIONtoken42',
} as const;

/** A complete configuration for tests; override what a test is about. */
export function buildConfig(
  overrides: { slack?: Partial<Config['slack']>; policy?: Partial<Config['policy']> } & Partial<
    Omit<Config, 'slack' | 'policy'>
  > = {},
): Config {
  const base: Config = {
    slack: {
      botToken: TEST_SECRETS.botToken,
      signingSecret: TEST_SECRETS.signingSecret,
      apiUrl: 'http://127.0.0.1:1/api/',
      port: 0,
    },
    aws: { defaultRegion: 'us-east-1' },
    state: { dir: '.data' },
    policy: {
      approverUserIds: ['UAPPROVER1'],
      approverGroupIds: [],
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
  };
  return {
    ...base,
    ...overrides,
    slack: { ...base.slack, ...overrides.slack },
    policy: { ...base.policy, ...overrides.policy },
  };
}

export function buildSlashCommand(overrides: Partial<SlashCommandFields> = {}): SlashCommandFields {
  return {
    command: '/ddb',
    text: 'help',
    user_id: 'UREQUESTER1',
    user_name: 'requester',
    channel_id: 'CINCIDENT1',
    channel_name: 'incident',
    team_id: 'T0001',
    team_domain: 'example',
    response_url: 'http://127.0.0.1:1/response/unset',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    api_app_id: 'A0001',
    token: TEST_SECRETS.verificationToken,
    ...overrides,
  };
}

let eventCounter = 0;

/** An Events API envelope around `event`. */
export function buildEventEnvelope(event: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  eventCounter += 1;
  return {
    token: TEST_SECRETS.verificationToken,
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: `Ev${String(eventCounter).padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
    ...overrides,
  };
}
