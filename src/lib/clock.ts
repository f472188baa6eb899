/** The only source of "now" for domain code, so tests can move time without faking global timers. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Waits `ms` of real time; injected wherever code backs off, so tests can pass one that does not wait. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
