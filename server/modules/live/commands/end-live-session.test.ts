import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, participantRow, startSession } from '../../../../test/live-fixtures.ts';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { endLiveSession } from './end-live-session.ts';

beforeAll(() => testApp(), 180_000);

describe('endLiveSession', () => {
  it('rejects bad input and unknown sessions', async () => {
    const f = await liveCommunity();
    const ctx = await ctxFor(f.moderator.user);
    await expectAppError(
      endLiveSession({ ctx, input: { sessionId: 'nope' } }),
      'validation_failed',
      '/sessionId',
    );
    await expectAppError(endLiveSession({ ctx, input: { sessionId: newId() } }), 'not_found');
  });

  it('refuses observers and participants, and a session that is not running', async () => {
    const f = await liveCommunity();
    for (const user of [f.observer.user, f.alice.user]) {
      await expectAppError(
        endLiveSession({ ctx: await ctxFor(user), input: { sessionId: f.session.id } }),
        'forbidden',
      );
    }
    await expectAppError(
      endLiveSession({ ctx: await ctxFor(f.moderator.user), input: { sessionId: f.session.id } }),
      'conflict',
    );
  });

  it('ends the session, closes attendance and emits session.attended per admitted participant', async () => {
    const { kernel } = await testApp();
    const f = await liveCommunity();
    await startSession(f);
    expect(
      await endLiveSession({ ctx: await ctxFor(f.moderator.user), input: { sessionId: f.session.id } }),
    ).toEqual({ seq: 1, attended: 1 });
    expect((await participantRow(f.session.id, f.alice.memberId)).left_at).not.toBeNull();
    expect((await participantRow(f.session.id, f.bob.memberId)).attendance).toBe('left');
    const events = await outboxEventsOf(f.community.id);
    expect(events.map((e) => e.type)).toEqual(['session.attended', 'live_session.ended']);
    expect(events[0].payload).toMatchObject({ sessionId: f.session.id, memberId: f.alice.memberId });
    expect((await auditRowsOf(f.community.id)).map((r) => r.action)).toEqual(['live_session.end']);
    const session = await kernel.db
      .selectFrom('live_sessions')
      .selectAll()
      .where('id', '=', f.session.id)
      .executeTakeFirstOrThrow();
    expect(session.status).toBe('ended');
  });
});
