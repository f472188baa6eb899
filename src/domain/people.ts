/** What the domain needs to know about people, answered by the chat platform. */
export interface PeopleDirectory {
  /** IANA time zone of a user (e.g. `America/Los_Angeles`), or undefined if unknown. */
  timeZoneOf(userId: string): Promise<string | undefined>;
  /** Members of a user group. Throws if the platform cannot say (callers fail closed). */
  membersOfGroup(groupId: string): Promise<string[]>;
}
