import { inspect } from 'node:util';
import { LogLevel, type Logger as SlackLogger } from '@slack/logger';

/** The narrow logger domain code writes to. Bolt's logger satisfies it. */
export interface Logger {
  debug(...message: unknown[]): void;
  info(...message: unknown[]): void;
  warn(...message: unknown[]): void;
  error(...message: unknown[]): void;
}

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_RANK: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Where formatted lines go; the console by default, a buffer in tests. */
export type LogSink = (level: LogLevelName, line: string) => void;

const consoleSink: LogSink = (level, line) => {
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
};

/**
 * Patterns that must never reach a log line, whatever logs them (Bolt, the Web API client, our code).
 * Bolt and @slack/web-api log request bodies at debug level, and those carry the deprecated
 * verification `token` and the `response_url`; secrets can also show up inside error messages.
 */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/xox[a-z]-[A-Za-z0-9-]+/g, '[redacted-token]'],
  [/xapp-[A-Za-z0-9-]+/g, '[redacted-token]'],
  [/(Bearer\s+)[^\s"',]+/gi, '$1[redacted]'],
  [/https?(?::|%3A)(?:\/|%2F){2}hooks\.slack\.com[^\s"'&,}]*/gi, '[redacted-url]'],
  [/(["']?(?:response_url|token|signing_?secret|client_secret)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi, '$1[redacted]'],
];

export interface RedactingLoggerOptions {
  level?: LogLevelName;
  /** Exact values to scrub (tokens, secrets) in addition to the patterns above. */
  secrets?: ReadonlyArray<string | undefined>;
  sink?: LogSink;
  name?: string;
}

/** Scrubs secrets from one already-formatted line. */
export function redactSecrets(line: string, secrets: ReadonlyArray<string> = []): string {
  let out = line;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

function formatPart(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.stack ?? `${part.name}: ${part.message}`;
  return inspect(part, { depth: 5, breakLength: Number.POSITIVE_INFINITY });
}

/**
 * A logger for Bolt, the Web API client and our own code that redacts every line it writes.
 * It implements @slack/logger's interface so Bolt can use it directly.
 */
export class RedactingLogger implements SlackLogger, Logger {
  private level: LogLevelName;
  private name: string;
  private readonly secrets: string[];
  private readonly sink: LogSink;

  constructor({ level = 'info', secrets = [], sink = consoleSink, name = 'ddb' }: RedactingLoggerOptions = {}) {
    this.level = level;
    this.name = name;
    // Very short values would scrub ordinary words; real tokens and secrets are long.
    this.secrets = secrets.filter((s): s is string => typeof s === 'string' && s.trim().length >= 8);
    this.sink = sink;
  }

  debug(...message: unknown[]): void {
    this.write('debug', message);
  }
  info(...message: unknown[]): void {
    this.write('info', message);
  }
  warn(...message: unknown[]): void {
    this.write('warn', message);
  }
  error(...message: unknown[]): void {
    this.write('error', message);
  }

  setLevel(level: LogLevel): void {
    this.level = level as LogLevelName;
  }
  getLevel(): LogLevel {
    return this.level as LogLevel;
  }
  setName(name: string): void {
    this.name = name;
  }

  private write(level: LogLevelName, message: unknown[]): void {
    if (LEVEL_RANK[level] < LEVEL_RANK[this.level]) return;
    const text = message.map(formatPart).join(' ');
    this.sink(
      level,
      redactSecrets(`${new Date().toISOString()} ${level.toUpperCase()} [${this.name}] ${text}`, this.secrets),
    );
  }
}

export { LogLevel };
