import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, startSession } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { postLiveMessage } from './post-live-message.ts';

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
});
