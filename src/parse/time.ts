import * as chrono from 'chrono-node';
import { UserError } from '../domain/errors';
import { describeDuration, parseDurationAgoMs } from './relative';
import {
  addDays,
  formatOffset,
  instantsForWallClock,
  isKnownTimeZone,
  offsetMinutesAt,
  type WallClock,
  wallClockAsUtcMs,
  wallClockAt,
  weekdayOf,
} from './zones';

/** One reading of a phrase: an absolute instant, and how the bot understood it (shown on the card). */
export interface InstantReading {
  atMs: number;
  understoodAs: string;
}

export type TimeResolution =
  | ({ kind: 'instant' } & InstantReading)
  /** DynamoDB's `UseLatestRestorableTime`: the only moving target. */
  | { kind: 'latest'; understoodAs: string }
  /** Not used silently: the person must pick (e.g. a bare time still in the future today). */
  | { kind: 'question'; question: string; options: InstantReading[] };

export interface TimeContext {
  now: Date;
  /** The requester's IANA zone (Slack `user.tz`); needed for wall-clock phrases. */
  timeZone?: string;
}

const EXAMPLES = '`10 minutes ago`, `yesterday at 5pm`, `14:00 UTC`, `2026-11-26T14:05:00Z` or `latest`';

const LATEST = /^(?:latest|now|right now|latest restorable(?: time)?|most recent|latest restorable point)$/;
const EPOCH = /^(\d{9,11})(?:\.(\d{1,9}))?$/;
const EPOCH_MS = /^\d{13}$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/;
const DAYS_AGO_AT = /^(\d+|a|one|two|three|four|five|six|seven) days? ago,?\s+(?:at\s+)?(.+)$/;
const RELATIVE_WORDS = /\b(?:ago|from now|later|before|after|hence)\b|^in\s+\d/;
const IANA_SUFFIX = /\s+([a-z]+(?:\/[a-z0-9_+-]+)+)$/i;
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function invalid(message: string): UserError {
  return new UserError('invalid_time', message, `Times I understand: ${EXAMPLES}.`);
}

/**
 * Resolves a restore-time phrase to an absolute instant in the requester's zone.
 * Pure: `now` and `timeZone` are inputs. Throws a UserError that says what was wrong.
 */
export function parseInstant(phrase: string, { now, timeZone }: TimeContext): TimeResolution {
  // An unknown zone name is treated like no zone: phrases that need one then say so.
  const context: TimeContext = {
    now,
    timeZone: timeZone !== undefined && isKnownTimeZone(timeZone) ? timeZone : undefined,
  };
  const text = phrase
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^the /i, '')
    .replace(/[.!?]+$/, '');
  const lower = text.toLowerCase();
  if (lower === '') throw invalid('You didn’t say which time to restore to.');
  if (LATEST.test(lower)) {
    return { kind: 'latest', understoodAs: 'the latest restorable time (DynamoDB picks it when the restore starts)' };
  }
  try {
    const reading =
      readEpoch(lower) ?? readIso(lower, context) ?? readAgo(lower, context) ?? readDaysAgoAt(lower, text, context);
    if (reading !== undefined) return refuseFuture(reading, text, context);
    return readCalendarPhrase(text, context);
  } catch (error) {
    if (!(error instanceof AmbiguousWallClock)) throw error;
    return ambiguityQuestion(error, text, context.now.getTime());
  }
}

function readEpoch(lower: string): InstantReading | undefined {
  if (EPOCH_MS.test(lower)) return { atMs: Number(lower), understoodAs: `Unix time ${lower} ms` };
  const match = EPOCH.exec(lower);
  if (match === null) return undefined;
  const [, seconds = '0', fraction = ''] = match;
  // String arithmetic: 1534285294.754 * 1000 in floating point is not exactly 1534285294754.
  const ms = Number(seconds) * 1000 + Math.round(Number(`0.${fraction || '0'}`) * 1000);
  return { atMs: ms, understoodAs: `Unix time ${lower}` };
}

function readIso(lower: string, { timeZone, now }: TimeContext): InstantReading | undefined {
  const match = ISO.exec(lower);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  if (h === undefined) throw invalid(`\`${lower}\` is a date without a time of day.`);
  const wall: WallClock = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
    millisecond: Math.round(Number(`0.${frac ?? '0'}`) * 1000),
  };
  if (!isValidWallClock(wall)) throw invalid(`\`${lower}\` is not a real date and time.`);
  if (zone === undefined) {
    const requesterZone = requireZone(timeZone, lower);
    return placeWallClock(
      { zone: requesterZone, nowWall: wallClockAt(now.getTime(), requesterZone), nowMs: now.getTime(), text: lower },
      wall,
    );
  }
  const offset = zone === 'z' || zone === 'utc' || zone === 'gmt' ? 0 : parseOffsetMinutes(zone);
  return {
    atMs: wallClockAsUtcMs(wall) - offset * 60_000,
    understoodAs: `${formatWall(wall)} UTC${formatOffset(offset)}`,
  };
}

function readAgo(lower: string, { now }: TimeContext): InstantReading | undefined {
  const agoMs = parseDurationAgoMs(lower);
  if (agoMs === undefined) return undefined;
  return { atMs: now.getTime() - agoMs, understoodAs: `${describeDuration(agoMs)} ago` };
}

/** "2 days ago at noon": chrono reads this in UTC, so the date part is done here, in the requester's zone. */
function readDaysAgoAt(lower: string, text: string, context: TimeContext): InstantReading | undefined {
  const match = DAYS_AGO_AT.exec(lower);
  if (match === null) return undefined;
  const [, count = '1', timePart = ''] = match;
  const days = Number(count) || { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 }[count] || 1;
  const zone = requireZone(context.timeZone, text);
  const date = addDays(wallClockAt(context.now.getTime(), zone), -days);
  const resolution = readCalendarPhrase(`${MONTH_NAMES[date.month - 1]} ${date.day} ${date.year} ${timePart}`, context);
  if (resolution.kind !== 'instant') return undefined;
  return { atMs: resolution.atMs, understoodAs: resolution.understoodAs };
}

function refuseFuture(reading: InstantReading, text: string, { now }: TimeContext): TimeResolution {
  if (reading.atMs > now.getTime()) {
    throw new UserError(
      'time_in_future',
      `\`${text}\` is in the future (${reading.understoodAs}); a restore point must be in the past.`,
      'For example `10 minutes ago`, `yesterday at 5pm` or `latest`.',
    );
  }
  return { kind: 'instant', ...reading };
}

/** Calendar words through chrono-node, but with dates and zones decided here (see the issue notes on chrono). */
function readCalendarPhrase(text: string, context: TimeContext): TimeResolution {
  if (RELATIVE_WORDS.test(text.toLowerCase())) throw invalid(`I couldn't read \`${text}\` as a time.`);
  const ianaMatch = IANA_SUFFIX.exec(text);
  const explicitZone = ianaMatch?.[1] !== undefined && isKnownTimeZone(ianaMatch[1]) ? ianaMatch[1] : undefined;
  const body = explicitZone !== undefined && ianaMatch ? text.slice(0, ianaMatch.index) : text;
  const nowMs = context.now.getTime();
  let nowWall = wallClockAt(nowMs, explicitZone ?? context.timeZone ?? 'UTC');
  let result = parseWithChrono(body, nowWall);
  let fixedOffset = result?.start.isCertain('timezoneOffset') ? (result.start.get('timezoneOffset') ?? 0) : undefined;
  if (fixedOffset !== undefined) {
    // "14:00 UTC", "5pm PST": today and yesterday are those of the named offset, so read again from there.
    nowWall = wallClockAt(nowMs + fixedOffset * 60_000, 'UTC');
    result = parseWithChrono(body, nowWall);
    fixedOffset = result?.start.get('timezoneOffset') ?? fixedOffset;
  }
  if (result === undefined || result.end || !coversPhrase(body, result.index, result.text)) {
    throw invalid(`I couldn't read \`${text}\` as a time.`);
  }
  const { start } = result;
  if (!start.isCertain('hour')) {
    throw invalid(`\`${text}\` has no time of day in it; say which time, e.g. \`yesterday at 5pm\`.`);
  }
  const time = {
    hour: start.get('hour') ?? 0,
    minute: start.get('minute') ?? 0,
    second: start.get('second') ?? 0,
    millisecond: 0,
  };
  const zone = fixedOffset === undefined ? (explicitZone ?? requireZone(context.timeZone, text)) : undefined;
  const place: Placement = { zone, fixedOffset, nowWall, nowMs, text };

  if (start.isCertain('day')) {
    const year = start.isCertain('year') ? (start.get('year') ?? nowWall.year) : nowWall.year;
    const date = { year, month: start.get('month') ?? 1, day: start.get('day') ?? 1 };
    const reading = placeWallClock(place, { ...date, ...time });
    // A month and day without a year mean the most recent one.
    if (!start.isCertain('year') && reading.atMs > place.nowMs) {
      return refuseFuture(placeWallClock(place, { ...date, year: year - 1, ...time }), text, context);
    }
    return refuseFuture(reading, text, context);
  }
  if (start.isCertain('weekday')) {
    const weekday = start.get('weekday') ?? 0;
    const back = (weekdayOf(nowWall) - weekday + 7) % 7 || (/\blast\b/i.test(body) ? 7 : 0);
    return pastOrAsk(place, { ...addDays(nowWall, -back), ...time }, 7);
  }
  return pastOrAsk(place, { ...nowWall, ...time }, 1);
}

/**
 * chrono reasons in the process's zone, so it gets the wall clock of the phrase's zone as a local
 * date, and only the components it finds are used, never its Date.
 */
function parseWithChrono(body: string, nowWall: WallClock): chrono.ParsedResult | undefined {
  const reference = new Date(
    nowWall.year,
    nowWall.month - 1,
    nowWall.day,
    nowWall.hour,
    nowWall.minute,
    nowWall.second,
  );
  return chrono.parse(body, { instant: reference }, { forwardDate: false })[0];
}

interface Placement {
  zone?: string;
  fixedOffset?: number;
  nowWall: WallClock;
  nowMs: number;
  text: string;
}

/** A wall clock placed in the phrase's zone (IANA or fixed offset). */
function placeWallClock(place: Placement, wall: WallClock): InstantReading {
  if (!isValidWallClock(wall)) throw invalid(`\`${place.text}\` is not a real date.`);
  if (place.zone === undefined) {
    const offset = place.fixedOffset ?? 0;
    return {
      atMs: wallClockAsUtcMs(wall) - offset * 60_000,
      understoodAs: `${formatDay(wall, place)} ${formatTime(wall)} UTC${formatOffset(offset)}`,
    };
  }
  const { reading, alternatives } = atWallClock(wall, place.zone, place.text, place);
  if (alternatives.length > 1) throw new AmbiguousWallClock(alternatives, wall, place.zone);
  return reading;
}

class AmbiguousWallClock extends Error {
  override readonly name = 'AmbiguousWallClock';
  constructor(
    readonly options: InstantReading[],
    readonly wall: WallClock,
    readonly zone: string,
  ) {
    super('ambiguous wall clock');
  }
}

/**
 * A time with no date, or a weekday: if it is still ahead, the bot asks instead of guessing,
 * offering the most recent past occurrence (`stepDays` earlier). A wall clock that happened twice
 * (clocks went back) is also a question.
 */
function pastOrAsk(place: Placement, wall: WallClock, stepDays: number): TimeResolution {
  try {
    const reading = placeWallClock(place, wall);
    if (reading.atMs <= place.nowMs) return { kind: 'instant', ...reading };
    const earlier = placeWallClock(place, { ...wall, ...addDays(wall, -stepDays) });
    return {
      kind: 'question',
      question: `\`${place.text}\` is later than now (${reading.understoodAs}). Did you mean ${earlier.understoodAs}?`,
      options: [earlier],
    };
  } catch (error) {
    if (!(error instanceof AmbiguousWallClock)) throw error;
    return ambiguityQuestion(error, place.text, place.nowMs);
  }
}

function ambiguityQuestion(error: AmbiguousWallClock, text: string, nowMs: number): TimeResolution {
  const past = error.options.filter((o) => o.atMs <= nowMs);
  if (past.length === 0) {
    throw new UserError(
      'time_in_future',
      `\`${text}\` is in the future; a restore point must be in the past.`,
      'For example `10 minutes ago` or `latest`.',
    );
  }
  const [only] = past;
  if (past.length === 1 && only !== undefined) return { kind: 'instant', ...only };
  return {
    kind: 'question',
    question: `\`${text}\` happened twice in ${error.zone}: the clocks went back that night. Which one did you mean?`,
    options: past,
  };
}

function atWallClock(
  wall: WallClock,
  zone: string,
  text: string,
  place: Placement,
): { reading: InstantReading; alternatives: InstantReading[] } {
  const instants = instantsForWallClock(wall, zone);
  const label = (ms: number) =>
    `${formatDay(wall, place)} ${formatTime(wall)} ${zone} (UTC${formatOffset(offsetMinutesAt(ms, zone))})`;
  const [first] = instants;
  if (first === undefined) {
    throw new UserError(
      'invalid_time',
      `\`${text}\` did not exist in ${zone}: the clocks jumped forward over it.`,
      'Pick a time just after the jump, or give a UTC time such as `2026-03-08T10:30:00Z`.',
    );
  }
  const alternatives = instants.map((ms) => ({ atMs: ms, understoodAs: label(ms) }));
  return { reading: { atMs: first, understoodAs: label(first) }, alternatives };
}

function requireZone(timeZone: string | undefined, text: string): string {
  if (timeZone !== undefined) return timeZone;
  throw new UserError(
    'invalid_time',
    `I don't know your time zone, so I can't tell when \`${text}\` is.`,
    'Set your time zone in Slack, or add one to the time: `yesterday 5pm UTC`, `14:00 America/New_York`, `2026-11-26T14:05:00Z`.',
  );
}

function coversPhrase(body: string, index: number, matched: string): boolean {
  const leftover = `${body.slice(0, index)} ${body.slice(index + matched.length)}`;
  return /^[\s,]*(?:(?:at|on)\b[\s,]*)?$/i.test(leftover);
}

function parseOffsetMinutes(zone: string): number {
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (match === null) return 0;
  const [, sign, hours = '0', minutes = '0'] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

function isValidWallClock(w: WallClock): boolean {
  const d = new Date(wallClockAsUtcMs(w));
  return (
    d.getUTCFullYear() === w.year &&
    d.getUTCMonth() + 1 === w.month &&
    d.getUTCDate() === w.day &&
    w.hour < 24 &&
    w.minute < 60 &&
    w.second < 60
  );
}

function formatTime(w: WallClock): string {
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  const seconds = w.second !== 0 ? `:${String(w.second).padStart(2, '0')}` : '';
  return `${hour12}:${String(w.minute).padStart(2, '0')}${seconds} ${w.hour < 12 ? 'AM' : 'PM'}`;
}

function formatDay(w: WallClock, { nowWall }: Pick<Placement, 'nowWall'>): string {
  const dayDiff = Math.round(
    (Date.UTC(nowWall.year, nowWall.month - 1, nowWall.day) - Date.UTC(w.year, w.month - 1, w.day)) / 86_400_000,
  );
  const named = `${DAY_NAMES[weekdayOf(w)]} ${w.day} ${MONTH_NAMES[w.month - 1]}${w.year === nowWall.year ? '' : ` ${w.year}`}`;
  if (dayDiff === 0) return `today (${named})`;
  if (dayDiff === 1) return `yesterday (${named})`;
  return named;
}

function formatWall(w: WallClock): string {
  const pad = (n: number, size = 2) => String(n).padStart(size, '0');
  const ms = w.millisecond !== 0 ? `.${pad(w.millisecond, 3)}` : '';
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${ms}`;
}
