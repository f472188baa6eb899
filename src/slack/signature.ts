import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../lib/clock';

/** Slack's replay window, both ways. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export function isTimestampFromTheFuture(header: string | string[] | undefined, clock: Clock): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return false; // a missing header is refused by the signature check itself
  const timestampSec = Number(value);
  const nowSec = Math.floor(clock.now().getTime() / 1000);
  return Number.isFinite(timestampSec) && timestampSec - nowSec > MAX_CLOCK_SKEW_SECONDS;
}

/**
 * Slack's request signature (`v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`), compared in
 * constant time, with the timestamp within 5 minutes either way. Node's crypto only, so the Lambda
 * front door can answer without loading Bolt.
 */
export function isSignedBySlack(
  body: string,
  headers: Record<string, string>,
  signingSecret: string,
  clock: Clock,
): boolean {
  const signature = headers['x-slack-signature'];
  const timestamp = headers['x-slack-request-timestamp'];
  if (signature === undefined || timestamp === undefined || !/^\d+$/.test(timestamp)) return false;
  const skew = Math.abs(Math.floor(clock.now().getTime() / 1000) - Number(timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) return false;
  const expected = Buffer.from(
    `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
