import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { signUnsubscribeToken } from '../unsubscribe-token.ts';
import { getEmailPreferences } from './email-preferences.ts';
import { checkUnsubscribe, unsubscribe } from './unsubscribe.ts';
import { accountEvents } from '../../../../test/notification-fixtures.ts';

beforeAll(async () => {
  await testApp();
});

describe('unsubscribe', () => {
  it('rejects bad input', async () => {
    const ctx = await ctxFor(null);
    await expectAppError(unsubscribe({ ctx, input: {} }), 'validation_failed', '/token');
    await expectAppError(
      unsubscribe({ ctx, input: { token: 'x'.repeat(201) } }),
      'validation_failed',
      '/token',
    );
  });

  it('treats forged, malformed and unknown-account tokens as not found', async () => {
    const { kernel } = await testApp();
    const user = await plainUser();
    const secret = kernel.config.sessionSecret;
    const good = signUnsubscribeToken(secret, user.userId, 'reply');
    const forged = [
      'nonsense',
      `${user.userId}.reply.${'A'.repeat(43)}`,
      good.replace('.reply.', '.mention.'),
      signUnsubscribeToken('another-secret-another-secret-0123456', user.userId, 'reply'),
      signUnsubscribeToken(secret, newId(), 'reply'),
    ];
    for (const token of forged) {
      await expectAppError(unsubscribe({ ctx: await ctxFor(null), input: { token } }), 'not_found');
      await expectAppError(checkUnsubscribe({ ctx: await ctxFor(null), input: { token } }), 'not_found');
    }
    expect(await getEmailPreferences({ ctx: await ctxFor(user) })).toMatchObject({ reply: true });
  });

  it('turns off one kind without sign-in, once (idempotent), and emits email_preferences.updated', async () => {
    const { kernel } = await testApp();
    const user = await plainUser();
    const token = signUnsubscribeToken(kernel.config.sessionSecret, user.userId, 'mention');
    const anonymous = await ctxFor(null);
    expect(await checkUnsubscribe({ ctx: anonymous, input: { token } })).toEqual({
      kind: 'mention',
      email: true,
    });
    expect(await unsubscribe({ ctx: anonymous, input: { token } })).toEqual({
      kind: 'mention',
      email: false,
    });
    expect(await unsubscribe({ ctx: anonymous, input: { token } })).toEqual({
      kind: 'mention',
      email: false,
    });
    expect(await checkUnsubscribe({ ctx: anonymous, input: { token } })).toEqual({
      kind: 'mention',
      email: false,
    });
    expect(await getEmailPreferences({ ctx: await ctxFor(user) })).toMatchObject({
      mention: false,
      reply: true,
    });
    expect(await accountEvents(user.userId)).toEqual([
      {
        type: 'email_preferences.updated',
        payload: { userId: user.userId, changes: { mention: false }, via: 'unsubscribe' },
      },
    ]);
  });
});
