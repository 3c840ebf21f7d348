import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { seedBadge } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { awardBadge } from './award-badge.ts';
import { listMemberBadges } from './list-member-badges.ts';

beforeAll(async () => {
  await testApp();
});

describe('awardBadge', () => {
  it('needs a member id', async () => {
    const { community, moderator } = await supportCommunity();
    const { badgeId } = await seedBadge(community.id);
    await expectAppError(
      awardBadge({
        ctx: await ctxFor(moderator.user),
        community: community.id,
        badgeId,
        input: { memberId: 'x' },
      }),
      'validation_failed',
      '/memberId',
    );
  });

  it('reports unknown badges and members, or another community’s, as not found', async () => {
    const { community, moderator, member } = await supportCommunity();
    const other = await supportCommunity();
    const { badgeId } = await seedBadge(community.id);
    const foreign = await seedBadge(other.community.id);
    const ctx = await ctxFor(moderator.user);
    await expectAppError(
      awardBadge({ ctx, community: community.id, badgeId: newId(), input: { memberId: member.memberId } }),
      'not_found',
    );
    await expectAppError(
      awardBadge({
        ctx,
        community: community.id,
        badgeId: foreign.badgeId,
        input: { memberId: member.memberId },
      }),
      'not_found',
    );
    await expectAppError(
      awardBadge({ ctx, community: community.id, badgeId, input: { memberId: other.member.memberId } }),
      'not_found',
    );
  });

  it('is for staff', async () => {
    const { community, member, expert, observer } = await supportCommunity();
    const { badgeId } = await seedBadge(community.id);
    for (const user of [await plainUser(), member.user, expert.user, observer.user])
      await expectAppError(
        awardBadge({
          ctx: await ctxFor(user),
          community: community.id,
          badgeId,
          input: { memberId: member.memberId },
        }),
        'forbidden',
      );
  });

  it('refuses a badge to oneself', async () => {
    const { community, moderator } = await supportCommunity();
    const { badgeId } = await seedBadge(community.id);
    const error = await expectAppError(
      awardBadge({
        ctx: await ctxFor(moderator.user),
        community: community.id,
        badgeId,
        input: { memberId: moderator.memberId },
      }),
      'forbidden',
    );
    expect(error.messageKey).toBe('points.error.selfBadge');
  });

  it('awards once, shows it on the profile, audited and emitted', async () => {
    const { community, moderator, member, other } = await supportCommunity();
    const { badgeId } = await seedBadge(community.id);
    const ctx = await ctxFor(moderator.user);
    const held = await awardBadge({
      ctx,
      community: community.id,
      badgeId,
      input: { memberId: member.memberId },
    });
    expect(held).toMatchObject({ badgeId, memberId: member.memberId, byHand: true, revokedAt: null });
    await expectAppError(
      awardBadge({ ctx, community: community.id, badgeId, input: { memberId: member.memberId } }),
      'conflict',
    );
    const profile = await listMemberBadges({
      ctx: await ctxFor(other.user),
      community: community.id,
      memberId: member.memberId,
    });
    expect(profile.items.map((b) => b.id)).toEqual([held.id]);
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.target_id])).toEqual([
      ['badge.award', member.memberId],
    ]);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['badge.awarded']);
  });
});
