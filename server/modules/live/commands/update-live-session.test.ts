import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, seedSession } from '../../../../test/live-fixtures.ts';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { updateLiveSession } from './update-live-session.ts';

beforeAll(() => testApp(), 180_000);

describe('updateLiveSession', () => {
  it('rejects bad input', async () => {
    const { community, moderator, session, alice } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const cases: [unknown, string | undefined][] = [
      [{}, undefined],
      [{ capacity: 500 }, '/capacity'],
      [{ status: 'live' }, '/status'],
      [{ observerIds: [alice.memberId] }, '/observerIds/0'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        updateLiveSession({ ctx, community: community.slug, sessionId: session.id, input }),
        'validation_failed',
        path,
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown sessions as not found and refuses observers and participants', async () => {
    const { community, moderator, observer, alice, session } = await liveCommunity();
    await expectAppError(
      updateLiveSession({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        sessionId: newId(),
        input: { title: 'x' },
      }),
      'not_found',
    );
    for (const user of [observer.user, alice.user]) {
      await expectAppError(
        updateLiveSession({
          ctx: await ctxFor(user),
          community: community.slug,
          sessionId: session.id,
          input: { title: 'x' },
        }),
        'forbidden',
      );
    }
  });

  it('changes settings and staff, cancels, and then refuses further changes', async () => {
    const { community, admin, moderator, guest, session } = await liveCommunity();
    const ctx = await ctxFor(admin.user);
    const dto = await updateLiveSession({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { title: 'Winter riding', capacity: 16, lobbyMinutes: 15, observerIds: [guest.memberId] },
    });
    expect(dto).toMatchObject({ title: 'Winter riding', capacity: 16, lobbyMinutes: 15 });
    expect(dto.staff!.map((s) => [s.memberId, s.role]).sort()).toEqual(
      [
        [moderator.memberId, 'moderator'],
        [guest.memberId, 'observer'],
      ].sort(),
    );
    const cancelled = await updateLiveSession({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { status: 'cancelled' },
    });
    expect(cancelled.status).toBe('cancelled');
    await expectAppError(
      updateLiveSession({ ctx, community: community.slug, sessionId: session.id, input: { title: 'Again' } }),
      'conflict',
    );
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => [e.type, e.payload.changed])).toEqual([
      ['live_session.updated', ['capacity', 'lobbyMinutes', 'observerIds', 'title']],
      ['live_session.updated', ['status']],
    ]);
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual([
      'live_session.update',
      'live_session.update',
    ]);
    const live = await seedSession(community.id, { status: 'live' });
    await expectAppError(
      updateLiveSession({
        ctx,
        community: community.slug,
        sessionId: live.id,
        input: { status: 'cancelled' },
      }),
      'conflict',
    );
  });
});
