import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, seedSession } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getLiveSession } from './get-live-session.ts';

beforeAll(() => testApp(), 180_000);

describe('getLiveSession', () => {
  it('reports unknown, foreign and unseen sessions as not found', async () => {
    const { community, moderator, elsewhere } = await liveCommunity();
    const other = await seedSession(elsewhere.id);
    const ctx = await ctxFor(moderator.user);
    for (const sessionId of ['nope', newId(), other.id]) {
      await expectAppError(getLiveSession({ ctx, community: community.slug, sessionId }), 'not_found');
    }
    // Members and staff of the community who are not on the session do not see it.
    const fixture = await liveCommunity();
    for (const user of [fixture.carol.user, fixture.guest.user, fixture.foreign.user]) {
      await expectAppError(
        getLiveSession({
          ctx: await ctxFor(user),
          community: fixture.community.slug,
          sessionId: fixture.session.id,
        }),
        'not_found',
      );
    }
    await expectAppError(
      getLiveSession({
        ctx: await ctxFor(null),
        community: fixture.community.slug,
        sessionId: fixture.session.id,
      }),
      'unauthenticated',
    );
  });

  it('shows staff everything and a participant only the session and their invitation', async () => {
    const { community, admin, moderator, observer, alice, bob, session } = await liveCommunity();
    for (const person of [admin, moderator, observer]) {
      const dto = await getLiveSession({
        ctx: await ctxFor(person.user),
        community: community.slug,
        sessionId: session.id,
      });
      expect(dto.participants!.map((p) => p.memberId).sort()).toEqual([alice.memberId, bob.memberId].sort());
      expect(dto.staff).toHaveLength(2);
      expect(dto.guide).toEqual([]);
    }
    const asObserver = await getLiveSession({
      ctx: await ctxFor(observer.user),
      community: community.slug,
      sessionId: session.id,
    });
    expect(asObserver).toMatchObject({
      myRole: 'observer',
      abilities: { observe: true, moderate: false, manage: false },
    });
    const asAlice = await getLiveSession({
      ctx: await ctxFor(alice.user),
      community: community.slug,
      sessionId: session.id,
    });
    expect(asAlice).toMatchObject({
      myRole: 'participant',
      staff: null,
      participants: null,
      guide: null,
      invitation: { status: 'invited', respondedAt: null },
      counts: { invited: 2, accepted: 0, declined: 0 },
      abilities: { respond: true, join: true, post: false, observe: false },
    });
    expect(JSON.stringify(asAlice)).not.toContain(observer.memberId);
  });
});
