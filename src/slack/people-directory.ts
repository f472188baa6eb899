import type { webApi } from '@slack/bolt';
import type { PeopleDirectory } from '../domain/people';
import type { Clock } from '../lib/clock';

const TIME_ZONE_CACHE_MS = 60 * 60 * 1000;
/** Group membership decides who may approve: a removed member must lose the right quickly. */
const GROUP_CACHE_MS = 30 * 1000;

interface Cached<T> {
  value: T;
  fetchedAtMs: number;
}

/** People facts from Slack: `users.info` → `user.tz`, `usergroups.users.list`, each briefly cached. */
export class SlackPeopleDirectory implements PeopleDirectory {
  private readonly zones = new Map<string, Cached<string | undefined>>();
  private readonly groups = new Map<string, Cached<string[]>>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly clock: Clock,
  ) {}

  async timeZoneOf(userId: string): Promise<string | undefined> {
    return this.cached(this.zones, userId, TIME_ZONE_CACHE_MS, async () => {
      const { user } = await this.client.users.info({ user: userId });
      return user?.tz || undefined;
    });
  }

  async membersOfGroup(groupId: string): Promise<string[]> {
    return this.cached(this.groups, groupId, GROUP_CACHE_MS, async () => {
      const { users } = await this.client.usergroups.users.list({ usergroup: groupId });
      return users ?? [];
    });
  }

  private async cached<T>(
    cache: Map<string, Cached<T>>,
    key: string,
    maxAgeMs: number,
    load: () => Promise<T>,
  ): Promise<T> {
    const nowMs = this.clock.now().getTime();
    const hit = cache.get(key);
    if (hit !== undefined && nowMs - hit.fetchedAtMs < maxAgeMs) return hit.value;
    const value = await load(); // failures are not cached
    cache.set(key, { value, fetchedAtMs: nowMs });
    return value;
  }
}
