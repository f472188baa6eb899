import type { Clock } from '../../src/lib/clock';

/** A clock that tests move by hand. */
export class ManualClock implements Clock {
  private currentMs: number;

  constructor(start: Date | string | number = Date.now()) {
    this.currentMs = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.currentMs);
  }

  advanceMinutes(minutes: number): void {
    this.currentMs += minutes * 60_000;
  }

  set(at: Date | string | number): void {
    this.currentMs = new Date(at).getTime();
  }
}
