import type { Config } from '../../src/config/config';
import type { RestoreRequest } from '../../src/domain/request';
import { buildSlashCommand, TEST_SECRETS } from './builders';
import { FakeDynamoDb } from './fake-dynamodb';
import { ManualClock } from './manual-clock';
import type { RecordedCall } from './slack-api-stand-in';
import type { SendOptions } from './slack-signer';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';

export const NOW = new Date('2026-11-27T18:12:00Z'); // Friday, 10:12 AM in Los Angeles
export const REQUESTER = 'UREQUESTER1';
export const APPROVER = 'UAPPROVER1';
export const CHANNEL = 'CINCIDENT1';
export const TEAM = 'T0001';

export interface Card {
  channel: string;
  ts: string;
  blocks: Array<Record<string, unknown>>;
  text: string;
  requestId: string;
}

export interface ClickOptions {
  userId?: string;
  teamId?: string;
  enterpriseId?: string;
  channelId?: string;
  value?: string;
  send?: SendOptions;
}

export interface ScenarioOptions {
  policy?: Partial<Config['policy']>;
  /** A state store shared with another scenario (a second process, or the same one restarted). */
  state?: TestAppOptions['state'];
  clock?: ManualClock;
  /** Another scenario whose AWS account this one sees (same tables), as a second process would. */
  sharingAwsWith?: RestoreScenario;
  drainMs?: number;
}

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * The restore flow's test bench: the real app over signed HTTP, the Slack stand-in, a fake DynamoDB
 * control plane behind the SDK mock, the store on the embedded engine, and a clock the test moves.
 */
export class RestoreScenario {
  private constructor(
    readonly app: TestApp,
    readonly fake: FakeDynamoDb,
    readonly clock: ManualClock,
  ) {}

  static async start(options: ScenarioOptions = {}): Promise<RestoreScenario> {
    const clock = options.clock ?? new ManualClock(NOW);
    const app = await startTestApp({
      clock,
      state: options.state,
      drainMs: options.drainMs,
      config: { policy: options.policy } as Partial<Config>,
    });
    app.standIn.users.set(REQUESTER, { tz: 'America/Los_Angeles' });
    const fake = new FakeDynamoDb(app.aws.mocks('us-east-1'), 'us-east-1', options.sharingAwsWith?.fake);
    if (options.sharingAwsWith !== undefined) return new RestoreScenario(app, fake, clock);
    fake.addTable('employee');
    fake.pitr.set('employee', {
      enabled: true,
      earliest: new Date(NOW.getTime() - 35 * 86_400_000),
      latest: new Date(NOW.getTime() - 5 * 60_000),
      days: 35,
    });
    return new RestoreScenario(app, fake, clock);
  }

  stop(): Promise<void> {
    return this.app.stop();
  }

  /** Sends a slash command and returns the reply the requester saw. */
  async command(
    text: string,
    userId = REQUESTER,
    send: SendOptions = {},
  ): Promise<{ status: number; reply: Record<string, unknown> }> {
    const id = nextId('cmd');
    const response = await this.app.slack.command(
      buildSlashCommand({
        text,
        user_id: userId,
        channel_id: CHANNEL,
        team_id: TEAM,
        response_url: this.app.standIn.responseUrl(id),
      }),
      send,
    );
    return { status: response.status, reply: await this.app.standIn.replyTo(id) };
  }

  /** Asks for a restore and returns the card it posted. */
  async requestCard(text = 'restore employee to 10 minutes ago'): Promise<Card> {
    const before = this.cards().length;
    const { reply } = await this.command(text);
    const card = this.cards()[before];
    if (card === undefined) throw new Error(`No card was posted; the reply was ${JSON.stringify(reply)}`);
    return card;
  }

  /** Every request card posted so far, oldest first. */
  cards(): Card[] {
    return this.app.standIn
      .callsTo('chat.postMessage')
      .filter((c) =>
        /"type":"header","text":\{"type":"plain_text","text":"[^"]*request R-/.test(
          JSON.stringify(c.params.blocks ?? ''),
        ),
      )
      .map((c) => toCard(c));
  }

  /** The latest version of a card: the last chat.update of it, or the original post. */
  cardNow(card: Card): Card {
    const updates = this.app.standIn.callsTo('chat.update').filter((c) => c.params.ts === card.ts);
    const last = updates.at(-1);
    return last === undefined
      ? card
      : { ...card, blocks: last.params.blocks as Card['blocks'], text: String(last.params.text) };
  }

  threadReplies(card: Card): RecordedCall[] {
    return this.app.standIn.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === card.ts);
  }

  /** Clicks a button on the card, exactly as Slack sends a block_actions payload. */
  async click(card: Card, action: 'approve' | 'deny' | 'cancel', options: ClickOptions = {}): Promise<string> {
    const id = nextId('click');
    await this.app.slack.interaction(this.clickPayload(card, action, id, options), options.send);
    const reply = await this.app.standIn.replyTo(id, 10_000);
    return String(reply.text ?? '');
  }

  clickPayload(card: Card, action: 'approve' | 'deny' | 'cancel', responseId: string, options: ClickOptions = {}) {
    const userId = options.userId ?? APPROVER;
    const teamId = options.teamId ?? TEAM;
    const value = options.value ?? buttonValue(card, `restore_${action}`);
    return {
      type: 'block_actions',
      token: TEST_SECRETS.verificationToken,
      api_app_id: 'A0001',
      team: { id: teamId, domain: 'example', ...(options.enterpriseId ? { enterprise_id: options.enterpriseId } : {}) },
      enterprise: options.enterpriseId ? { id: options.enterpriseId, name: 'Org' } : null,
      is_enterprise_install: false,
      user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
      container: {
        type: 'message',
        message_ts: card.ts,
        channel_id: options.channelId ?? card.channel,
        is_ephemeral: false,
      },
      trigger_id: `${Date.now()}.trigger`,
      channel: { id: options.channelId ?? card.channel, name: 'incident' },
      message: {
        type: 'message',
        ts: card.ts,
        text: card.text,
        blocks: card.blocks,
        user: 'UBOT0001',
        bot_id: 'B0001',
      },
      response_url: this.app.standIn.responseUrl(responseId),
      actions: [
        {
          action_id: `restore_${action}`,
          block_id: 'restore_decision',
          text: { type: 'plain_text', text: action },
          value,
          type: 'button',
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    };
  }

  async request(requestId: string): Promise<RestoreRequest> {
    const request = await this.app.state.store.requests.get(requestId);
    if (request === undefined) throw new Error(`No request ${requestId}`);
    return request;
  }

  tick(): Promise<void> {
    return this.app.services.tracker.tick();
  }
}

function toCard(call: RecordedCall): Card {
  const blocks = call.params.blocks as Card['blocks'];
  const requestId = /request (R-[A-Z0-9]+)/.exec(JSON.stringify(blocks))?.[1] ?? '';
  return {
    channel: String(call.params.channel),
    ts: String(call.response?.ts),
    blocks,
    text: String(call.params.text),
    requestId,
  };
}

export function buttonValue(card: Card, actionId: string): string {
  for (const block of card.blocks) {
    const elements = (block.elements ?? []) as Array<{ action_id?: string; value?: string }>;
    const button = elements.find((e) => e.action_id === actionId);
    if (button?.value) return button.value;
  }
  throw new Error(`No ${actionId} button on the card`);
}

export function textOf(card: Card): string {
  return JSON.stringify(card.blocks);
}
