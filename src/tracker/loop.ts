import type { Logger } from '../lib/logger';

export interface TrackerLoop {
  /** Stops scheduling and waits for a pass in progress to finish. */
  stop(): Promise<void>;
}

/** Runs `tick` every `intervalMs`, never two at once, in the long-lived process. */
export function startTrackerLoop(tick: () => Promise<void>, intervalMs: number, logger: Logger): TrackerLoop {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running !== undefined) return; // the previous pass is still going
    running = tick()
      .catch((error: unknown) => logger.error('Tracker pass failed:', error))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, intervalMs);
  run();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
