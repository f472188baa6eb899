import { REQUEST_ID_PATTERN } from '../../parse/names';
import { SLACK_LIMITS } from '../limits';

/** What an Approve / Deny / Cancel button names: the request, and a digest of what its card showed. */
export interface DecisionValue {
  requestId: string;
  digest: string;
}

export function encodeDecisionValue({ requestId, digest }: DecisionValue): string {
  return JSON.stringify({ r: requestId, d: digest });
}

/** Undefined for anything that is not a value we wrote: bad JSON, wrong shape, oversized. */
export function parseDecisionValue(value: unknown): DecisionValue | undefined {
  if (typeof value !== 'string' || value.length > SLACK_LIMITS.buttonValueChars) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { r, d } = parsed as { r?: unknown; d?: unknown };
  if (typeof r !== 'string' || !REQUEST_ID_PATTERN.test(r) || typeof d !== 'string' || !/^[0-9a-f]{16}$/.test(d))
    return undefined;
  return { requestId: r, digest: d };
}

/** A follow-up command button: the command text and how the person invoked the bot. */
export interface RerunValue {
  command: string;
  invokedAs: string;
}

export function encodeRerunValue({ command, invokedAs }: RerunValue): string {
  return JSON.stringify({ t: command, i: invokedAs });
}

export function parseRerunValue(value: unknown): RerunValue | undefined {
  if (typeof value !== 'string' || value.length > SLACK_LIMITS.buttonValueChars) return undefined;
  try {
    const { t, i } = JSON.parse(value) as { t?: unknown; i?: unknown };
    return typeof t === 'string' && typeof i === 'string' && t.length <= 1000
      ? { command: t, invokedAs: i }
      : undefined;
  } catch {
    return undefined;
  }
}
