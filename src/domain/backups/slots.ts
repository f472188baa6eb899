import type { ScheduleSpec } from '../../parse/schedule';
import { addDays, instantsForWallClock, wallClockAt, weekdayOf } from '../../parse/zones';

const HOUR_MS = 3_600_000;

/** Every slot of `spec` within about a week either side of `aroundMs`, in order. */
function slotsAround(spec: ScheduleSpec, aroundMs: number): number[] {
  if (spec.frequency === 'hourly') {
    const hourStart = Math.floor(aroundMs / HOUR_MS) * HOUR_MS;
    return Array.from({ length: 5 }, (_, i) => hourStart + (i - 2) * HOUR_MS + spec.minute * 60_000);
  }
  const today = wallClockAt(aroundMs, spec.timeZone);
  const slots: number[] = [];
  for (let offset = -8; offset <= 8; offset += 1) {
    const day = addDays(today, offset);
    if (spec.frequency === 'weekly' && weekdayOf(day) !== spec.weekday) continue;
    // A time the clocks skipped that day runs an hour later; a repeated one runs the first time.
    const wall = { ...day, hour: spec.hour, minute: spec.minute, second: 0, millisecond: 0 };
    const [first] = [
      ...instantsForWallClock(wall, spec.timeZone),
      ...instantsForWallClock({ ...wall, hour: spec.hour + 1 }, spec.timeZone),
    ];
    if (first !== undefined) slots.push(first);
  }
  return slots.sort((a, b) => a - b);
}

/** The most recent slot at or before `nowMs`: a missed run collapses into this one. */
export function latestSlotAtOrBefore(spec: ScheduleSpec, nowMs: number): number | undefined {
  return slotsAround(spec, nowMs)
    .filter((slot) => slot <= nowMs)
    .at(-1);
}

/** The first slot strictly after `nowMs`. */
export function nextSlotAfter(spec: ScheduleSpec, nowMs: number): number {
  const next = slotsAround(spec, nowMs).find((slot) => slot > nowMs);
  if (next === undefined) throw new Error('a schedule always has a slot within a week');
  return next;
}

export function describeSchedule(spec: ScheduleSpec): string {
  const at = (hour: number, minute: number) =>
    `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${spec.timeZone}`;
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  switch (spec.frequency) {
    case 'hourly':
      return `hourly at :${String(spec.minute).padStart(2, '0')} UTC, keeping ${spec.keep}`;
    case 'daily':
      return `daily at ${at(spec.hour, spec.minute)}, keeping ${spec.keep}`;
    case 'weekly':
      return `weekly on ${days[spec.weekday]} at ${at(spec.hour, spec.minute)}, keeping ${spec.keep}`;
  }
}
