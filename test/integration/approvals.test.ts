import { RestoreTableToPointInTimeCommand } from '@aws-sdk/client-dynamodb';
import { APPROVER, REQUESTER, RestoreScenario, textOf } from '../support/restore-scenario';

describe('approving, denying and cancelling a restore request', () => {
  let s: RestoreScenario;

  beforeEach(async () => {
    s = await RestoreScenario.start({
      policy: { approverUserIds: ['UAPPROVER1', 'UAPPROVER2'], approverGroupIds: ['SDBAS'] },
    });
    s.app.standIn.userGroups.set('SDBAS', ['UGROUPDBA1', 'UGROUPDBA2']);
  });
  afterEach(async () => {
    await s.stop();
  });

  const restoreCalls = () => s.app.aws.dynamodb().commandCalls(RestoreTableToPointInTimeCommand).length;

  it('refuses self-approval, even when the requester is an approver', async () => {
    const card = await s.requestCard();
    const { requestId } = card;

    const reply = await s.click(card, 'approve', { userId: REQUESTER });
    s.app.standIn.calls.length = 0;
    const alsoApprover = await RestoreScenario.start({ policy: { approverUserIds: [REQUESTER] } });
    const ownCard = await alsoApprover.requestCard();
    const ownReply = await alsoApprover.click(ownCard, 'approve', { userId: REQUESTER });
    await alsoApprover.stop();

    expect(reply).toContain("you can't approve it");
    expect(ownReply).toContain("you can't approve it");
    expect((await s.request(requestId)).status).toBe('pending');
    expect(restoreCalls()).toBe(0);
  });

  it('refuses someone who is not an approver, and records nothing', async () => {
    const card = await s.requestCard();

    const reply = await s.click(card, 'approve', { userId: 'URANDOM01' });

    expect(reply).toContain("You're not an approver");
    const stored = await s.request(card.requestId);
    expect(stored.status).toBe('pending');
    expect(stored.version).toBe(1);
    expect(restoreCalls()).toBe(0);
  });

  it('accepts a member of an approver user group (usergroups.users.list)', async () => {
    const card = await s.requestCard();

    const reply = await s.click(card, 'approve', { userId: 'UGROUPDBA2' });

    expect(reply).toContain('Approved');
    expect(s.app.standIn.callsTo('usergroups.users.list')[0]?.params.usergroup).toBe('SDBAS');
    expect(restoreCalls()).toBe(1);
  });

  it('fails closed when the user group cannot be read, and records nothing', async () => {
    const card = await s.requestCard();
    s.app.standIn.failMethod('usergroups.users.list', 'ratelimited', { times: 5 });

    const reply = await s.click(card, 'approve', { userId: 'UGROUPDBA1' });

    expect(reply).toContain("couldn't verify that you are an approver");
    expect((await s.request(card.requestId)).version).toBe(1);
    expect(restoreCalls()).toBe(0);
  });

  it('lets an approver deny: the card says who and when, no restore runs', async () => {
    const card = await s.requestCard();

    const reply = await s.click(card, 'deny', { userId: 'UAPPROVER2' });

    expect(reply).toContain('Denied');
    const shown = textOf(s.cardNow(card));
    expect(shown).toContain('*Denied* by <@UAPPROVER2>');
    expect(shown).not.toContain('restore_approve');
    expect((await s.request(card.requestId)).status).toBe('denied');
    expect(restoreCalls()).toBe(0);
  });

  it('lets the requester cancel, and refuses a cancel from anyone else', async () => {
    const card = await s.requestCard();

    const refused = await s.click(card, 'cancel', { userId: APPROVER });
    const cancelled = await s.click(card, 'cancel', { userId: REQUESTER });

    expect(refused).toContain(`Only <@${REQUESTER}>`);
    expect(cancelled).toContain('Cancelled');
    expect(textOf(s.cardNow(card))).toContain('*Cancelled* by <@UREQUESTER1>');
    expect((await s.request(card.requestId)).history.map((h) => h.event)).toEqual(['requested', 'cancelled']);
  });

  it('expires an undecided request: the tracker edits the card, a late click explains', async () => {
    const card = await s.requestCard();

    s.clock.advanceMinutes(31);
    await s.tick();
    const late = await s.click(card, 'approve');

    expect(textOf(s.cardNow(card))).toContain('*Expired*');
    expect(textOf(s.cardNow(card))).not.toContain('restore_approve');
    expect(late).toContain('already expired');
    expect((await s.request(card.requestId)).status).toBe('expired');
    expect(restoreCalls()).toBe(0);
  });

  it('expires on the click itself when the tracker has not run yet', async () => {
    const card = await s.requestCard();

    s.clock.advanceMinutes(45);
    const late = await s.click(card, 'approve');

    expect(late).toContain('expired');
    expect((await s.request(card.requestId)).status).toBe('expired');
    expect(restoreCalls()).toBe(0);
  });

  it('starts exactly one restore on a double click and a Slack retry of the same click', async () => {
    const card = await s.requestCard();
    const payload = s.clickPayload(card, 'approve', 'double');

    await Promise.all([
      s.app.slack.interaction(payload),
      s.app.slack.interaction(payload),
      s.app.slack.interaction(payload, { retryNum: 1 }),
    ]);
    await s.app.standIn.waitFor((calls) => calls.filter((c) => c.path === '/response/double').length === 3, 10_000);

    expect(restoreCalls()).toBe(1);
    expect((await s.request(card.requestId)).history.filter((h) => h.event === 'approved')).toHaveLength(1);
  });

  it('starts exactly one restore when 20 approvers click at once', async () => {
    const approvers = Array.from({ length: 20 }, (_, i) => `UAPPR${String(i).padStart(4, '0')}`);
    const many = await RestoreScenario.start({ policy: { approverUserIds: approvers } });
    const card = await many.requestCard();

    const replies = await Promise.all(approvers.map((userId) => many.click(card, 'approve', { userId })));

    expect(many.app.aws.dynamodb().commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(1);
    expect(replies.filter((r) => r.startsWith('Approved'))).toHaveLength(1);
    expect(replies.filter((r) => r.includes('Your click changed nothing'))).toHaveLength(19);
    const stored = await many.request(card.requestId);
    expect(stored.approvals).toHaveLength(1);
    await many.stop();
  });

  it.each([
    ['Approve and Deny', 'approve', 'deny'],
    ['Cancel and Approve', 'cancel', 'approve'],
  ] as const)(
    'lets one decision win when %s arrive together, and card, audit and AWS agree',
    async (_name, first, second) => {
      const card = await s.requestCard();
      const userFor = (action: string) =>
        action === 'cancel' ? REQUESTER : action === 'deny' ? 'UAPPROVER2' : APPROVER;

      await Promise.all([
        s.click(card, first, { userId: userFor(first) }),
        s.click(card, second, { userId: userFor(second) }),
      ]);

      const stored = await s.request(card.requestId);
      const decisions = stored.history.filter((h) => ['approved', 'denied', 'cancelled'].includes(h.event));
      expect(decisions).toHaveLength(1);
      const approved = decisions[0]?.event === 'approved';
      expect(restoreCalls()).toBe(approved ? 1 : 0);
      const shown = textOf(s.cardNow(card));
      expect(shown).toContain(approved ? 'approved by' : decisions[0]?.event === 'denied' ? '*Denied*' : '*Cancelled*');
    },
  );

  it('needs distinct approvers when REQUIRED_APPROVALS is 2', async () => {
    const two = await RestoreScenario.start({
      policy: { approverUserIds: ['UAPPROVER1', 'UAPPROVER2'], requiredApprovals: 2 },
    });
    const card = await two.requestCard();

    const firstReply = await two.click(card, 'approve', { userId: 'UAPPROVER1' });
    const again = await two.click(card, 'approve', { userId: 'UAPPROVER1' });
    const calls = two.app.aws.dynamodb().commandCalls(RestoreTableToPointInTimeCommand).length;
    const secondReply = await two.click(card, 'approve', { userId: 'UAPPROVER2' });

    expect(firstReply).toContain('1 of 2');
    expect(again).toContain('You already approved');
    expect(calls).toBe(0);
    expect(secondReply).toContain('Approved');
    expect(two.app.aws.dynamodb().commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(1);
    await two.stop();
  });

  describe('buttons are checked against the stored request', () => {
    it.each([
      ['another request’s id', async (other: string) => JSON.stringify({ r: other, d: '0123456789abcdef' })],
      ['bad JSON', async () => '{"r": "R-ABCDEF", "d":'],
      ['2,000+ characters', async () => JSON.stringify({ r: 'R-ABCDEF', d: 'x'.repeat(2100) })],
    ])('refuses and logs a tampered value: %s', async (_name, makeValue) => {
      const other = await s.requestCard('restore employee to 20 minutes ago as emp-other');
      const card = await s.requestCard();

      const reply = await s.click(card, 'approve', { value: await makeValue(other.requestId) });

      expect(reply).toContain('does not match a request I can act on');
      expect((await s.request(card.requestId)).status).toBe('pending');
      expect((await s.request(other.requestId)).status).toBe('pending');
      expect(restoreCalls()).toBe(0);
      const logged = [
        ...(await s.app.state.store.securityLog.listFor('unknown')),
        ...(await s.app.state.store.securityLog.listFor(other.requestId)),
      ];
      expect(logged.some((e) => e.actorId === APPROVER && e.event.startsWith('refused click'))).toBe(true);
    });

    it('refuses a click from another workspace, and logs it', async () => {
      const card = await s.requestCard();

      const reply = await s.click(card, 'approve', { teamId: 'T0THER' });

      expect(reply).toContain('does not match');
      expect((await s.request(card.requestId)).status).toBe('pending');
      const [logged] = await s.app.state.store.securityLog.listFor(card.requestId);
      expect(logged?.detail).toContain('workspace');
      expect(restoreCalls()).toBe(0);
    });

    it('refuses a click carrying the right value but from another channel', async () => {
      const card = await s.requestCard();

      const reply = await s.click(card, 'approve', { channelId: 'COTHER01' });

      expect(reply).toContain('does not match');
      expect(restoreCalls()).toBe(0);
    });
  });
});
