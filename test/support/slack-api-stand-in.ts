import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Slack Web API (or to a `response_url`). */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** The bearer token the call carried. */
  token?: string;
  /** The request path (tells response_url calls apart). */
  path: string;
  /** What the stand-in answered. */
  response?: Record<string, unknown>;
}

interface Failure {
  error: string;
  status: number;
  retryAfterSeconds?: number;
  remaining: number;
}

export interface StandInUser {
  tz?: string;
  name?: string;
}

/**
 * A local Slack Web API: answers like Slack (`{ ok: true, … }` / `{ ok: false, error }`), records
 * every call, and can be told to fail a method. Reached by the app's WebClient via `slackApiUrl`;
 * `responseUrl(id)` gives a `response_url` that lands here too.
 */
export class SlackApiStandIn {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, StandInUser>();
  readonly userGroups = new Map<string, string[]>();
  readonly botUserId = 'UBOT0001';
  private readonly failures = new Map<string, Failure>();
  private server?: Server;
  private messageCounter = 0;
  private baseUrl = '';
  private waiters: Array<() => void> = [];

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Base URL for the app's `SLACK_API_URL`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id = 'cmd'): string {
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  /** Waits for the reply posted to `responseUrl(id)` and returns its body. */
  async replyTo(id: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const path = `/response/${encodeURIComponent(id)}`;
    await this.waitFor((calls) => calls.some((c) => c.path === path), timeoutMs);
    return this.calls.find((c) => c.path === path)?.params ?? {};
  }

  /**
   * Makes the next `times` calls of `method` fail with `error` (e.g. `not_in_channel`).
   * `ratelimited` answers HTTP 429 with `Retry-After`, as Slack does.
   */
  failMethod(method: string, error: string, { times = 1, retryAfterSeconds = 1 } = {}): void {
    const status = error === 'ratelimited' ? 429 : 200;
    this.failures.set(method, { error, status, retryAfterSeconds, remaining: times });
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Everything the bot said anywhere, as one string, for loose assertions. */
  allText(): string {
    return this.calls.map((c) => JSON.stringify(c.params)).join('\n');
  }

  /** Waits until `predicate` holds for the recorded calls (the bot replies after its ack). */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for Slack calls; saw: ${this.calls.map((c) => c.method).join(', ') || 'none'}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.baseUrl);
    const params = parseParams(raw, req.headers['content-type']);
    const method = url.pathname.startsWith('/response/')
      ? 'response_url'
      : url.pathname.startsWith('/upload/')
        ? 'upload'
        : url.pathname.replace(/^\/api\//, '');
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? (params.token as string | undefined);
    const call: RecordedCall = { method, params, token, path: url.pathname };
    this.calls.push(call);
    for (const wake of this.waiters.splice(0)) wake();

    const failure = this.failures.get(method);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.status === 429) headers['retry-after'] = String(failure.retryAfterSeconds ?? 1);
      call.response = { ok: false, error: failure.error };
      res.writeHead(failure.status, headers);
      res.end(JSON.stringify(call.response));
      return;
    }
    call.response = this.answer(method, params);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(call.response));
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'ddb',
          team_id: 'T0001',
          user_id: this.botUserId,
          bot_id: 'B0001',
        };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return { ok: true, channel: params.channel, ts, message: { text: params.text, ts, bot_id: 'B0001' } };
      }
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'users.info': {
        const id = String(params.user);
        const user = this.users.get(id);
        if (user === undefined) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id, name: user.name ?? id.toLowerCase(), tz: user.tz, is_bot: false } };
      }
      case 'usergroups.users.list': {
        const members = this.userGroups.get(String(params.usergroup));
        return members === undefined ? { ok: false, error: 'no_such_subteam' } : { ok: true, users: members };
      }
      case 'response_url':
        return { ok: true };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `${this.baseUrl}/upload/F0001`, file_id: 'F0001' };
      case 'upload':
        return { ok: true };
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F0001', title: 'file' }] };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private nextTs(): string {
    this.messageCounter += 1;
    return `1700000000.${String(this.messageCounter).padStart(6, '0')}`;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The Web API client sends form-encoded bodies (blocks as JSON strings); response_url gets JSON. */
function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  if (!contentType?.includes('application/x-www-form-urlencoded')) return { body: raw }; // a file upload
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = key === 'blocks' || key === 'attachments' ? JSON.parse(value) : value;
  }
  return params;
}
