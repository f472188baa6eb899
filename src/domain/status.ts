import type { Clock } from '../lib/clock';
import { formatInstantThreeWays, formatRelative } from '../lib/format';
import type { RestoreRequests } from '../store/restore-requests';
import type { SecurityLog } from '../store/security-log';
import { asTyped } from './invocation';
import { ephemeral, type Reply } from './reply';
import { isTerminal, type RestoreRequest } from './request';

export interface StatusServiceDeps {
  requests: RestoreRequests;
  securityLog: SecurityLog;
  clock: Clock;
}

function summaryLine(request: RestoreRequest, nowMs: number): string {
  return (
    `• *${request.requestId}* · \`${request.sourceTable}\` → \`${request.targetTable}\` (${request.region}) · *${request.status}*` +
    ` · by <@${request.requesterId}> ${formatRelative(request.createdAtMs, nowMs)}`
  );
}

/** `status` and `history`: what is open, and what happened. */
export class StatusService {
  constructor(private readonly deps: StatusServiceDeps) {}

  async status(invokedAs: string, requestId?: string): Promise<Reply> {
    const nowMs = this.deps.clock.now().getTime();
    if (requestId !== undefined) return this.oneRequest(requestId, nowMs);
    const open = (await this.deps.requests.listOpen()).filter((r) => !isTerminal(r.status));
    if (open.length === 0) return ephemeral('No open requests and no restores running.');
    return ephemeral(`${open.length} open request(s) and running restore(s):`, [
      open.map((r) => summaryLine(r, nowMs)).join('\n'),
      `Details: \`${asTyped(invokedAs, `status ${open[0]?.requestId}`)}\``,
    ]);
  }

  async history(region: string, table?: string): Promise<Reply> {
    const nowMs = this.deps.clock.now().getTime();
    const requests =
      table === undefined
        ? await this.deps.requests.listRecent(20)
        : await this.deps.requests.listForTable(region, table, 20);
    const events = table === undefined ? [] : await this.deps.securityLog.listTableEvents(region, table);
    if (requests.length === 0 && events.length === 0) {
      return ephemeral(
        table === undefined ? 'No requests yet.' : `Nothing recorded for \`${table}\` in ${region} yet.`,
      );
    }
    const sections = requests.map(
      (r) => `${summaryLine(r, nowMs)}\n${r.history.map((h) => `    ${auditLine(h, nowMs)}`).join('\n')}`,
    );
    if (events.length > 0) sections.push(`*Other changes:*\n${events.map((e) => auditLine(e, nowMs)).join('\n')}`);
    const title =
      table === undefined
        ? `The ${requests.length} most recent requests:`
        : `History of \`${table}\` in ${region}, newest requests first:`;
    return ephemeral(title, sections);
  }

  private async oneRequest(requestId: string, nowMs: number): Promise<Reply> {
    const request = await this.deps.requests.get(requestId);
    if (request === undefined) return ephemeral(`There is no request ${requestId}.`);
    const refused = await this.deps.securityLog.listFor(requestId);
    const sections = [
      summaryLine(request, nowMs),
      `*Audit trail:*\n${request.history.map((h) => auditLine(h, nowMs)).join('\n')}`,
    ];
    if (request.failure) sections.push(`*Failure:* ${request.failure.message} (\`${request.failure.code}\`)`);
    if (refused.length > 0) sections.push(`*Refused actions:*\n${refused.map((e) => auditLine(e, nowMs)).join('\n')}`);
    return ephemeral(`Request ${request.requestId}: ${request.status}`, sections);
  }
}

function auditLine(entry: { atMs: number; actorId: string; event: string; detail?: string }, nowMs: number): string {
  const who = entry.actorId === 'bot' ? 'bot' : `<@${entry.actorId}>`;
  return `${formatInstantThreeWays(entry.atMs, nowMs)} · ${entry.event} · ${who}${entry.detail ? ` · ${entry.detail}` : ''}`;
}
