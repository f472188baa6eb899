import { ManualClock } from '../support/manual-clock';
import { buildRestoreRequest } from '../support/request-builders';
import { makeStateDir, openTestStore } from '../support/store';

describe('state store on the embedded engine', () => {
  const clock = new ManualClock('2026-11-26T14:20:00Z');

  it('keeps a request across a restart on the same STATE_DIR', async () => {
    const stateDir = makeStateDir();
    const request = buildRestoreRequest({ requestId: 'R-RESTART', messageTs: '1700000000.000001' });
    const first = await openTestStore(clock, stateDir.dir);
    await first.store.requests.create(request);
    await first.close();

    const second = await openTestStore(clock, stateDir.dir);
    const readBack = await second.store.requests.get('R-RESTART');
    await second.close();
    stateDir.remove();

    expect(readBack).toEqual(request);
  });

  it('refuses to create a request whose id is taken', async () => {
    const state = await openTestStore(clock);
    await state.store.requests.create(buildRestoreRequest({ requestId: 'R-DUP' }));

    const second = state.store.requests.create(buildRestoreRequest({ requestId: 'R-DUP', sourceTable: 'other' }));

    await expect(second).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect((await state.store.requests.get('R-DUP'))?.sourceTable).toBe('employee');
    await state.close();
  });

  it('lets exactly one of two concurrent transitions win, and appends its audit entry in the same write', async () => {
    const state = await openTestStore(clock);
    await state.store.requests.create(buildRestoreRequest({ requestId: 'R-RACE' }));
    const transition = (to: 'approved' | 'denied', actorId: string) =>
      state.store.requests.transition({
        requestId: 'R-RACE',
        from: ['pending'],
        to,
        expectedVersion: 1,
        audit: { actorId, event: to },
      });

    const results = await Promise.all([transition('approved', 'UAPPROVER1'), transition('denied', 'UAPPROVER2')]);

    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const stored = await state.store.requests.get('R-RACE');
    expect(stored?.version).toBe(2);
    expect(stored?.history.map((h) => h.event)).toEqual(['requested', stored?.status]);
    const loser = results.find((r) => !r.ok);
    expect(loser).toEqual({ ok: false, current: stored });
    await state.close();
  });

  it('claims a dedup key once, however many callers race for it', async () => {
    const state = await openTestStore(clock);

    const claims = await Promise.all(Array.from({ length: 10 }, () => state.store.dedup.claimOnce('event:Ev1')));

    expect(claims.filter(Boolean)).toHaveLength(1);
    await state.close();
  });
});
