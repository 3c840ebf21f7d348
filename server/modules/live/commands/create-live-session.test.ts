import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { createLiveSession } from './create-live-session.ts';

beforeAll(() => testApp(), 180_000);

const valid = { title: 'Riding in winter', startsAt: '2030-01-15T18:00:00Z', durationMinutes: 90 };

describe('createLiveSession', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, admin } = await liveCommunity();
    const ctx = await ctxFor(admin.user);
    const cases: [unknown, string][] = [
      [{ ...valid, title: '' }, '/title'],
      [{ ...valid, startsAt: 'tomorrow' }, '/startsAt'],
      [{ ...valid, durationMinutes: 5 }, '/durationMinutes'],
      [{ ...valid, capacity: 1 }, '/capacity'],
      [{ ...valid, capacity: 201 }, '/capacity'],
      [{ ...valid, extra: 1 }, '/extra'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        createLiveSession({ ctx, community: community.slug, input }),
        'validation_failed',
        path,
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses staff lists naming members who are not staff, or someone twice', async () => {
    const { community, admin, alice, observer, moderator, foreign } = await liveCommunity();
    const ctx = await ctxFor(admin.user);
    await expectAppError(
      createLiveSession({
        ctx,
        community: community.slug,
        input: { ...valid, moderatorIds: [observer.memberId] },
      }),
      'validation_failed',
      '/moderatorIds/0',
    );
    await expectAppError(
      createLiveSession({
        ctx,
        community: community.slug,
        input: { ...valid, observerIds: [alice.memberId, foreign.memberId] },
      }),
      'validation_failed',
      '/observerIds/1',
    );
    await expectAppError(
      createLiveSession({
        ctx,
        community: community.slug,
        input: { ...valid, moderatorIds: [moderator.memberId], observerIds: [moderator.memberId] },
      }),
      'validation_failed',
      '/observerIds/0',
    );
  });

  it('reports an unknown community as not found and refuses non-staff', async () => {
    const { community, alice, observer, foreign } = await liveCommunity();
    await expectAppError(
      createLiveSession({ ctx: await ctxFor(alice.user), community: 'no-such-community', input: valid }),
      'not_found',
    );
    await expectAppError(
      createLiveSession({ ctx: await ctxFor(null), community: community.slug, input: valid }),
      'unauthenticated',
    );
    for (const user of [alice.user, observer.user, foreign.user, await plainUser()]) {
      await expectAppError(
        createLiveSession({ ctx: await ctxFor(user), community: community.slug, input: valid }),
        'forbidden',
      );
    }
  });

  it('creates the session with defaults, its staff, an event and an audit row', async () => {
    const { community, moderator, observer } = await liveCommunity();
    const dto = await createLiveSession({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      input: { ...valid, objectives: 'Why people stop riding in winter', observerIds: [observer.memberId] },
    });
    expect(dto).toMatchObject({
      title: 'Riding in winter',
      capacity: 12,
      lobbyMinutes: 10,
      lobbyOpensAt: '2030-01-15T17:50:00.000Z',
      status: 'scheduled',
      myRole: 'moderator',
      counts: { invited: 0, accepted: 0, declined: 0 },
      guide: [],
      participants: [],
    });
    expect(dto.staff!.map((s) => [s.memberId, s.role]).sort()).toEqual(
      [
        [moderator.memberId, 'moderator'],
        [observer.memberId, 'observer'],
      ].sort(),
    );
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['live_session.created']);
    expect(events[0].payload).toEqual({
      communityId: community.id,
      sessionId: dto.id,
      startsAt: valid.startsAt,
    });
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual(['live_session.create']);
  });
});
