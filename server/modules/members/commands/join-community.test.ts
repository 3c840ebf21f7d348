import { describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getCommunity } from '../../communities/commands/get-community.ts';
import { createInvitation } from './create-invitation.ts';
import { hashInvitationCode } from '../invitation-code.ts';
import { joinCommunity } from './join-community.ts';

const pseudo = () => `p-${newId().slice(-8)}`;

async function membershipsOf(communityId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('memberships')
    .select(['user_id', 'pseudonym', 'status', 'role'])
    .where('community_id', '=', communityId)
    .execute();
}

/** An invitation-only community, its admin and a fresh code. */
async function invitationCommunity(options: { email?: string } = {}) {
  const community = await freshCommunity({ join_policy: 'invitation' });
  const admin = await plainUser();
  await addMember(community.id, admin.userId, 'admin');
  const invitation = await createInvitation({
    ctx: await ctxFor(admin),
    community: community.id,
    input: options.email ? { email: options.email } : {},
  });
  return { community, code: invitation.code };
}

describe('joinCommunity', () => {
  it('rejects a malformed pseudonym or unknown fields with their paths', async () => {
    const community = await freshCommunity();
    const ctx = await ctxFor(await plainUser());
    const error = await expectAppError(
      joinCommunity({ ctx, community: community.id, input: { pseudonym: 'a b' } }),
      'validation_failed',
      '/pseudonym',
    );
    expect(error.fields[0]?.key).toBe('validation.pseudonymFormat');
    await expectAppError(
      joinCommunity({ ctx, community: community.id, input: {} }),
      'validation_failed',
      '/pseudonym',
    );
    await expectAppError(
      joinCommunity({ ctx, community: community.id, input: { pseudonym: pseudo(), role: 'admin' } }),
      'validation_failed',
      '/role',
    );
  });

  it('refuses a pseudonym taken regardless of case and accents', async () => {
    const community = await freshCommunity();
    await joinCommunity({
      ctx: await ctxFor(await plainUser()),
      community: community.id,
      input: { pseudonym: 'Éloïse' },
    });
    const error = await expectAppError(
      joinCommunity({
        ctx: await ctxFor(await plainUser()),
        community: community.id,
        input: { pseudonym: 'eloise' },
      }),
      'validation_failed',
      '/pseudonym',
    );
    expect(error.fields[0]?.key).toBe('validation.pseudonymTaken');
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['member.joined']);
  });

  it('reports an unknown community, or a hidden one to outsiders, as not found', async () => {
    const ctx = await ctxFor(await plainUser());
    await expectAppError(
      joinCommunity({ ctx, community: newId(), input: { pseudonym: pseudo() } }),
      'not_found',
    );
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(
      joinCommunity({ ctx, community: hidden.slug, input: { pseudonym: pseudo() } }),
      'not_found',
    );
  });

  it('asks anonymous visitors to sign in and refuses existing members', async () => {
    const community = await freshCommunity();
    await expectAppError(
      joinCommunity({ ctx: await ctxFor(null), community: community.id, input: { pseudonym: pseudo() } }),
      'unauthenticated',
    );
    const member = await plainUser();
    await addMember(community.id, member.userId);
    const error = await expectAppError(
      joinCommunity({ ctx: await ctxFor(member), community: community.id, input: { pseudonym: pseudo() } }),
      'conflict',
    );
    expect(error.messageKey).toBe('join.alreadyMember');
  });

  it('admits at once into an open community and emits member.joined', async () => {
    const community = await freshCommunity();
    const user = await plainUser();
    const member = await joinCommunity({
      ctx: await ctxFor(user),
      community: community.slug,
      input: { pseudonym: 'Zoé_42' },
    });
    expect(member).toMatchObject({ pseudonym: 'Zoé_42', role: 'member', status: 'active' });
    expect(await membershipsOf(community.id)).toEqual([
      { user_id: user.userId, pseudonym: 'Zoé_42', status: 'active', role: 'member' },
    ]);
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'member.joined',
        payload: { communityId: community.id, memberId: member.id, pseudonym: 'Zoé_42' },
        actor: user.userId,
      },
    ]);
  });

  it('creates a pending membership in an approval community and emits member.join_requested', async () => {
    const community = await freshCommunity({ join_policy: 'approval', visibility: 'private' });
    const member = await joinCommunity({
      ctx: await ctxFor(await plainUser()),
      community: community.id,
      input: { pseudonym: 'waiting' },
    });
    expect(member.status).toBe('pending');
    const events = await outboxEventsOf(community.id);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'member.join_requested',
        payload: { communityId: community.id, memberId: member.id, pseudonym: 'waiting' },
      }),
    ]);
  });

  it('refuses to join a full community with conflict, and writes nothing', async () => {
    const community = await freshCommunity({ member_cap: 1 });
    await addMember(community.id, (await plainUser()).userId);
    const error = await expectAppError(
      joinCommunity({
        ctx: await ctxFor(await plainUser()),
        community: community.id,
        input: { pseudonym: pseudo() },
      }),
      'conflict',
    );
    expect(error.messageKey).toBe('community.full');
    expect(await membershipsOf(community.id)).toHaveLength(1);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('needs a code to join an invitation-only community: missing or wrong → /invitationCode', async () => {
    const { community } = await invitationCommunity();
    const ctx = await ctxFor(await plainUser());
    await expectAppError(
      joinCommunity({ ctx, community: community.id, input: { pseudonym: pseudo() } }),
      'validation_failed',
      '/invitationCode',
    );
    await expectAppError(
      joinCommunity({
        ctx,
        community: community.id,
        input: { pseudonym: pseudo(), invitationCode: 'wrong-code-123' },
      }),
      'validation_failed',
      '/invitationCode',
    );
    expect((await membershipsOf(community.id)).map((m) => m.role)).toEqual(['admin']);
  });

  it('refuses an expired invitation code with gone', async () => {
    const community = await freshCommunity({ join_policy: 'invitation' });
    const { kernel } = await testApp();
    const code = `expired-${newId()}`;
    await kernel.db
      .insertInto('community_invitations')
      .values({
        id: newId(),
        community_id: community.id,
        code_hash: hashInvitationCode(code),
        email: null,
        expires_at: new Date(Date.now() - 60_000),
      })
      .execute();
    await expectAppError(
      joinCommunity({
        ctx: await ctxFor(await plainUser()),
        community: community.id,
        input: { pseudonym: pseudo(), invitationCode: code },
      }),
      'gone',
    );
    expect(await membershipsOf(community.id)).toEqual([]);
  });

  it('accepts a valid code once, marks it used, and refuses it the second time with gone', async () => {
    const { community, code } = await invitationCommunity();
    const first = await plainUser();
    const member = await joinCommunity({
      ctx: await ctxFor(first),
      community: community.id,
      input: { pseudonym: 'invited', invitationCode: code },
    });
    expect(member.status).toBe('active');
    const { kernel } = await testApp();
    const invitation = await kernel.db
      .selectFrom('community_invitations')
      .select(['used_at', 'used_by'])
      .where('code_hash', '=', hashInvitationCode(code))
      .executeTakeFirstOrThrow();
    expect(invitation.used_by).toBe(first.userId);
    expect(invitation.used_at).toBeInstanceOf(Date);
    await expectAppError(
      joinCommunity({
        ctx: await ctxFor(await plainUser()),
        community: community.id,
        input: { pseudonym: pseudo(), invitationCode: code },
      }),
      'gone',
    );
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['member.joined']);
  });

  it('refuses a code bound to another email with forbidden', async () => {
    const { community, code } = await invitationCommunity({ email: 'Someone.Else@Example.test' });
    await expectAppError(
      joinCommunity({
        ctx: await ctxFor(await plainUser()),
        community: community.id,
        input: { pseudonym: pseudo(), invitationCode: code },
      }),
      'forbidden',
    );
    const invitee = await plainUser({ email: `someone.else-${newId()}@example.test` });
    const bound = await invitationCommunity({ email: invitee.email.toUpperCase() });
    const member = await joinCommunity({
      ctx: await ctxFor(invitee),
      community: bound.community.id,
      input: { pseudonym: pseudo(), invitationCode: bound.code },
    });
    expect(member.status).toBe('active');
  });

  it('lets a valid invitation reveal and join a hidden community, which stays not found without it', async () => {
    const community = await freshCommunity({ visibility: 'hidden', join_policy: 'invitation' });
    const admin = await plainUser();
    await addMember(community.id, admin.userId, 'admin');
    const { code } = await createInvitation({ ctx: await ctxFor(admin), community: community.id, input: {} });
    const guest = await plainUser();
    const ctx = await ctxFor(guest);
    await expectAppError(getCommunity({ ctx, community: community.id }), 'not_found');
    await expectAppError(
      getCommunity({ ctx, community: community.id, invitationCode: 'wrong-code-123' }),
      'not_found',
    );
    const seen = await getCommunity({ ctx, community: community.id, invitationCode: code });
    expect(seen.abilities.join).toBe(true);
    const member = await joinCommunity({
      ctx,
      community: community.id,
      input: { pseudonym: pseudo(), invitationCode: code },
    });
    expect(member.status).toBe('active');
    expect(
      (await getCommunity({ ctx: await ctxFor(guest), community: community.id })).viewerMembership?.id,
    ).toBe(member.id);
  });
});
