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
