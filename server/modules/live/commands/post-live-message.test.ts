import { beforeAll, describe, expect, it, vi } from 'vitest';
import { liveCommunity, startSession } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { recordRealtime, sentRooms } from '../../../../test/live-command-fixtures.ts';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import { liveRooms } from '../live-broadcast.ts';
import { newId } from '../../../platform/db/ids.ts';
import { excludeLiveParticipant } from './exclude-live-participant.ts';
import { endLiveSession } from './end-live-session.ts';
import { type JoinedAs, postLiveMessage } from './post-live-message.ts';

beforeAll(() => testApp(), 180_000);

/** A live session with Alice admitted and Bob still waiting. */
async function liveRoom() {
  const f = await liveCommunity();
  await startSession(f);
  return f;
}

describe('postLiveMessage', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await liveRoom();
    const ctx = await ctxFor(f.alice.user);
    const sessionId = f.session.id;
    const cases: [unknown, string][] = [
      [{ sessionId: 'x', clientId: 'a', body: 'hi' }, '/sessionId'],
      [{ sessionId, clientId: 'not ok!', body: 'hi' }, '/clientId'],
      [{ sessionId, clientId: 'a', body: '  ' }, '/body'],
      [{ sessionId, clientId: 'a', body: 'x'.repeat(2001) }, '/body'],
      [{ sessionId, clientId: 'a', body: 'hi', replyToSeq: 99 }, '/replyToSeq'],
      [{ sessionId, clientId: 'a', itemId: newId(), body: 'hi' }, '/itemId'],
      [{ sessionId, clientId: 'a', body: 'hi', toMemberId: f.bob.memberId }, '/toMemberId'],
    ];
    for (const [input, path] of cases)
      await expectAppError(postLiveMessage({ ctx, input }), 'validation_failed', path);
  });

  it('reports unknown and unseen sessions as not found', async () => {
    const f = await liveRoom();
    await expectAppError(
      postLiveMessage({
        ctx: await ctxFor(f.alice.user),
        input: { sessionId: newId(), clientId: 'a', body: 'hi' },
      }),
      'not_found',
    );
    await expectAppError(
      postLiveMessage({
        ctx: await ctxFor(f.carol.user),
        input: { sessionId: f.session.id, clientId: 'a', body: 'hi' },
      }),
      'not_found',
    );
    await expectAppError(
      postLiveMessage({
        ctx: await ctxFor(null),
        input: { sessionId: f.session.id, clientId: 'a', body: 'hi' },
      }),
      'unauthenticated',
    );
  });

  it('refuses observers, waiting participants and participants of a session that is not running', async () => {
    const f = await liveRoom();
    for (const user of [f.observer.user, f.bob.user]) {
      await expectAppError(
        postLiveMessage({
          ctx: await ctxFor(user),
          input: { sessionId: f.session.id, clientId: 'a', body: 'hi' },
        }),
        'forbidden',
      );
    }
  });

  it('numbers entries in order, returns the first seq on a resend, and writes private messages', async () => {
    const { kernel } = await testApp();
    const f = await liveRoom();
    const alice = await ctxFor(f.alice.user);
    const moderator = await ctxFor(f.moderator.user);
    const sessionId = f.session.id;
    expect(
      await postLiveMessage({ ctx: alice, input: { sessionId, clientId: 'one', body: 'Hello' } }),
    ).toEqual({ seq: 1 });
    expect(
      await postLiveMessage({ ctx: alice, input: { sessionId, clientId: 'one', body: 'Hello' } }),
    ).toEqual({ seq: 1 });
    expect(
      await postLiveMessage({
        ctx: moderator,
        input: { sessionId, clientId: 'two', body: 'Just you', toMemberId: f.alice.memberId },
      }),
    ).toEqual({ seq: 2 });
    expect(
      await postLiveMessage({
        ctx: alice,
        input: { sessionId, clientId: 'three', body: 'Thanks', private: true, replyToSeq: 2 },
      }),
    ).toEqual({ seq: 3 });
    const rows = await kernel.db
      .selectFrom('live_messages')
      .select(['seq', 'kind', 'author_role', 'private_member_id', 'reply_to_seq'])
      .where('session_id', '=', sessionId)
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      { seq: 1, kind: 'message', author_role: 'participant', private_member_id: null, reply_to_seq: null },
      {
        seq: 2,
        kind: 'private',
        author_role: 'moderator',
        private_member_id: f.alice.memberId,
        reply_to_seq: null,
      },
      {
        seq: 3,
        kind: 'private',
        author_role: 'participant',
        private_member_id: f.alice.memberId,
        reply_to_seq: 2,
      },
    ]);
    // Room entries are not outbox events (they are the session's own numbered log).
    expect(await outboxEventsOf(f.community.id)).toEqual([]);
  });

  describe('from a socket that joined (the one-statement path)', () => {
    const asParticipant = (memberId: string): JoinedAs => ({ role: 'participant', memberId });
    const asModerator = (memberId: string | null): JoinedAs => ({ role: 'moderator', memberId });
    const roomWithContexts = async () => {
      const { kernel } = await testApp();
      const f = await liveRoom();
      const [moderator, alice] = [await ctxFor(f.moderator.user), await ctxFor(f.alice.user)];
      return { kernel, f, sessionId: f.session.id, moderator, alice };
    };

    it('stores, numbers and publishes a message in ONE statement, and answers a resend with the first seq', async () => {
      const { kernel, f, sessionId, moderator, alice } = await roomWithContexts();
      const realtime = recordRealtime(kernel);
      const statements = vi.spyOn(kernel.db.getExecutor(), 'executeQuery');
      try {
        expect(
          await postLiveMessage({
            ctx: moderator,
            input: { sessionId, clientId: 'm1', body: ' Welcome ' },
            joined: asModerator(f.moderator.memberId),
          }),
        ).toEqual({ seq: 1 });
        expect(statements).toHaveBeenCalledTimes(1);
      } finally {
        statements.mockRestore();
      }
      expect(sentRooms(realtime, LIVE_EVENTS.entries)).toEqual([[liveRooms.room(sessionId)]]);
      const joinedAlice = asParticipant(f.alice.memberId);
      const send = (input: object) =>
        postLiveMessage({ ctx: alice, input: { sessionId, ...input }, joined: joinedAlice });
      expect(await send({ clientId: 'a1', body: 'Hi', replyToSeq: 1 })).toEqual({ seq: 2 });
      expect(await send({ clientId: 'a1', body: 'Hi', replyToSeq: 1 })).toEqual({ seq: 2 });
      expect(await send({ clientId: 'a2', body: 'To you', private: true })).toEqual({ seq: 3 });
      await expectAppError(
        send({ clientId: 'a3', body: 'Hi', replyToSeq: 99 }),
        'validation_failed',
        '/replyToSeq',
      );
      const rows = await kernel.db
        .selectFrom('live_messages')
        .select([
          'seq',
          'kind',
          'author_role',
          'author_member_id',
          'body',
          'reply_to_seq',
          'private_member_id',
        ])
        .where('session_id', '=', sessionId)
        .orderBy('seq')
        .execute();
      expect(rows).toEqual([
        {
          seq: 1,
          kind: 'message',
          author_role: 'moderator',
          author_member_id: f.moderator.memberId,
          body: 'Welcome',
          reply_to_seq: null,
          private_member_id: null,
        },
        {
          seq: 2,
          kind: 'message',
          author_role: 'participant',
          author_member_id: f.alice.memberId,
          body: 'Hi',
          reply_to_seq: 1,
          private_member_id: null,
        },
        {
          seq: 3,
          kind: 'private',
          author_role: 'participant',
          author_member_id: f.alice.memberId,
          body: 'To you',
          reply_to_seq: null,
          private_member_id: f.alice.memberId,
        },
      ]);
    });

    it('never lets a stale or false part in: muted, removed, waiting, observers, demoted moderators, ended sessions, the rate limit', async () => {
      const { kernel, f, sessionId, moderator, alice } = await roomWithContexts();
      let n = 0;
      const post = (ctx: Awaited<ReturnType<typeof ctxFor>>, joined: JoinedAs) =>
        postLiveMessage({ ctx, input: { sessionId, clientId: `c${++n}`, body: 'hi' }, joined });
      // Alice joined while admitted; the moderator mutes her: her next message is refused at once.
      expect(await post(alice, asParticipant(f.alice.memberId))).toMatchObject({ seq: 1 });
      await excludeLiveParticipant({
        ctx: moderator,
        action: 'mute',
        input: { sessionId, memberId: f.alice.memberId, muted: true },
      });
      await expectAppError(post(alice, asParticipant(f.alice.memberId)), 'forbidden');
      await excludeLiveParticipant({
        ctx: moderator,
        action: 'mute',
        input: { sessionId, memberId: f.alice.memberId, muted: false },
      });
      expect(await post(alice, asParticipant(f.alice.memberId))).toMatchObject({ seq: 2 });
      // The rate limit holds on this path too.
      let limited = false;
      for (let i = 0; i < 10 && !limited; i++) {
        limited = await post(alice, asParticipant(f.alice.memberId)).then(
          () => false,
          (error: unknown) => (error as { code?: string }).code === 'rate_limited',
        );
      }
      expect(limited).toBe(true);
      await excludeLiveParticipant({
        ctx: moderator,
        action: 'remove',
        input: { sessionId, memberId: f.alice.memberId },
      });
      await expectAppError(post(alice, asParticipant(f.alice.memberId)), 'forbidden');
      // Bob is waiting in the lobby; the observer, a stranger and a foreign moderator claim parts they do not have.
      await expectAppError(post(await ctxFor(f.bob.user), asParticipant(f.bob.memberId)), 'forbidden');
      await expectAppError(
        post(await ctxFor(f.observer.user), asModerator(f.observer.memberId)),
        'forbidden',
      );
      await expectAppError(
        post(await ctxFor(f.observer.user), asParticipant(f.observer.memberId)),
        'forbidden',
      );
      await expectAppError(post(await ctxFor(f.carol.user), asParticipant(f.carol.memberId)), 'not_found');
      // Someone else's membership is not theirs to write under.
      await expectAppError(post(await ctxFor(f.bob.user), asParticipant(f.alice.memberId)), 'forbidden');
      await expectAppError(
        post(await ctxFor(f.foreign.user), asModerator(f.moderator.memberId)),
        'not_found',
      );
      // The moderator loses the community role: refused although the socket joined as moderator.
      const before = await post(moderator, asModerator(f.moderator.memberId));
      await kernel.db
        .updateTable('memberships')
        .set({ role: 'member' })
        .where('id', '=', f.moderator.memberId)
        .execute();
      await kernel.db.deleteFrom('live_staff').where('member_id', '=', f.moderator.memberId).execute();
      await expectAppError(post(moderator, asModerator(f.moderator.memberId)), 'not_found');
      // The session ends: nobody writes any more.
      const admin = await ctxFor(f.admin.user);
      await endLiveSession({ ctx: admin, input: { sessionId } });
      await expectAppError(post(admin, asModerator(f.admin.memberId)), 'forbidden');
      // Nothing was written after the last accepted message but the session's end.
      const written = await kernel.db
        .selectFrom('live_messages')
        .select(['seq', 'kind'])
        .where('session_id', '=', sessionId)
        .where('seq', '>=', before.seq)
        .orderBy('seq')
        .execute();
      expect(written).toEqual([
        { seq: before.seq, kind: 'message' },
        { seq: before.seq + 1, kind: 'end' },
      ]);
    });
  });
});
