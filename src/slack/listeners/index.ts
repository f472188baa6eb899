import type { App } from '@slack/bolt';
import type { Services } from '../../services';
import { registerCommandListener } from './command';
import { registerConversationListeners } from './conversation';
import { registerDecisionListener } from './decision';
import { dropRedeliveredEvents } from './dedup';
import { registerRerunListener } from './rerun';
import { registerSettingsListener } from './settings';

/** Every listener, one register function per Slack surface. */
export function registerListeners(app: App, services: Services): void {
  app.use(async ({ next }) => services.inFlight.track(next));
  app.use(dropRedeliveredEvents(services.store.dedup));
  registerCommandListener(app, services);
  registerConversationListeners(app, services);
  registerDecisionListener(app, services);
  registerRerunListener(app, services);
  registerSettingsListener(app, services);
}
