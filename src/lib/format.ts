/** Display helpers shared by every reply: times three ways, and durations. */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "12 minutes", "2 hours 5 minutes", "3 days 4 hours": the two largest units, rounded down. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE_MS) return `${Math.floor(abs / 1000)} seconds`;
  const units: Array<[number, string]> = [
    [DAY_MS, 'day'],
    [HOUR_MS, 'hour'],
    [MINUTE_MS, 'minute'],
  ];
  const parts: string[] = [];
  let rest = abs;
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
    if (parts.length === 2) break;
  }
  return parts.filter((p) => !p.startsWith('0 ')).join(' ');
}

/** "12 minutes ago", "in 5 minutes", "just now". */
export function formatRelative(atMs: number, nowMs: number): string {
  const diff = nowMs - atMs;
  if (Math.abs(diff) < 5000) return 'just now';
  return diff > 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(diff)}`;
}

/** ISO-8601 in UTC, to the millisecond. */
export function formatIsoUtc(atMs: number): string {
  return new Date(atMs).toISOString();
}

/**
 * An instant shown three ways (design §2.1): Slack's date token (each reader sees their own zone),
 * ISO-8601 UTC, and relative to now.
 */
export function formatInstantThreeWays(atMs: number, nowMs: number): string {
  const iso = formatIsoUtc(atMs);
  const token = `<!date^${Math.floor(atMs / 1000)}^{date_short_pretty} {time_secs}|${iso}>`;
  return `${token} · \`${iso}\` · ${formatRelative(atMs, nowMs)}`;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Fri, Nov 27, 2026, 10:02:00 AM PST (America/Los_Angeles)". */
export function formatInZone(atMs: number, timeZone: string): string {
  let formatter = zoneFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      hour12: true,
      timeZoneName: 'short',
    });
    zoneFormatters.set(timeZone, formatter);
  }
  return `${formatter.format(new Date(atMs))} (${timeZone})`;
}

/** Binary units, as AWS sizes are bytes: `5.00 GiB`, `312 KiB`, `0 B`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value >= 100 ? 0 : 2)} ${units[unit]}`;
}

/** `1,200,000` */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** USD with two decimals, or two significant digits for sub-cent amounts: `$1,234.57`, `$0.0042`. */
export function formatUsd(amount: number): string {
  if (amount !== 0 && Math.abs(amount) < 0.01) return `$${amount.toPrecision(2).replace(/0+$/, '')}`;
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
