import { describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createCredentialUser } from './create-credential-user.ts';

describe('createCredentialUser', () => {
  it('creates a verified account whose password better-auth accepts', async () => {
    const { kernel, app } = await testApp();
    const email = `Cred-${newId()}@Example.test`;
    const userId = await createCredentialUser(kernel, {
      email: `  ${email} `,
      password: 'a-long-password-1',
      name: ' Ada ',
      locale: 'en',
    });
    const user = await kernel.db
      .selectFrom('auth_user')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      email: email.toLowerCase(),
      name: 'Ada',
      email_verified: true,
      is_platform_admin: false,
      locale: 'en',
    });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: {
        origin: 'http://localhost:3000',
        'x-forwarded-for': `10.250.${Math.floor(Math.random() * 250)}.7`,
      },
      payload: { email: email.toLowerCase(), password: 'a-long-password-1' },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json<{ user: { id: string } }>().user.id).toBe(userId);
  });

  it('refuses a second account with the same email, whatever its case (unique index)', async () => {
    const { kernel } = await testApp();
    const email = `dup-${newId()}@example.test`;
    await createCredentialUser(kernel, { email, password: 'a-long-password-1', name: 'One' });
    await expect(
      createCredentialUser(kernel, {
        email: email.toUpperCase(),
        password: 'a-long-password-2',
        name: 'Two',
      }),
    ).rejects.toMatchObject({ code: '23505' });
    const rows = await kernel.db
      .selectFrom('auth_user')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('creates a platform admin when asked', async () => {
    const { kernel } = await testApp();
    const userId = await createCredentialUser(kernel, {
      email: `pa-${newId()}@example.test`,
      password: 'a-long-password-1',
      name: 'Boss',
      platformAdmin: true,
    });
    const row = await kernel.db
      .selectFrom('auth_user')
      .select('is_platform_admin')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(row.is_platform_admin).toBe(true);
  });
});
