import { describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  expectAppError,
  freshCommunity,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { getMe, updateMe } from './me.ts';

describe('getMe', () => {
  it('asks anonymous visitors to sign in', async () => {
    await expectAppError(getMe({ ctx: await ctxFor(null) }), 'unauthenticated');
  });

  it('returns the account and its memberships, pending ones included', async () => {
    const user = await plainUser({ name: 'Jeanne' });
    const a = await freshCommunity();
    const b = await freshCommunity({ visibility: 'hidden' });
    const aId = await addMember(a.id, user.userId, 'expert');
    const bId = await addMember(b.id, user.userId, 'member', 'pending');
    await addMember(a.id, (await plainUser()).userId);
    const me = await getMe({ ctx: await ctxFor(user) });
    expect(me).toMatchObject({
      id: user.userId,
      name: 'Jeanne',
      email: user.email,
      emailVerified: true,
      locale: null,
      isPlatformAdmin: false,
    });
    expect(me.memberships.map((m) => [m.id, m.communitySlug, m.role, m.status]).sort()).toEqual(
      [
        [aId, a.slug, 'expert', 'active'],
        [bId, b.slug, 'member', 'pending'],
      ].sort(),
    );
  });
});

describe('updateMe', () => {
  it('rejects bad input with the field paths', async () => {
    const ctx = await ctxFor(await plainUser());
    const error = await expectAppError(
      updateMe({ ctx, input: { locale: 'de', phone: 'call me', name: '' } }),
      'validation_failed',
    );
    expect(error.fields.map((f) => f.path).sort()).toEqual(['/locale', '/name', '/phone']);
    await expectAppError(
      updateMe({ ctx, input: { isPlatformAdmin: true } }),
      'validation_failed',
      '/isPlatformAdmin',
    );
  });

  it('asks anonymous visitors to sign in', async () => {
    await expectAppError(updateMe({ ctx: await ctxFor(null), input: { name: 'X' } }), 'unauthenticated');
  });

  it('changes the name, language and phone of the signed-in account only', async () => {
    const user = await plainUser();
    const other = await plainUser({ name: 'Untouched' });
    const me = await updateMe({
      ctx: await ctxFor(user),
      input: { name: '  Léa ', locale: 'fr', phone: '+33 6 12 34 56 78' },
    });
    expect(me).toMatchObject({ id: user.userId, name: 'Léa', locale: 'fr' });
    const { kernel } = await testApp();
    const row = await kernel.db
      .selectFrom('auth_user')
      .selectAll()
      .where('id', '=', user.userId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Léa', locale: 'fr', phone: '+33 6 12 34 56 78' });
    const untouched = await kernel.db
      .selectFrom('auth_user')
      .selectAll()
      .where('id', '=', other.userId)
      .executeTakeFirstOrThrow();
    expect(untouched).toMatchObject({ name: 'Untouched', locale: null, phone: null });
    await updateMe({ ctx: await ctxFor(user), input: { phone: null } });
    const cleared = await kernel.db
      .selectFrom('auth_user')
      .select('phone')
      .where('id', '=', user.userId)
      .executeTakeFirstOrThrow();
    expect(cleared.phone).toBeNull();
  });
});
