import { latestSlotAtOrBefore, nextSlotAfter } from '../../../../src/domain/backups/slots';
import type { ScheduleSpec } from '../../../../src/parse/schedule';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const at = (value: string) => Date.parse(value);

describe('schedule slots', () => {
  const daily: ScheduleSpec = { frequency: 'daily', hour: 2, minute: 0, timeZone: 'Europe/Paris', keep: 7 };

  it.each([
    ['before today’s slot', '2026-11-27T00:30:00Z', '2026-11-26T01:00:00.000Z', '2026-11-27T01:00:00.000Z'],
    ['just after today’s slot', '2026-11-27T01:00:01Z', '2026-11-27T01:00:00.000Z', '2026-11-28T01:00:00.000Z'],
  ])('daily at 02:00 Paris, %s', (_case, now, latest, next) => {
    expect(iso(latestSlotAtOrBefore(daily, at(now)))).toBe(latest);
    expect(iso(nextSlotAfter(daily, at(now)))).toBe(next);
  });

  it('follows the zone across a DST change (02:00 Paris is 00:00Z in summer, 01:00Z in winter)', () => {
    expect(iso(nextSlotAfter(daily, at('2026-10-23T12:00:00Z')))).toBe('2026-10-24T00:00:00.000Z');
    // On 25 Oct 02:00 happens twice (03:00 CEST → 02:00 CET): the first one runs, once.
    expect(iso(nextSlotAfter(daily, at('2026-10-24T12:00:00Z')))).toBe('2026-10-25T00:00:00.000Z');
    expect(iso(nextSlotAfter(daily, at('2026-10-25T12:00:00Z')))).toBe('2026-10-26T01:00:00.000Z');
  });

  it('runs a time the clocks skipped one hour later that day', () => {
    const skipped: ScheduleSpec = { frequency: 'daily', hour: 2, minute: 30, timeZone: 'America/Los_Angeles', keep: 3 };

    expect(iso(nextSlotAfter(skipped, at('2026-03-08T06:00:00Z')))).toBe('2026-03-08T10:30:00.000Z'); // 03:30 PDT
  });

  it('weekly slots fall on the given weekday', () => {
    const weekly: ScheduleSpec = { frequency: 'weekly', weekday: 0, hour: 3, minute: 0, timeZone: 'UTC', keep: 4 };

    expect(iso(nextSlotAfter(weekly, at('2026-11-27T18:00:00Z')))).toBe('2026-11-29T03:00:00.000Z');
    expect(iso(latestSlotAtOrBefore(weekly, at('2026-11-27T18:00:00Z')))).toBe('2026-11-22T03:00:00.000Z');
  });

  it('hourly slots are at the given minute of every hour', () => {
    const hourly: ScheduleSpec = { frequency: 'hourly', minute: 15, timeZone: 'UTC', keep: 24 };

    expect(iso(nextSlotAfter(hourly, at('2026-11-27T18:15:00Z')))).toBe('2026-11-27T19:15:00.000Z');
    expect(iso(latestSlotAtOrBefore(hourly, at('2026-11-27T18:14:59Z')))).toBe('2026-11-27T17:15:00.000Z');
  });
});
