import type { Dispatcher } from './domain/dispatcher';
import type { InFlightWork } from './lib/in-flight';
import type { StateStore } from './store/state-table';

/** What listeners get: domain services, plus the little Slack needs to know about itself. */
export interface Services {
  dispatcher: Dispatcher;
  store: StateStore;
  /** Listener work still running; shutdown waits for it. */
  inFlight: InFlightWork;
  /** The bot's own user name, for examples such as `@ddb help`. */
  botName: () => Promise<string>;
}
