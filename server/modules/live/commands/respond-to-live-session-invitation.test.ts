import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, participantRow } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { respondToLiveSessionInvitation } from './respond-to-live-session-invitation.ts';

beforeAll(() => testApp(), 180_000);

describe('respondToLiveSessionInvitation', () => {
  it('rejects bad input', async () => {
    const { community, alice, session } = await liveCommunity();
    await expectAppError(
      respondToLiveSessionInvitation({
        ctx: await ctxFor(alice.user),
        community: community.slug,
        sessionId: session.id,
        input: { response: 'maybe' },
      }),
      'validation_failed',
      '/response',
    );
  });

  it('reports uninvited members as not found and refuses staff', async () => {
    const { community, carol, moderator, alice, session } = await liveCommunity();
    const input = { response: 'accepted' };
    await expectAppError(
      respondToLiveSessionInvitation({
        ctx: await ctxFor(alice.user),
        community: community.slug,
        sessionId: newId(),
        input,
      }),
      'not_found',
    );
    await expectAppError(
      respondToLiveSessionInvitation({
        ctx: await ctxFor(carol.user),
        community: community.slug,
        sessionId: session.id,
        input,
      }),
      'not_found',
    );
    await expectAppError(
      respondToLiveSessionInvitation({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        sessionId: session.id,
        input,
      }),
      'forbidden',
    );
  });

  it('accepts, then declines, with one event each', async () => {
    const { community, alice, session } = await liveCommunity();
    const ctx = await ctxFor(alice.user);
    const accepted = await respondToLiveSessionInvitation({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { response: 'accepted' },
    });
    expect(accepted.invitation?.status).toBe('accepted');
    await respondToLiveSessionInvitation({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { response: 'accepted' },
    });
    await respondToLiveSessionInvitation({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { response: 'declined' },
    });
    expect((await participantRow(session.id, alice.memberId)).invitation).toBe('declined');
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => [e.type, e.payload.response])).toEqual([
      ['live_session.invitation_answered', 'accepted'],
      ['live_session.invitation_answered', 'declined'],
    ]);
  });
});
