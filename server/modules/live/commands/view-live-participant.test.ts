import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, seedSession } from '../../../../test/live-fixtures.ts';
import { seedAttribute, seedValue } from '../../../../test/research-fixtures.ts';
import { addMember, ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { viewLiveParticipant } from './view-live-participant.ts';

beforeAll(() => testApp(), 180_000);

async function accessLogOf(communityId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('access_log')
    .select(['actor_user_id', 'subject_membership_id', 'fields', 'purpose'])
    .where('community_id', '=', communityId)
    .execute();
}

/** A session with Alice's profile: one value of each visibility. */
async function withProfile() {
  const f = await liveCommunity();
  const city = await seedAttribute(f.community.id, {
    key: 'city',
    kind: 'text',
    visibility: 'observer_visible',
  });
  const age = await seedAttribute(f.community.id, {
    key: 'age',
    kind: 'number',
    visibility: 'member_editable',
  });
  const score = await seedAttribute(f.community.id, {
    key: 'score',
    kind: 'number',
    visibility: 'staff_only',
  });
  await seedValue(f.community.id, city.id, f.alice.memberId, 'Lyon');
  await seedValue(f.community.id, age.id, f.alice.memberId, 34);
  await seedValue(f.community.id, score.id, f.alice.memberId, 7);
  return f;
}

describe('viewLiveParticipant', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await liveCommunity();
    const ctx = await ctxFor(f.moderator.user);
    const error = await expectAppError(
      viewLiveParticipant({ ctx, input: { sessionId: f.session.id, memberId: 'x', extra: 1 } }),
      'validation_failed',
    );
    expect(error.fields.map((e) => e.path).sort()).toEqual(['/extra', '/memberId']);
  });

  it('is not found for an unknown session or someone not invited to it', async () => {
    const f = await liveCommunity();
    const ctx = await ctxFor(f.moderator.user);
    await expectAppError(
      viewLiveParticipant({ ctx, input: { sessionId: newId(), memberId: f.alice.memberId } }),
      'not_found',
    );
    await expectAppError(
      viewLiveParticipant({ ctx, input: { sessionId: f.session.id, memberId: f.carol.memberId } }),
      'not_found',
    );
    expect(await accessLogOf(f.community.id)).toEqual([]);
  });

  it('is forbidden to observers and participants, and once the session ended', async () => {
    const f = await liveCommunity();
    for (const user of [f.observer.user, f.bob.user]) {
      await expectAppError(
        viewLiveParticipant({
          ctx: await ctxFor(user),
          input: { sessionId: f.session.id, memberId: f.alice.memberId },
        }),
        'forbidden',
      );
    }
    const ended = await seedSession(f.community.id, {
      staff: [[f.moderator.memberId, 'moderator']],
      participants: [f.alice.memberId],
      status: 'ended',
    });
    await expectAppError(
      viewLiveParticipant({
        ctx: await ctxFor(f.moderator.user),
        input: { sessionId: ended.id, memberId: f.alice.memberId },
      }),
      'forbidden',
    );
    expect(await accessLogOf(f.community.id)).toEqual([]);
  });

  it('shows community staff every attribute and logs the look', async () => {
    const f = await withProfile();
    const { profile } = await viewLiveParticipant({
      ctx: await ctxFor(f.moderator.user),
      input: { sessionId: f.session.id, memberId: f.alice.memberId },
    });
    expect(profile.pseudonym).toBeTruthy();
    expect(Object.fromEntries(profile.fields.map((x) => [x.key, x.value]))).toEqual({
      city: 'Lyon',
      age: 34,
      score: 7,
    });
    expect(JSON.stringify(profile)).not.toContain('@');
    expect(await accessLogOf(f.community.id)).toEqual([
      {
        actor_user_id: f.moderator.user.userId,
        subject_membership_id: f.alice.memberId,
        fields: ['pseudonym', 'city', 'age', 'score'],
        purpose: 'live_session',
      },
    ]);
  });

  it('shows a member named moderator of the session the observer-visible attributes only', async () => {
    const f = await withProfile();
    const user = await plainUser();
    const memberId = await addMember(f.community.id, user.userId, 'member');
    const session = await seedSession(f.community.id, {
      staff: [[memberId, 'moderator']],
      participants: [f.alice.memberId],
    });
    const { profile } = await viewLiveParticipant({
      ctx: await ctxFor(user),
      input: { sessionId: session.id, memberId: f.alice.memberId },
    });
    expect(profile.fields.map((x) => x.key)).toEqual(['city']);
    expect((await accessLogOf(f.community.id))[0]).toMatchObject({ fields: ['pseudonym', 'city'] });
  });
});
