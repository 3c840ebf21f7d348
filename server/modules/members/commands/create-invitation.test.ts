import { describe, expect, it } from 'vitest';
import {
  addMember,
  auditRowsOf,
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createInvitation } from './create-invitation.ts';
import { hashInvitationCode } from '../invitation-code.ts';

async function invitationsOf(communityId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('community_invitations')
    .selectAll()
    .where('community_id', '=', communityId)
    .execute();
}

describe('createInvitation', () => {
  it('rejects bad input with the field paths', async () => {
    const community = await freshCommunity();
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    const error = await expectAppError(
      createInvitation({ ctx, community: community.id, input: { email: 'not-an-email', expiresInDays: 0 } }),
      'validation_failed',
    );
    expect(error.fields.map((f) => [f.path, f.key]).sort()).toEqual([
      ['/email', 'validation.invalidEmail'],
      ['/expiresInDays', 'validation.tooSmall'],
    ]);
  });

  it('reports an unknown community, or a hidden one to outsiders, as not found', async () => {
    const ctx = await ctxFor(await plainUser());
    await expectAppError(createInvitation({ ctx, community: newId(), input: {} }), 'not_found');
    const hidden = await freshCommunity({ visibility: 'hidden', join_policy: 'invitation' });
    await expectAppError(createInvitation({ ctx, community: hidden.id, input: {} }), 'not_found');
  });

  it('is refused to anonymous visitors, outsiders, members, experts and observers', async () => {
    const community = await freshCommunity({ join_policy: 'invitation' });
    await expectAppError(
      createInvitation({ ctx: await ctxFor(null), community: community.id, input: {} }),
      'unauthenticated',
    );
    await expectAppError(
      createInvitation({ ctx: await ctxFor(await plainUser()), community: community.id, input: {} }),
      'forbidden',
    );
    for (const role of ['member', 'expert', 'observer'] as const) {
      const user = await plainUser();
      await addMember(community.id, user.userId, role);
      await expectAppError(
        createInvitation({ ctx: await ctxFor(user), community: community.id, input: {} }),
        'forbidden',
      );
    }
    expect(await invitationsOf(community.id)).toEqual([]);
  });

  it('creates a single-use code (stored hashed), returns it once with its link, and audits it', async () => {
    const community = await freshCommunity({ join_policy: 'invitation' });
    const moderator = await plainUser();
    await addMember(community.id, moderator.userId, 'moderator');
    const invitation = await createInvitation({
      ctx: await ctxFor(moderator),
      community: community.slug,
      input: { email: 'Guest@Example.TEST', expiresInDays: 3 },
    });
    expect(invitation.email).toBe('guest@example.test');
    expect(invitation.code.length).toBeGreaterThanOrEqual(16);
    expect(invitation.url).toBe(
      `http://localhost:3000/c/${community.slug}/join?code=${encodeURIComponent(invitation.code)}`,
    );
    const days = (new Date(invitation.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(3);
    const rows = await invitationsOf(community.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: invitation.id,
      code_hash: hashInvitationCode(invitation.code),
      email: 'guest@example.test',
      created_by: moderator.userId,
      used_at: null,
    });
    expect(JSON.stringify(rows)).not.toContain(invitation.code);
    expect(await auditRowsOf(community.id)).toEqual([
      {
        action: 'invitation.create',
        actor_user_id: moderator.userId,
        target_type: 'invitation',
        target_id: invitation.id,
        data: { email: 'guest@example.test' },
      },
    ]);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });
});
