import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, seedSession } from '../../../../test/live-fixtures.ts';
import { mailsTo } from '../../../../test/case-fixtures.ts';
import {
  addMember,
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { seedAttribute, seedSegment, seedValue } from '../../../../test/research-fixtures.ts';
import { inviteToLiveSession } from './invite-to-live-session.ts';

beforeAll(() => testApp(), 180_000);

describe('inviteToLiveSession', () => {
  it('rejects bad input, non-members and the session’s staff', async () => {
    const { community, moderator, observer, foreign, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const call = (input: unknown) =>
      inviteToLiveSession({ ctx, community: community.slug, sessionId: session.id, input });
    await expectAppError(call({ memberIds: [] }), 'validation_failed', '/memberIds');
    await expectAppError(call({ memberIds: ['x'] }), 'validation_failed', '/memberIds/0');
    await expectAppError(call({ memberIds: [foreign.memberId] }), 'validation_failed', '/memberIds/0');
    await expectAppError(call({ memberIds: [observer.memberId] }), 'validation_failed', '/memberIds/0');
  });

  it('refuses observers and participants', async () => {
    const { community, observer, alice, carol, session } = await liveCommunity();
    for (const user of [observer.user, alice.user]) {
      await expectAppError(
        inviteToLiveSession({
          ctx: await ctxFor(user),
          community: community.slug,
          sessionId: session.id,
          input: { memberIds: [carol.memberId] },
        }),
        'forbidden',
      );
    }
  });

  it('invites over capacity up to twice it, emails each new invitee once, and emits an event', async () => {
    const { community, moderator, carol, alice } = await liveCommunity();
    const session = await seedSession(community.id, {
      staff: [[moderator.memberId, 'moderator']],
      capacity: 2,
    });
    const ctx = await ctxFor(moderator.user);
    const extra: string[] = [];
    const extraEmails: string[] = [];
    for (let i = 0; i < 3; i++) {
      const user = await plainUser();
      extraEmails.push(user.email);
      extra.push(await addMember(community.id, user.userId));
    }
    const dto = await inviteToLiveSession({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { memberIds: [carol.memberId, alice.memberId, extra[0], extra[1]] },
    });
    expect(dto.counts.invited).toBe(4);
    // Inviting again changes nothing; a fifth is beyond twice the capacity.
    await inviteToLiveSession({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { memberIds: [carol.memberId] },
    });
    await expectAppError(
      inviteToLiveSession({
        ctx,
        community: community.slug,
        sessionId: session.id,
        input: { memberIds: [extra[2]] },
      }),
      'validation_failed',
      '/memberIds',
    );
    const mails = await mailsTo(carol.user.email);
    expect(mails.map((m) => m.kind)).toEqual(['live.invitation']);
    expect(mails[0].text_body).toContain(`/live/${session.id}/calendar.ics`);
    // The calendar file is attached too.
    const { kernel } = await testApp();
    const [{ attachments }] = await kernel.db
      .selectFrom('mail_messages')
      .select('attachments')
      .where('to_address', '=', carol.user.email)
      .execute();
    expect(attachments.map((a) => [a.filename, a.contentType.split(';')[0]])).toEqual([
      ['session.ics', 'text/calendar'],
    ]);
    const ics = Buffer.from(attachments[0].content, 'base64').toString('utf8');
    expect(ics).toContain(`UID:${session.id}@cercle`);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(await mailsTo(extraEmails[2])).toEqual([]);
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['live_session.invited']);
    expect((events[0].payload.memberIds as string[]).length).toBe(4);
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual(['live_session.invite']);
  });
});

describe('inviteToLiveSession from a segment', () => {
  it('needs members or a segment, one of the two, and a segment of the community with someone to invite', async () => {
    const { community, moderator, elsewhere, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const call = (input: unknown) =>
      inviteToLiveSession({ ctx, community: community.slug, sessionId: session.id, input });
    const everyone = await seedSegment(community.id, { match: 'all', conditions: [] });
    const foreign = await seedSegment(elsewhere.id, { match: 'all', conditions: [] });
    const city = await seedAttribute(community.id, { key: 'city', kind: 'text', visibility: 'staff_only' });
    const nobody = await seedSegment(community.id, {
      match: 'all',
      conditions: [{ type: 'attribute', attributeId: city.id, op: 'eq', value: 'Nowhere' }],
    });
    expect((await expectAppError(call({}), 'validation_failed', '/memberIds')).fields[0].key).toBe(
      'live.error.membersOrSegment',
    );
    await expectAppError(
      call({ memberIds: [moderator.memberId], segmentId: everyone.id }),
      'validation_failed',
      '/segmentId',
    );
    await expectAppError(call({ segmentId: foreign.id }), 'validation_failed', '/segmentId');
    const empty = await expectAppError(call({ segmentId: nobody.id }), 'validation_failed', '/segmentId');
    expect(empty.fields[0].key).toBe('live.error.emptySegment');
  });

  it('invites every active member of the segment but the session’s staff, over-recruitment rules applying', async () => {
    const { community, moderator, observer, alice, bob, carol, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const city = await seedAttribute(community.id, { key: 'city', kind: 'text', visibility: 'staff_only' });
    for (const m of [carol, observer, alice]) await seedValue(community.id, city.id, m.memberId, 'Lyon');
    const lyon = await seedSegment(community.id, {
      match: 'all',
      conditions: [{ type: 'attribute', attributeId: city.id, op: 'eq', value: 'Lyon' }],
    });
    const dto = await inviteToLiveSession({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { segmentId: lyon.id },
    });
    // Alice and Bob were invited already; Carol is new; the observer (staff) is left out.
    expect(dto.participants?.map((p) => p.memberId).sort()).toEqual(
      [alice.memberId, bob.memberId, carol.memberId].sort(),
    );
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.payload.memberIds)).toEqual([[carol.memberId]]);
    // Over-recruitment: a capacity of 2 takes at most 4 invitations.
    const { kernel } = await testApp();
    await kernel.db.updateTable('live_sessions').set({ capacity: 2 }).where('id', '=', session.id).execute();
    const everyone = await seedSegment(community.id, { match: 'all', conditions: [] });
    const extra = [];
    for (let i = 0; i < 2; i++)
      extra.push(await addMember(community.id, (await plainUser()).userId, 'member'));
    const error = await expectAppError(
      inviteToLiveSession({
        ctx,
        community: community.slug,
        sessionId: session.id,
        input: { segmentId: everyone.id },
      }),
      'validation_failed',
      '/segmentId',
    );
    expect(error.fields[0].key).toBe('live.error.tooManyInvited');
  });
});
