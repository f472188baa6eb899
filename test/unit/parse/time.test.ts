import { parseInstant, type TimeResolution } from '../../../src/parse/time';

const FRI_A = new Date('2026-11-27T18:12:00Z'); // Fri: 10:12 PST, 23:42 IST, 19:12 CET, Sat 05:12 AEDT
const AFTER_FALL_BACK = new Date('2026-11-01T12:00:00Z'); // Sun: 04:00 PST in LA, clocks went back at 09:00Z
const BEFORE_FALL_BACK = new Date('2026-10-31T20:00:00Z'); // Sat: 13:00 PDT in LA
const AFTER_SPRING_FORWARD = new Date('2026-03-08T12:00:00Z'); // Sun: 05:00 PDT in LA

const LA = 'America/Los_Angeles';
const KOLKATA = 'Asia/Kolkata';
const BERLIN = 'Europe/Berlin';
const SYDNEY = 'Australia/Sydney';
const NEW_YORK = 'America/New_York';
const KATHMANDU = 'Asia/Kathmandu';
const UTC = 'UTC';

function atOf(result: TimeResolution): string {
  if (result.kind !== 'instant') throw new Error(`expected an instant, got ${JSON.stringify(result)}`);
  return new Date(result.atMs).toISOString();
}

describe('parseInstant: phrases resolved to the exact instant', () => {
  it.each<[string, string, Date, string]>([
    // Calendar words in the requester's zone, reference Friday 2026-11-27T18:12Z
    ['yesterday at 5pm', LA, FRI_A, '2026-11-27T01:00:00.000Z'],
    ['today 09:15', LA, FRI_A, '2026-11-27T17:15:00.000Z'],
    ['last friday noon', LA, FRI_A, '2026-11-20T20:00:00.000Z'],
    ['Nov 25 14:00', LA, FRI_A, '2026-11-25T22:00:00.000Z'],
    ['25 Nov 2pm', LA, FRI_A, '2026-11-25T22:00:00.000Z'],
    ['at 9am', LA, FRI_A, '2026-11-27T17:00:00.000Z'],
    ['9:30', LA, FRI_A, '2026-11-27T17:30:00.000Z'],
    ['noon yesterday', LA, FRI_A, '2026-11-26T20:00:00.000Z'],
    ['2 days ago at noon', LA, FRI_A, '2026-11-25T20:00:00.000Z'],
    ['thursday 5pm', LA, FRI_A, '2026-11-27T01:00:00.000Z'],
    ['friday 9am', LA, FRI_A, '2026-11-27T17:00:00.000Z'],
    ['2026-11-26 14:05', LA, FRI_A, '2026-11-26T22:05:00.000Z'],
    ['this morning at 9', LA, FRI_A, '2026-11-27T17:00:00.000Z'],
    ['Dec 25 10:00', LA, FRI_A, '2025-12-25T18:00:00.000Z'],
    ['yesterday at 5pm', KOLKATA, FRI_A, '2026-11-26T11:30:00.000Z'],
    ['today 09:15', KOLKATA, FRI_A, '2026-11-27T03:45:00.000Z'],
    ['at 3pm', KOLKATA, FRI_A, '2026-11-27T09:30:00.000Z'],
    ['last friday noon', KOLKATA, FRI_A, '2026-11-20T06:30:00.000Z'],
    ['Nov 25 14:00', KOLKATA, FRI_A, '2026-11-25T08:30:00.000Z'],
    ['11pm', KOLKATA, FRI_A, '2026-11-27T17:30:00.000Z'],
    ['2026-11-26 14:05', KOLKATA, FRI_A, '2026-11-26T08:35:00.000Z'],
    ['yesterday at 5pm', KATHMANDU, FRI_A, '2026-11-26T11:15:00.000Z'],
    ['yesterday at 5pm', BERLIN, FRI_A, '2026-11-26T16:00:00.000Z'],
    ['today 09:15', BERLIN, FRI_A, '2026-11-27T08:15:00.000Z'],
    ['Nov 25 14:00', BERLIN, FRI_A, '2026-11-25T13:00:00.000Z'],
    ['last friday noon', BERLIN, FRI_A, '2026-11-20T11:00:00.000Z'],
    ['yesterday at 5pm', SYDNEY, FRI_A, '2026-11-27T06:00:00.000Z'],
    ['today 01:00', SYDNEY, FRI_A, '2026-11-27T14:00:00.000Z'],
    ['last friday noon', SYDNEY, FRI_A, '2026-11-27T01:00:00.000Z'],
    ['friday 9am', SYDNEY, FRI_A, '2026-11-26T22:00:00.000Z'],
    ['yesterday at 5pm', UTC, FRI_A, '2026-11-26T17:00:00.000Z'],
    // Relative: the same in every zone
    ['10 minutes ago', LA, FRI_A, '2026-11-27T18:02:00.000Z'],
    ['10 minutes ago', KOLKATA, FRI_A, '2026-11-27T18:02:00.000Z'],
    ['an hour ago', SYDNEY, FRI_A, '2026-11-27T17:12:00.000Z'],
    ['2h ago', BERLIN, FRI_A, '2026-11-27T16:12:00.000Z'],
    ['90 seconds ago', LA, FRI_A, '2026-11-27T18:10:30.000Z'],
    ['2 hours and 15 minutes ago', LA, FRI_A, '2026-11-27T15:57:00.000Z'],
    ['2h15m ago', KOLKATA, FRI_A, '2026-11-27T15:57:00.000Z'],
    ['half an hour ago', LA, FRI_A, '2026-11-27T17:42:00.000Z'],
    ['an hour and a half ago', LA, FRI_A, '2026-11-27T16:42:00.000Z'],
    ['3 days ago', LA, FRI_A, '2026-11-24T18:12:00.000Z'],
    ['10 mins ago.', LA, FRI_A, '2026-11-27T18:02:00.000Z'],
    ['2 hours, 15 minutes and 30 seconds ago', LA, FRI_A, '2026-11-27T15:56:30.000Z'],
    // Explicit zones, offsets and instants
    ['14:00 UTC', LA, FRI_A, '2026-11-27T14:00:00.000Z'],
    ['14:00 UTC', KOLKATA, FRI_A, '2026-11-27T14:00:00.000Z'],
    ['9am PST', KOLKATA, FRI_A, '2026-11-27T17:00:00.000Z'],
    ['9am America/New_York', KOLKATA, FRI_A, '2026-11-27T14:00:00.000Z'],
    ['5pm Europe/London', LA, FRI_A, '2026-11-27T17:00:00.000Z'],
    ['2026-11-26T14:05:00Z', LA, FRI_A, '2026-11-26T14:05:00.000Z'],
    ['2026-11-26T14:05:00.250Z', KOLKATA, FRI_A, '2026-11-26T14:05:00.250Z'],
    ['2026-11-26 14:05 +01:00', LA, FRI_A, '2026-11-26T13:05:00.000Z'],
    ['2026-11-26 14:05:30 -05:00', LA, FRI_A, '2026-11-26T19:05:30.000Z'],
    ['2026-11-26T14:05:00+0530', LA, FRI_A, '2026-11-26T08:35:00.000Z'],
    ['2026-11-26 14:05 UTC', KOLKATA, FRI_A, '2026-11-26T14:05:00.000Z'],
    // Unix epoch seconds, as the AWS CLI takes them
    ['1534285294.754', LA, FRI_A, '2018-08-14T22:21:34.754Z'],
    ['1795802520', KOLKATA, FRI_A, '2026-11-27T18:02:00.000Z'],
    ['1795802520.5', LA, FRI_A, '2026-11-27T18:02:00.500Z'],
    ['1795802520123', LA, FRI_A, '2026-11-27T18:02:00.123Z'],
    // Across the autumn DST change (US clocks went back at 2026-11-01T09:00Z)
    ['yesterday at 5pm', LA, AFTER_FALL_BACK, '2026-11-01T00:00:00.000Z'],
    ['today 3am', LA, AFTER_FALL_BACK, '2026-11-01T11:00:00.000Z'],
    ['yesterday at 1:30am', LA, AFTER_FALL_BACK, '2026-10-31T08:30:00.000Z'],
    ['yesterday at 4am', LA, AFTER_FALL_BACK, '2026-10-31T11:00:00.000Z'],
    ['24 hours ago', LA, AFTER_FALL_BACK, '2026-10-31T12:00:00.000Z'],
    ['yesterday 5pm', NEW_YORK, AFTER_FALL_BACK, '2026-10-31T21:00:00.000Z'],
    ['yesterday at 5pm', LA, BEFORE_FALL_BACK, '2026-10-31T00:00:00.000Z'],
    ['at 9am', LA, BEFORE_FALL_BACK, '2026-10-31T16:00:00.000Z'],
    ['last friday noon', LA, BEFORE_FALL_BACK, '2026-10-30T19:00:00.000Z'],
    ['yesterday at 5pm', BERLIN, BEFORE_FALL_BACK, '2026-10-30T16:00:00.000Z'],
    ['Oct 24 14:00', BERLIN, BEFORE_FALL_BACK, '2026-10-24T12:00:00.000Z'],
    // Across the spring DST change (US clocks jumped forward at 2026-03-08T10:00Z)
    ['today 3:30am', LA, AFTER_SPRING_FORWARD, '2026-03-08T10:30:00.000Z'],
    ['today 1:30am', LA, AFTER_SPRING_FORWARD, '2026-03-08T09:30:00.000Z'],
    ['yesterday 5pm', LA, AFTER_SPRING_FORWARD, '2026-03-08T01:00:00.000Z'],
  ])('reads "%s" in %s at %s as %s', (phrase, timeZone, now, expected) => {
    const result = parseInstant(phrase, { now, timeZone });

    expect(atOf(result)).toBe(expected);
  });

  it.each([
    ['yesterday at 5pm', LA, 'yesterday (Thu 26 Nov) 5:00 PM America/Los_Angeles (UTC-08:00)'],
    ['yesterday at 5pm', KOLKATA, 'yesterday (Thu 26 Nov) 5:00 PM Asia/Kolkata (UTC+05:30)'],
    ['10 minutes ago', LA, '10 minutes ago'],
    ['14:00 UTC', LA, 'today (Fri 27 Nov) 2:00 PM UTC+00:00'],
    ['1534285294.754', LA, 'Unix time 1534285294.754'],
  ])('says how it understood "%s" in %s', (phrase, timeZone, understoodAs) => {
    const result = parseInstant(phrase, { now: FRI_A, timeZone });

    expect(result).toMatchObject({ kind: 'instant', understoodAs });
  });

  it.each(['latest', 'now', 'Latest restorable time', 'the latest', 'right now'])(
    'reads "%s" as the latest restorable time',
    (phrase) => {
      expect(parseInstant(phrase, { now: FRI_A, timeZone: LA }).kind).toBe('latest');
    },
  );
});

describe('parseInstant: bare times later today are a question, never silently moved', () => {
  it.each<[string, string, Date, string]>([
    ['at 3pm', LA, FRI_A, '2026-11-26T23:00:00.000Z'],
    ['11:50pm', KOLKATA, FRI_A, '2026-11-26T18:20:00.000Z'],
    ['at 8pm', BERLIN, FRI_A, '2026-11-26T19:00:00.000Z'],
    ['at 6am', SYDNEY, FRI_A, '2026-11-26T19:00:00.000Z'],
    ['19:00 UTC', LA, FRI_A, '2026-11-26T19:00:00.000Z'],
    ['5pm PST', KOLKATA, FRI_A, '2026-11-27T01:00:00.000Z'],
    ['at 6am', LA, AFTER_FALL_BACK, '2026-10-31T13:00:00.000Z'],
    ['friday 5pm', LA, FRI_A, '2026-11-21T01:00:00.000Z'],
  ])('asks about "%s" in %s, offering the most recent past occurrence', (phrase, timeZone, now, offered) => {
    const result = parseInstant(phrase, { now, timeZone });

    expect(result.kind).toBe('question');
    if (result.kind !== 'question') return;
    expect(result.question).toContain('is later than now');
    expect(result.options.map((o) => new Date(o.atMs).toISOString())).toEqual([offered]);
  });

  it.each<[string, string, string[]]>([
    ['1:30am', LA, ['2026-11-01T08:30:00.000Z', '2026-11-01T09:30:00.000Z']],
    ['today 1:30am', LA, ['2026-11-01T08:30:00.000Z', '2026-11-01T09:30:00.000Z']],
    ['2026-11-01 01:30', LA, ['2026-11-01T08:30:00.000Z', '2026-11-01T09:30:00.000Z']],
    ['today 1:30am', NEW_YORK, ['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']],
  ])('asks which "%s" in %s was meant when the clocks went back', (phrase, timeZone, options) => {
    const result = parseInstant(phrase, { now: AFTER_FALL_BACK, timeZone });

    expect(result.kind).toBe('question');
    if (result.kind !== 'question') return;
    expect(result.question).toContain('happened twice');
    expect(result.options.map((o) => new Date(o.atMs).toISOString())).toEqual(options);
    expect(result.options.map((o) => o.understoodAs)).toEqual([
      expect.stringContaining('UTC-0'),
      expect.stringContaining('UTC-0'),
    ]);
  });
});

describe('parseInstant: errors say what was wrong', () => {
  it.each<[string, string | undefined, Date, string, RegExp]>([
    ['tomorrow 5pm', LA, FRI_A, 'time_in_future', /is in the future/],
    ['today 11:00', LA, FRI_A, 'time_in_future', /is in the future/],
    ['2026-11-28T00:00:00Z', LA, FRI_A, 'time_in_future', /a restore point must be in the past/],
    ['1895802520', LA, FRI_A, 'time_in_future', /is in the future/],
    ['in 5 minutes', LA, FRI_A, 'invalid_time', /couldn't read `in 5 minutes`/],
    ['banana', LA, FRI_A, 'invalid_time', /couldn't read `banana` as a time/],
    ['a few minutes ago', LA, FRI_A, 'invalid_time', /couldn't read/],
    ['5 months ago', LA, FRI_A, 'invalid_time', /couldn't read/],
    ['yesterday', LA, FRI_A, 'invalid_time', /has no time of day/],
    ['last friday', KOLKATA, FRI_A, 'invalid_time', /has no time of day/],
    ['', LA, FRI_A, 'invalid_time', /didn’t say which time/],
    ['2026-02-30 10:00', LA, FRI_A, 'invalid_time', /not a real date/],
    ['2026-11-26', LA, FRI_A, 'invalid_time', /date without a time of day/],
    ['yesterday at 5pm', undefined, FRI_A, 'invalid_time', /don't know your time zone/],
    ['yesterday at 5pm', 'Mars/Olympus_Mons', FRI_A, 'invalid_time', /don't know your time zone/],
    ['2:30am', LA, AFTER_SPRING_FORWARD, 'invalid_time', /did not exist in America\/Los_Angeles/],
    ['yesterday at 5pm and today', LA, FRI_A, 'invalid_time', /couldn't read/],
  ])('refuses "%s" (%s) with %s', (phrase, timeZone, now, code, message) => {
    let caught: unknown;
    try {
      parseInstant(phrase, { now, timeZone });
    } catch (error) {
      caught = error;
    }

    expect(caught).toMatchObject({ name: 'UserError', code, message: expect.stringMatching(message) });
    expect((caught as { hint?: string }).hint).toMatch(/`/); // every refusal shows an example
  });

  it('accepts zone-free phrases even when the requester’s zone is unknown', () => {
    expect(atOf(parseInstant('10 minutes ago', { now: FRI_A }))).toBe('2026-11-27T18:02:00.000Z');
    expect(atOf(parseInstant('14:00 UTC', { now: FRI_A }))).toBe('2026-11-27T14:00:00.000Z');
  });
});

describe('parseInstant: property — any past instant, written three ways, reads back exactly', () => {
  // A small deterministic generator, so a failure can be replayed.
  function* randomInstants(seed: number, count: number): Generator<number> {
    let state = seed;
    for (let i = 0; i < count; i += 1) {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      yield state / 2 ** 31;
    }
  }
  const now = FRI_A.getTime();
  const windowMs = 35 * 24 * 60 * 60 * 1000;
  const zones = [LA, KOLKATA, BERLIN, SYDNEY, UTC];

  it('reads ISO-8601 and epoch seconds to the millisecond', () => {
    for (const r of randomInstants(42, 300)) {
      const atMs = now - Math.floor(r * windowMs);
      const timeZone = zones[atMs % zones.length];
      const epoch = `${Math.floor(atMs / 1000)}.${String(atMs % 1000).padStart(3, '0')}`;

      const fromIso = parseInstant(new Date(atMs).toISOString(), { now: FRI_A, timeZone });
      const fromEpoch = parseInstant(epoch, { now: FRI_A, timeZone });

      expect([atOf(fromIso), atOf(fromEpoch)]).toEqual([new Date(atMs).toISOString(), new Date(atMs).toISOString()]);
    }
  });

  it('reads "N minutes ago" to the exact minute', () => {
    for (const r of randomInstants(7, 300)) {
      const minutes = 1 + Math.floor(r * 35 * 24 * 60);

      const result = parseInstant(`${minutes} minutes ago`, { now: FRI_A, timeZone: LA });

      expect(result).toMatchObject({ kind: 'instant', atMs: now - minutes * 60_000 });
    }
  });
});
