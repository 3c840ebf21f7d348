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
import { seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { transact } from '../../../platform/kernel.ts';
import { refreshStanding } from '../standing.ts';
import { listMemberBadges } from './list-member-badges.ts';
import { revokeBadge } from './revoke-badge.ts';

beforeAll(async () => {
  await testApp();
});

describe('revokeBadge and rule badges', () => {
  it('needs a reason', async () => {
    const { community, moderator, member } = await supportCommunity();
    const { memberBadgeId } = await seedBadge(community.id, member.memberId);
    await expectAppError(
      revokeBadge({
        ctx: await ctxFor(moderator.user),
        community: community.id,
        memberBadgeId: memberBadgeId!,
        input: {},
      }),
      'validation_failed',
      '/reason',
    );
  });

  it('reports unknown or already revoked awards as not found', async () => {
    const { community, moderator } = await supportCommunity();
    await expectAppError(
      revokeBadge({
        ctx: await ctxFor(moderator.user),
        community: community.id,
        memberBadgeId: newId(),
        input: { reason: 'x' },
      }),
      'not_found',
    );
  });

  it('is for staff', async () => {
    const { community, member, observer } = await supportCommunity();
    const { memberBadgeId } = await seedBadge(community.id, member.memberId);
    for (const user of [await plainUser(), member.user, observer.user])
      await expectAppError(
        revokeBadge({
          ctx: await ctxFor(user),
          community: community.id,
          memberBadgeId: memberBadgeId!,
          input: { reason: 'x' },
        }),
        'forbidden',
      );
  });

  it('revokes a rule badge with a reason, which its rule then never gives back', async () => {
    const { community, board, moderator, member, other } = await supportCommunity();
    const { kernel } = await testApp();
    const topic = await seedTopic(board, other.memberId);
    await seedReply(topic, member.memberId, { is_solution: true });
    await transact(kernel, (trx) => refreshStanding(trx, community.id, [member.memberId]));
    const [first] = (
      await listMemberBadges({
        ctx: await ctxFor(other.user),
        community: community.id,
        memberId: member.memberId,
      })
    ).items;
    expect(first).toMatchObject({ rule: 'first_solution', name: null, byHand: false });
    const revoked = await revokeBadge({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      memberBadgeId: first.id,
      input: { reason: ' Solution was plagiarised ' },
    });
    expect(revoked).toMatchObject({ revokeReason: 'Solution was plagiarised' });
    await expectAppError(
      revokeBadge({
        ctx: await ctxFor(moderator.user),
        community: community.id,
        memberBadgeId: first.id,
        input: { reason: 'x' },
      }),
      'not_found',
    );
    await transact(kernel, (trx) => refreshStanding(trx, community.id, [member.memberId]));
    expect(
      (
        await listMemberBadges({
          ctx: await ctxFor(other.user),
          community: community.id,
          memberId: member.memberId,
        })
      ).items,
    ).toEqual([]);
    // Staff still see it, revoked, with the reason.
    const staffView = await listMemberBadges({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      memberId: member.memberId,
    });
    expect(staffView.items.map((b) => b.revokeReason)).toEqual(['Solution was plagiarised']);
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual(['badge.revoke']);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['badge.revoked']);
  });
});
