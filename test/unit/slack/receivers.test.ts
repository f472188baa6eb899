import { isTimestampFromTheFuture } from '../../../src/slack/receivers';
import { ManualClock } from '../../support/manual-clock';

describe('isTimestampFromTheFuture', () => {
  const clock = new ManualClock('2026-11-27T10:00:00Z');
  const nowSec = Date.parse('2026-11-27T10:00:00Z') / 1000;

  it.each([
    [nowSec + 301, true],
    [nowSec + 300, false],
    [nowSec, false],
    [nowSec - 3600, false],
  ])('timestamp %d → %s', (timestampSec, expected) => {
    expect(isTimestampFromTheFuture(String(timestampSec), clock)).toBe(expected);
  });

  it('leaves a missing or non-numeric header to Bolt', () => {
    expect(isTimestampFromTheFuture(undefined, clock)).toBe(false);
    expect(isTimestampFromTheFuture('soon', clock)).toBe(false);
  });
});
