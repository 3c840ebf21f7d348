import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, isolatedKernel } from '../../../../test/helpers.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { completeSetup, ensureFirstAdmin } from './setup.ts';

// A database of its own: set-up only happens while no platform admin exists.
let kernel: Kernel;
let ctx: Ctx;
beforeAll(async () => {
  kernel = await isolatedKernel();
  ctx = await ctxFor(null, kernel);
});
afterAll(async () => {
  await kernel.close();
});

const tokenOf = (setupUrl: string | null) => new URL(setupUrl!).searchParams.get('token')!;
const credentials = { name: 'First Admin', email: 'First.Admin@Example.test', password: 'a-long-password-1' };

describe('setup', () => {
  it('rejects bad input with the field paths', async () => {
    const error = await expectAppError(
      completeSetup({ ctx, input: { token: 'short', name: 'x', email: 'bad', password: 'short' } }),
      'validation_failed',
    );
    expect(error.fields.map((f) => f.path).sort()).toEqual(['/email', '/password', '/token']);
  });

  it('answers gone for an unknown token', async () => {
    await expectAppError(completeSetup({ ctx, input: { ...credentials, token: 'x'.repeat(32) } }), 'gone');
  });

  it('makes a one-time link while no admin exists; the token creates the admin once, then is gone', async () => {
    const first = await ensureFirstAdmin(kernel);
    expect(first.setupUrl).toMatch(/^http:\/\/localhost:3000\/setup\?token=[\w-]{20,}$/);
    const spare = await ensureFirstAdmin(kernel);
    expect(spare.setupUrl).not.toBe(first.setupUrl);
    const stored = await kernel.db.selectFrom('setup_tokens').select('token_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(tokenOf(first.setupUrl));

    const result = await completeSetup({ ctx, input: { ...credentials, token: tokenOf(first.setupUrl) } });
    expect(result.email).toBe('first.admin@example.test');
    const admin = await kernel.db
      .selectFrom('auth_user')
      .selectAll()
      .where('id', '=', result.userId)
      .executeTakeFirstOrThrow();
    expect(admin).toMatchObject({ is_platform_admin: true, email_verified: true });

    await expectAppError(
      completeSetup({ ctx, input: { ...credentials, token: tokenOf(first.setupUrl) } }),
      'gone',
    );
    await expectAppError(
      completeSetup({
        ctx,
        input: { ...credentials, email: 'second@example.test', token: tokenOf(spare.setupUrl) },
      }),
      'conflict',
    );
    expect(await ensureFirstAdmin(kernel)).toEqual({ setupUrl: null });
    const admins = await kernel.db
      .selectFrom('auth_user')
      .select('id')
      .where('is_platform_admin', '=', true)
      .execute();
    expect(admins).toHaveLength(1);
  });

  it('answers gone for an expired token', async () => {
    await kernel.db.updateTable('auth_user').set({ is_platform_admin: false }).execute();
    const { setupUrl } = await ensureFirstAdmin(kernel);
    await kernel.db
      .updateTable('setup_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('used_at', 'is', null)
      .execute();
    await expectAppError(
      completeSetup({ ctx, input: { ...credentials, email: 'late@example.test', token: tokenOf(setupUrl) } }),
      'gone',
    );
  });

  it('creates the admin from CERCLE_ADMIN_EMAIL/PASSWORD without a link when they are set', async () => {
    const configured = {
      ...kernel,
      config: { ...kernel.config, admin: { email: 'env.admin@example.test', password: 'a-long-password-1' } },
    };
    expect(await ensureFirstAdmin(configured)).toEqual({ setupUrl: null });
    const row = await kernel.db
      .selectFrom('auth_user')
      .select(['is_platform_admin', 'email_verified'])
      .where('email', '=', 'env.admin@example.test')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ is_platform_admin: true, email_verified: true });
  });
});
