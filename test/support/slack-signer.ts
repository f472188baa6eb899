import { createHmac } from 'node:crypto';

/** Signs a body exactly as Slack does: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
export function signSlackBody(body: string, signingSecret: string, timestampSec: number): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Defaults to now. */
  timestampSec?: number;
  /** Replaces the computed signature; `null` leaves the header out. */
  signature?: string | null;
  /** Sets `X-Slack-Retry-Num` (and a retry reason), as Slack does on redelivery. */
  retryNum?: number;
}

export interface SlackResponse {
  status: number;
  body: string;
}

export interface SlashCommandFields {
  command: string;
  text: string;
  user_id: string;
  user_name: string;
  channel_id: string;
  channel_name: string;
  team_id: string;
  team_domain: string;
  enterprise_id?: string;
  response_url: string;
  trigger_id: string;
  api_app_id: string;
  /** The deprecated verification token Slack still sends; never to be used or logged. */
  token: string;
}

/** Sends requests to the app as Slack would: slash commands, interactions and events, all signed. */
export class SignedSlackClient {
  constructor(
    private readonly url: string,
    private readonly signingSecret: string,
  ) {}

  async command(fields: SlashCommandFields, options: SendOptions = {}): Promise<SlackResponse> {
    const body = new URLSearchParams(Object.entries(fields).filter(([, v]) => v !== undefined) as [string, string][]);
    return this.send(body.toString(), 'application/x-www-form-urlencoded', options);
  }

  async interaction(payload: Record<string, unknown>, options: SendOptions = {}): Promise<SlackResponse> {
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return this.send(body, 'application/x-www-form-urlencoded', options);
  }

  async event(envelope: Record<string, unknown>, options: SendOptions = {}): Promise<SlackResponse> {
    return this.send(JSON.stringify(envelope), 'application/json', options);
  }

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
    const timestampSec = options.timestampSec ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestampSec),
    };
    const signature =
      options.signature === undefined ? signSlackBody(body, this.signingSecret, timestampSec) : options.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const response = await fetch(this.url, { method: 'POST', headers, body });
    return { status: response.status, body: await response.text() };
  }
}
