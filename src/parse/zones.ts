/**
 * Wall-clock ↔ instant conversion in IANA time zones, with Intl only (no server-zone arithmetic):
 * the requester's zone decides, never the process's.
 */

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True if `timeZone` is an IANA zone name this runtime knows (e.g. `Asia/Kolkata`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at instant `ms`. */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The wall clock's fields read as if they were UTC: a number to compare and subtract. */
export function wallClockAsUtcMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** Offset of `timeZone` from UTC at instant `ms`, in minutes (east positive: Kolkata = +330). */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const wholeSecondMs = ms - (((ms % 1000) + 1000) % 1000);
  return Math.round((wallClockAsUtcMs(wallClockAt(wholeSecondMs, timeZone)) - wholeSecondMs) / 60_000);
}

/**
 * Every instant at which `timeZone` shows `wall`: usually one; none in a spring-forward gap;
 * two in a fall-back hour (earlier first).
 */
export function instantsForWallClock(wall: WallClock, timeZone: string): number[] {
  const asUtc = wallClockAsUtcMs(wall);
  const candidates = new Set<number>();
  // A zone's offset changes at most once around any given day, so the offsets a day before and
  // after cover every reading of this wall clock.
  for (const probe of [asUtc - 86_400_000, asUtc, asUtc + 86_400_000]) {
    candidates.add(asUtc - offsetMinutesAt(probe, timeZone) * 60_000);
  }
  return [...candidates].filter((ms) => wallClockAsUtcMs(wallClockAt(ms, timeZone)) === asUtc).sort((a, b) => a - b);
}

/** `+05:30`, `-08:00`, `+00:00` */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Adds whole days to a calendar date (no time zone involved). */
export function addDays(
  date: Pick<WallClock, 'year' | 'month' | 'day'>,
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekdayOf(date: Pick<WallClock, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}
