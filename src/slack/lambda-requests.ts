import { createHash } from 'node:crypto';

/** The parts of a Function URL / API Gateway (v1 or v2) event a Slack request needs. */
export interface HttpLambdaEvent {
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** A verified Slack request, as handed from the receiving invocation to the working one. */
export interface SlackHandOff {
  kind: 'slack-handoff';
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The raw body as Slack sent it, decoded as UTF-8. */
  body: string;
}

export function isSlackHandOff(event: unknown): event is SlackHandOff {
  return typeof event === 'object' && event !== null && (event as { kind?: unknown }).kind === 'slack-handoff';
}

/**
 * Headers lower-cased, and the body decoded as UTF-8. Bolt's AwsLambdaReceiver decodes base64 as
 * ASCII, which corrupts any non-ASCII byte and so fails the signature of JSON event bodies.
 */
export function readHttpEvent(event: HttpLambdaEvent): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {}))
    if (value !== undefined) headers[name.toLowerCase()] = value;
  const raw = event.body ?? '';
  return { headers, body: event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw };
}

/** A stable key for one Slack delivery, so a twice-delivered hand-off is worked once. */
export function handOffKey(handOff: SlackHandOff): string {
  return `lambda:${createHash('sha256')
    .update(handOff.headers['x-slack-request-timestamp'] ?? '')
    .update(handOff.body)
    .digest('hex')}`;
}
