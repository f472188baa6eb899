import { formatInstantThreeWays, formatInZone } from '../lib/format';
import type { TimeResolution } from '../parse/time';

/** How a resolved restore point reads to the requester: three ways, plus their own zone. */
export function describeRestorePoint(
  resolution: Exclude<TimeResolution, { kind: 'question' }>,
  { nowMs, timeZone }: { nowMs: number; timeZone?: string },
): string {
  if (resolution.kind === 'latest') return `*latest*: ${resolution.understoodAs}`;
  const inZone = timeZone === undefined ? '' : `\nIn your time zone: ${formatInZone(resolution.atMs, timeZone)}`;
  return `${formatInstantThreeWays(resolution.atMs, nowMs)}${inZone}\nRead as: ${resolution.understoodAs}`;
}
