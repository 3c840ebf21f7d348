import { describe, expect, it } from 'vitest';
import { expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createPlatformAdmin } from './create-platform-admin.ts';

describe('createPlatformAdmin', () => {
  it('rejects bad input with the field paths', async () => {
    const { kernel } = await testApp();
    const error = await expectAppError(
      createPlatformAdmin(kernel, { email: 'nope', password: 'short', name: '' }),
      'validation_failed',
    );
    expect(error.fields.map((f) => f.path).sort()).toEqual(['/email', '/name', '/password']);
  });

  it('creates a verified platform admin with a password', async () => {
    const { kernel } = await testApp();
    const email = `Admin-${newId()}@Example.test`;
    const result = await createPlatformAdmin(kernel, { email, password: 'a-long-password-1', name: 'Root' });
    expect(result.created).toBe(true);
    const user = await kernel.db
      .selectFrom('auth_user')
      .selectAll()
      .where('id', '=', result.userId)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: email.toLowerCase(), is_platform_admin: true, email_verified: true });
    const account = await kernel.db
      .selectFrom('auth_account' as never)
      .select(['provider_id' as never])
      .where('user_id' as never, '=', result.userId as never)
      .executeTakeFirst();
    expect(account).toEqual({ provider_id: 'credential' });
  });

  it('promotes an existing account with that email (any case) instead of creating one', async () => {
    const { kernel } = await testApp();
    const existing = await plainUser();
    await kernel.db
      .updateTable('auth_user')
      .set({ email_verified: false })
      .where('id', '=', existing.userId)
      .execute();
    const result = await createPlatformAdmin(kernel, {
      email: existing.email.toUpperCase(),
      password: 'a-long-password-1',
      name: 'Ignored',
    });
    expect(result).toEqual({ userId: existing.userId, created: false });
    const user = await kernel.db
      .selectFrom('auth_user')
      .selectAll()
      .where('id', '=', existing.userId)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ is_platform_admin: true, email_verified: true, name: existing.name });
  });
});
