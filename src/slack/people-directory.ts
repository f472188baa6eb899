import type { webApi } from '@slack/bolt';
import type { PeopleDirectory } from '../domain/people';
import type { Clock } from '../lib/clock';

const TIME_ZONE_CACHE_MS = 60 * 60 * 1000;

/** Reads people's time zones from Slack (`users.info` → `user.tz`), cached for an hour. */
export class SlackPeopleDirectory implements PeopleDirectory {
  private readonly zones = new Map<string, { zone: string | undefined; fetchedAtMs: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly clock: Clock,
  ) {}

  async timeZoneOf(userId: string): Promise<string | undefined> {
    const nowMs = this.clock.now().getTime();
    const cached = this.zones.get(userId);
    if (cached && nowMs - cached.fetchedAtMs < TIME_ZONE_CACHE_MS) return cached.zone;
    const { user } = await this.client.users.info({ user: userId });
    const zone = user?.tz || undefined;
    this.zones.set(userId, { zone, fetchedAtMs: nowMs });
    return zone;
  }
}
