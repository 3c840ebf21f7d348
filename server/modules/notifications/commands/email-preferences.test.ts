import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { getEmailPreferences, updateEmailPreferences } from './email-preferences.ts';
import { accountEvents } from '../../../../test/notification-fixtures.ts';

beforeAll(async () => {
  await testApp();
});

const allOn = { reply: true, topic: true, solution: true, mention: true, reminder: true, reward: true };

describe('email preferences', () => {
  it('rejects bad input', async () => {
    const user = await plainUser();
    const ctx = await ctxFor(user);
    await expectAppError(
      updateEmailPreferences({ ctx, input: { reply: 'no' } }),
      'validation_failed',
      '/reply',
    );
    await expectAppError(
      updateEmailPreferences({ ctx, input: { digest: false } }),
      'validation_failed',
      '/digest',
    );
    expect(await getEmailPreferences({ ctx })).toEqual(allOn);
    expect(await accountEvents(user.userId)).toEqual([]);
  });

  it('asks visitors to sign in', async () => {
    await expectAppError(getEmailPreferences({ ctx: await ctxFor(null) }), 'unauthenticated');
    await expectAppError(
      updateEmailPreferences({ ctx: await ctxFor(null), input: { reply: false } }),
      'unauthenticated',
    );
  });

  it('turns kinds off and on, keeps the others, and emits email_preferences.updated for real changes', async () => {
    const user = await plainUser();
    const ctx = await ctxFor(user);
    expect(await updateEmailPreferences({ ctx, input: { reply: false, mention: false } })).toEqual({
      ...allOn,
      reply: false,
      mention: false,
    });
    expect(await updateEmailPreferences({ ctx, input: { reply: true, mention: false } })).toEqual({
      ...allOn,
      mention: false,
    });
    expect(await getEmailPreferences({ ctx })).toEqual({ ...allOn, mention: false });
    expect((await accountEvents(user.userId)).map((e) => e.payload.changes)).toEqual([
      { reply: false, mention: false },
      { reply: true },
    ]);
  });
});
