import type { LogLevelName } from '../lib/logger';

/** Slack user (`U…`/`W…`) and user-group (`S…`) IDs. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const GROUP_ID = /^S[A-Z0-9]{2,}$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

import { AWS_REGION_PATTERN } from '../parse/names';

export interface Config {
  slack: {
    botToken: string;
    /** Required unless Socket Mode is used. */
    signingSecret?: string;
    /** Selects Socket Mode when set. */
    appToken?: string;
    /** Base URL of the Slack Web API, with a trailing slash. @default 'https://slack.com/api/' */
    apiUrl: string;
    /** HTTP mode port. @default 3000 */
    port: number;
  };
  aws: {
    /** Region used when a command does not say `in <region>`. */
    defaultRegion: string;
  };
  state: {
    /** State table in AWS; unset means the embedded engine. */
    tableName?: string;
    /** Embedded engine's data folder. @default '.data' */
    dir: string;
  };
  policy: {
    approverUserIds: string[];
    approverGroupIds: string[];
    /** Empty means everyone may request. */
    requesterUserIds: string[];
    requesterGroupIds: string[];
    /** Empty means every channel. */
    allowedChannelIds: string[];
    tablesAllow: string[];
    tablesDeny: string[];
    /** @default 1 */
    requiredApprovals: number;
    /** @default 30 */
    requestTtlMinutes: number;
    /** On-demand backups need approval too (restores, deletes and PITR off always do). @default false */
    backupRequiresApproval: boolean;
  };
  /** Restore tracker interval. @default 30 */
  pollIntervalSeconds: number;
  /** @default 'info' */
  logLevel: LogLevelName;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** The defaults of design §8, in one place. */
export const CONFIG_DEFAULTS = {
  SLACK_API_URL: 'https://slack.com/api/',
  PORT: 3000,
  STATE_DIR: '.data',
  REQUIRED_APPROVALS: 1,
  REQUEST_TTL_MINUTES: 30,
  POLL_INTERVAL_SECONDS: 30,
  LOG_LEVEL: 'info' as LogLevelName,
} as const;

const LOG_LEVELS: readonly LogLevelName[] = ['debug', 'info', 'warn', 'error'];

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads configuration from an environment-like record. Pure: it never reads `process.env` itself,
 * and it collects every problem instead of stopping at the first. No message ever contains a value
 * of a secret variable.
 */
export function loadConfig(env: Env): ConfigResult {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined; // whitespace-only counts as missing
  };
  const required = (name: string, hint: string): string | undefined => {
    const value = read(name);
    if (value === undefined) problems.push(`${name} is missing: ${hint}`);
    return value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const flag = (name: string): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return false;
    if (['true', 'yes', '1', 'on'].includes(raw)) return true;
    if (!['false', 'no', '0', 'off'].includes(raw)) problems.push(`${name} must be true or false (got "${raw}")`);
    return false;
  };
  const list = (name: string): string[] =>
    (read(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);

  const botToken = required('SLACK_BOT_TOKEN', 'set it to the bot token (xoxb-…) from the Slack app’s OAuth page');
  if (botToken !== undefined && !botToken.startsWith('xoxb-')) {
    problems.push('SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"');
  }
  const appToken = read('SLACK_APP_TOKEN');
  if (appToken !== undefined && !appToken.startsWith('xapp-')) {
    problems.push('SLACK_APP_TOKEN must be an app-level token starting with "xapp-" (or unset it to use HTTP mode)');
  }
  const signingSecret = read('SLACK_SIGNING_SECRET');
  if (signingSecret === undefined && appToken === undefined) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing: HTTP mode needs the signing secret from the Slack app’s Basic Information page (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }

  const apiUrl = readApiUrl(read('SLACK_API_URL'), problems);

  const defaultRegion = required('AWS_REGION', 'set it to the region of your tables, e.g. us-east-1');
  if (defaultRegion !== undefined && !AWS_REGION_PATTERN.test(defaultRegion)) {
    problems.push(`AWS_REGION "${defaultRegion}" is not an AWS region name (expected something like us-east-1)`);
  }

  const approvers = list('APPROVERS');
  if (approvers.length === 0) {
    problems.push('APPROVERS is missing: list the Slack user IDs (U…/W…) and user group IDs (S…) who may approve');
  }
  const requesters = list('REQUESTERS');
  for (const [name, ids] of [
    ['APPROVERS', approvers],
    ['REQUESTERS', requesters],
  ] as const) {
    const bad = ids.filter((id) => !USER_ID.test(id) && !GROUP_ID.test(id));
    if (bad.length > 0) {
      problems.push(`${name} has entries that are not Slack user (U…/W…) or user group (S…) IDs: ${bad.join(', ')}`);
    }
  }
  const allowedChannelIds = list('ALLOWED_CHANNELS');
  const badChannels = allowedChannelIds.filter((id) => !CHANNEL_ID.test(id));
  if (badChannels.length > 0) {
    problems.push(`ALLOWED_CHANNELS has entries that are not Slack channel IDs (C…/G…/D…): ${badChannels.join(', ')}`);
  }

  const logLevel = (read('LOG_LEVEL')?.toLowerCase() ?? CONFIG_DEFAULTS.LOG_LEVEL) as LogLevelName;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const config: Config = {
    slack: {
      botToken: botToken ?? '',
      signingSecret,
      appToken,
      apiUrl,
      port: integer('PORT', CONFIG_DEFAULTS.PORT, 1, 65535),
    },
    aws: { defaultRegion: defaultRegion ?? '' },
    state: { tableName: read('STATE_TABLE'), dir: read('STATE_DIR') ?? CONFIG_DEFAULTS.STATE_DIR },
    policy: {
      approverUserIds: approvers.filter((id) => USER_ID.test(id)),
      approverGroupIds: approvers.filter((id) => GROUP_ID.test(id)),
      requesterUserIds: requesters.filter((id) => USER_ID.test(id)),
      requesterGroupIds: requesters.filter((id) => GROUP_ID.test(id)),
      allowedChannelIds,
      tablesAllow: list('TABLES_ALLOW'),
      tablesDeny: list('TABLES_DENY'),
      requiredApprovals: integer('REQUIRED_APPROVALS', CONFIG_DEFAULTS.REQUIRED_APPROVALS, 1, 10),
      requestTtlMinutes: integer('REQUEST_TTL_MINUTES', CONFIG_DEFAULTS.REQUEST_TTL_MINUTES, 1, 7 * 24 * 60),
      backupRequiresApproval: flag('BACKUP_REQUIRES_APPROVAL'),
    },
    pollIntervalSeconds: integer('POLL_INTERVAL_SECONDS', CONFIG_DEFAULTS.POLL_INTERVAL_SECONDS, 5, 3600),
    logLevel,
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

function readApiUrl(raw: string | undefined, problems: string[]): string {
  if (raw === undefined) return CONFIG_DEFAULTS.SLACK_API_URL;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    problems.push(`SLACK_API_URL must be an http(s) URL such as https://slack.com/api/ (got "${raw}")`);
    return CONFIG_DEFAULTS.SLACK_API_URL;
  }
  return raw.endsWith('/') ? raw : `${raw}/`; // the Web API client appends method names to it
}

/** Human-readable list of problems, printed once at start. */
export function describeConfigProblems(problems: readonly string[]): string {
  return [
    `Configuration is incomplete or invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):`,
    ...problems.map((p) => `  - ${p}`),
    'Set these in the environment or in a .env file (see .env.example).',
  ].join('\n');
}
