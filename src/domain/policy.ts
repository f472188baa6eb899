import type { Config } from '../config/config';
import type { Logger } from '../lib/logger';
import type { PeopleDirectory } from './people';

/** A policy answer; the reason goes straight into the ephemeral reply. */
export type PolicyDecision =
  | { allowed: true }
  /** `unverifiable`: we could not check (e.g. Slack did not answer) and so refuse. */
  | { allowed: false; code: 'not_allowed' | 'unverifiable'; reason: string };

const ALLOWED: PolicyDecision = { allowed: true };

/** `prod-*` → /^prod-.*$/ (case-sensitive, like table names). */
function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** Who may request, approve, and which tables are in scope (design §6). */
export class Policy {
  private readonly allow: RegExp[];
  private readonly deny: RegExp[];

  constructor(
    private readonly config: Config['policy'],
    private readonly people: PeopleDirectory,
    private readonly logger: Logger,
  ) {
    this.allow = config.tablesAllow.map(globToRegExp);
    this.deny = config.tablesDeny.map(globToRegExp);
  }

  get requiredApprovals(): number {
    return this.config.requiredApprovals;
  }

  isTableInScope(table: string): PolicyDecision {
    const denied = this.deny.some((re) => re.test(table));
    const allowed = this.allow.length === 0 || this.allow.some((re) => re.test(table));
    if (denied || !allowed) {
      return {
        allowed: false,
        code: 'not_allowed',
        reason: `Table \`${table}\` is not in this bot's scope (TABLES_ALLOW / TABLES_DENY).`,
      };
    }
    return ALLOWED;
  }

  async canRequest({
    userId,
    channelId,
    table,
  }: {
    userId: string;
    channelId: string;
    table: string;
  }): Promise<PolicyDecision> {
    const { allowedChannelIds, requesterUserIds, requesterGroupIds } = this.config;
    if (allowedChannelIds.length > 0 && !allowedChannelIds.includes(channelId)) {
      return {
        allowed: false,
        code: 'not_allowed',
        reason: `Restores can't be requested in this channel. Ask in ${allowedChannelIds.map((c) => `<#${c}>`).join(', ')}.`,
      };
    }
    const scope = this.isTableInScope(table);
    if (!scope.allowed) return scope;
    if (requesterUserIds.length === 0 && requesterGroupIds.length === 0) return ALLOWED;
    const member = await this.isListed(userId, requesterUserIds, requesterGroupIds);
    if (member === 'unknown') {
      return {
        allowed: false,
        code: 'unverifiable',
        reason: "I couldn't verify that you may request restores (Slack didn't answer). Try again in a moment.",
      };
    }
    return member
      ? ALLOWED
      : {
          allowed: false,
          code: 'not_allowed',
          reason: "You're not on the list of people who may request restores (REQUESTERS).",
        };
  }

  /** The requester never counts as an approver, whatever the lists say. */
  async canApprove({ userId, requesterId }: { userId: string; requesterId: string }): Promise<PolicyDecision> {
    if (userId === requesterId) {
      return {
        allowed: false,
        code: 'not_allowed',
        reason: "You requested this restore, so you can't approve it: someone else has to.",
      };
    }
    const member = await this.isListed(userId, this.config.approverUserIds, this.config.approverGroupIds);
    if (member === 'unknown') {
      return {
        allowed: false,
        code: 'unverifiable',
        reason:
          "I couldn't verify that you are an approver (Slack didn't answer). Nothing was recorded; try again in a moment.",
      };
    }
    return member
      ? ALLOWED
      : { allowed: false, code: 'not_allowed', reason: "You're not an approver for restores. Nothing was recorded." };
  }

  /** true / false, or 'unknown' when a group lookup failed (callers fail closed). */
  private async isListed(userId: string, userIds: string[], groupIds: string[]): Promise<boolean | 'unknown'> {
    if (userIds.includes(userId)) return true;
    let unknown = false;
    for (const groupId of groupIds) {
      try {
        if ((await this.people.membersOfGroup(groupId)).includes(userId)) return true;
      } catch (error) {
        this.logger.warn(`Could not list members of user group ${groupId}:`, error);
        unknown = true;
      }
    }
    return unknown ? 'unknown' : false;
  }
}
