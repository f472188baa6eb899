import type { Dispatcher } from './domain/dispatcher';
import type { DecisionService } from './domain/restore/decisions';
import type { SettingsService } from './domain/settings/service';
import type { InFlightWork } from './lib/in-flight';
import type { StateStore } from './store/state-table';
import type { RestoreTracker } from './tracker/tracker';

/** What listeners and entry points get: domain services, plus the little Slack needs about itself. */
export interface Services {
  dispatcher: Dispatcher;
  decisions: DecisionService;
  settings: SettingsService;
  /** One pass over open requests; the long-lived process runs it on a timer, Lambda on a schedule. */
  tracker: RestoreTracker;
  /** Everything periodic: the restore tracker and due scheduled backups (long-lived timer or Lambda tick). */
  tick: () => Promise<void>;
  store: StateStore;
  /** Listener work still running; shutdown waits for it. */
  inFlight: InFlightWork;
  /** The bot's own user name, for examples such as `@ddb help`. */
  botName: () => Promise<string>;
}
