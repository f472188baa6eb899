import { isKnownTimeZone } from './zones';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** When a scheduled backup runs, and how many of its own backups it keeps. */
export type ScheduleSpec = {
  keep: number;
  /** IANA zone of `at`; UTC when not given. */
  timeZone: string;
} & (
  | { frequency: 'hourly'; minute: number }
  | { frequency: 'daily'; hour: number; minute: number }
  | { frequency: 'weekly'; weekday: number; hour: number; minute: number }
);

const MAX_KEEP = 1000;

/**
 * `daily at 02:00 Europe/Paris keep 7`, `hourly keep 24`, `hourly at :15 keep 24`,
 * `weekly on sunday at 03:00 keep 4`. `fail` builds the error for a wrong part.
 */
export function parseSchedule(words: string[], fail: (problem: string) => Error): ScheduleSpec {
  const lower = words.map((w) => w.toLowerCase());
  const keepAt = lower.lastIndexOf('keep');
  if (keepAt === -1) throw fail('How many backups should the schedule keep? Add `keep <N>`.');
  const keep = Number(lower[keepAt + 1]);
  if (!Number.isInteger(keep) || keep < 1 || keep > MAX_KEEP || lower.length > keepAt + 2) {
    throw fail(`\`keep\` takes a whole number from 1 to ${MAX_KEEP} at the end, e.g. \`keep 7\`.`);
  }
  const [frequency, ...rest] = words.slice(0, keepAt);
  switch (frequency?.toLowerCase()) {
    case 'hourly': {
      if (rest.length === 0) return { frequency: 'hourly', minute: 0, keep, timeZone: 'UTC' };
      const minute = rest[0]?.toLowerCase() === 'at' && rest.length === 2 ? parseMinute(rest[1]) : undefined;
      if (minute === undefined) throw fail('Hourly schedules take `at :MM`, e.g. `hourly at :15 keep 24`.');
      return { frequency: 'hourly', minute, keep, timeZone: 'UTC' };
    }
    case 'daily':
      return { frequency: 'daily', ...parseAt(rest, fail), keep };
    case 'weekly': {
      const dayAndTime = rest[0]?.toLowerCase() === 'on' ? rest.slice(1) : rest;
      const day = dayAndTime[0]?.toLowerCase();
      const weekday = WEEKDAYS.findIndex((d) => d === day || d.slice(0, 3) === day);
      if (weekday === -1) throw fail('Weekly schedules need a day, e.g. `weekly on sunday at 03:00 keep 4`.');
      return { frequency: 'weekly', weekday, ...parseAt(dayAndTime.slice(1), fail), keep };
    }
    default:
      throw fail('Say how often: `daily`, `hourly` or `weekly`.');
  }
}

/** `at HH:MM [zone]` */
function parseAt(words: string[], fail: (problem: string) => Error) {
  const [at, clock, zoneWord, ...extra] = words;
  const time = at?.toLowerCase() === 'at' ? /^(\d{1,2}):(\d{2})$/.exec(clock ?? '') : null;
  const hour = Number(time?.[1]);
  const minute = Number(time?.[2]);
  if (time === null || hour > 23 || minute > 59) throw fail('Give the time as `at HH:MM` (24-hour), e.g. `at 02:00`.');
  if (extra.length > 0) throw fail(`I didn't understand \`${extra.join(' ')}\`.`);
  const timeZone = zoneWord === undefined || zoneWord.toUpperCase() === 'UTC' ? 'UTC' : zoneWord;
  if (!isKnownTimeZone(timeZone))
    throw fail(`\`${zoneWord}\` is not a time zone I know; use a name like \`Europe/Paris\` or \`UTC\`.`);
  return { hour, minute, timeZone };
}

function parseMinute(raw: string | undefined): number | undefined {
  const match = /^:?(\d{1,2})$/.exec(raw ?? '');
  const minute = Number(match?.[1]);
  return match !== null && minute <= 59 ? minute : undefined;
}
