import { RestoreTableToPointInTimeCommand, type RestoreTableToPointInTimeCommandInput } from '@aws-sdk/client-dynamodb';
import type { OpenedStateStore } from '../../src/store/open-state-store';
import { ManualClock } from '../support/manual-clock';
import { NOW, RestoreScenario } from '../support/restore-scenario';
import { makeStateDir, openTestStore } from '../support/store';

const TARGET = 'employee-restored-20261127-1802';

const finishedMessages = (s: RestoreScenario) =>
  s.app.standIn.callsTo('chat.postMessage').filter((c) => String(c.params.text).includes('finished'));

describe('several bot processes, restarts and crashes: exactly one restore, one story', () => {
  const stateDir = makeStateDir();
  const clock = new ManualClock(NOW);
  let state: OpenedStateStore;
  const running: RestoreScenario[] = [];

  beforeEach(async () => {
    clock.set(NOW);
    state = await openTestStore(clock, stateDir.dir);
  });
  afterEach(async () => {
    for (const s of running.splice(0)) await s.stop();
    await state.close();
  });
  afterAll(() => stateDir.remove());

  async function process(sharingAwsWith?: RestoreScenario, drainMs?: number): Promise<RestoreScenario> {
    const s = await RestoreScenario.start({ state, clock, sharingAwsWith, drainMs });
    running.push(s);
    return s;
  }

  it('posts one completion message when two instances track the same restore', async () => {
    const first = await process();
    const second = await process(first);
    const card = await first.requestCard('restore employee to 10 minutes ago as emp-two-instances');
    await first.click(card, 'approve');
    first.fake.finishRestore('emp-two-instances');

    await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()]);

    expect(finishedMessages(first).length + finishedMessages(second).length).toBe(1);
    expect((await first.request(card.requestId)).history.filter((h) => h.event === 'succeeded')).toHaveLength(1);
  });

  it('finishes tracking after a restart and posts the completion in the card’s thread', async () => {
    const before = await process();
    const card = await before.requestCard();
    await before.click(card, 'approve');
    await before.stop();
    running.splice(running.indexOf(before), 1);
    await state.close();
    state = await openTestStore(clock, stateDir.dir); // same STATE_DIR: the restarted process

    const after = await process(before);
    clock.advanceMinutes(40);
    after.fake.finishRestore(TARGET);
    await after.tick();

    const [done] = finishedMessages(after);
    expect(done?.params.thread_ts).toBe(card.ts);
    expect((await after.request(card.requestId)).status).toBe('succeeded');
  });

  it('reconciles a crash between a successful restore call and recording it: one call in total', async () => {
    const crashed = await process(undefined, 100);
    let crash: () => void = () => {};
    crashed.app.aws
      .dynamodb()
      .on(RestoreTableToPointInTimeCommand)
      .callsFake(async (input: RestoreTableToPointInTimeCommandInput) => {
        crashed.fake.acceptPointInTimeRestore(input); // AWS accepted the restore…
        await new Promise<void>((resolve) => {
          crash = resolve; // …and the process died before it heard back
        });
      });
    const card = await crashed.requestCard();
    const click = crashed.app.slack.interaction(crashed.clickPayload(card, 'approve', 'crash'));
    await crashed.app.standIn.waitFor(() => crashed.fake.tables.has(TARGET));
    await click;
    expect((await crashed.request(card.requestId)).status).toBe('starting');

    const restarted = await process(crashed);
    clock.advanceMinutes(3); // the crashed worker's claim lapses
    await restarted.tick();

    const request = await restarted.request(card.requestId);
    expect(request.status).toBe('running');
    expect(request.history.at(-1)?.detail).toContain('reconciled');
    expect(crashed.app.aws.dynamodb().commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(1);
    expect(restarted.app.aws.dynamodb().commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(0);
    crash();
  });

  it('starts an approved request whose process died before the restore call, exactly once', async () => {
    const first = await process();
    const card = await first.requestCard();
    const pending = await first.request(card.requestId);
    await state.store.requests.transition({
      requestId: pending.requestId,
      from: ['pending'],
      to: 'approved',
      expectedVersion: pending.version,
      audit: { actorId: 'UAPPROVER1', event: 'approved' },
      changes: { approvals: [{ userId: 'UAPPROVER1', atMs: NOW.getTime() }] },
    });

    const second = await process(first);
    await Promise.all([first.tick(), second.tick()]);

    const calls =
      first.app.aws.dynamodb().commandCalls(RestoreTableToPointInTimeCommand).length +
      second.app.aws.dynamodb().commandCalls(RestoreTableToPointInTimeCommand).length;
    expect(calls).toBe(1);
    expect((await first.request(card.requestId)).status).toBe('running');
  });
});
