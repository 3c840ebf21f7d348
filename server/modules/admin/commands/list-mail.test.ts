import { describe, expect, it } from 'vitest';
import {
  ctxFor,
  expectAppError,
  freshCommunity,
  addMember,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { listMail } from './list-mail.ts';

async function queueMail(to: string, n: number) {
  const { kernel } = await testApp();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await kernel.mailer.queue({
        to,
        kind: 'auth.magic',
        locale: 'en',
        subjectKey: 'mail.magic.subject',
        bodyKey: 'mail.magic.body',
        params: { url: `http://localhost:3000/link/${i}` },
      }),
    );
  }
  return ids;
}

describe('listMail', () => {
  it('rejects a malformed cursor', async () => {
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    await expectAppError(listMail({ ctx, cursor: 'garbage!' }), 'bad_request');
  });

  it('is refused to anonymous visitors and to everyone but platform admins', async () => {
    await expectAppError(listMail({ ctx: await ctxFor(null) }), 'unauthenticated');
    const communityAdmin = await plainUser();
    await addMember((await freshCommunity()).id, communityAdmin.userId, 'admin');
    for (const user of [await plainUser(), communityAdmin]) {
      await expectAppError(listMail({ ctx: await ctxFor(user) }), 'forbidden');
    }
  });

  it('lists captured messages newest first, for one recipient, one page at a time', async () => {
    const to = `Mail-${newId()}@Example.test`;
    const ids = await queueMail(to, 3);
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    const all = await listMail({ ctx, to: to.toLowerCase() });
    expect(all.items.map((m) => m.id)).toEqual([...ids].reverse());
    expect(all.items[0]).toMatchObject({
      to,
      subject: 'Your sign-in link',
      kind: 'auth.magic',
      locale: 'en',
      status: 'captured',
      attempts: 0,
      error: null,
      sentAt: null,
    });
    expect(all.items[0].text).toContain('http://localhost:3000/link/2');
    const first = await listMail({ ctx, to, limit: 2 });
    expect(first.items.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    const rest = await listMail({ ctx, to, limit: 2, cursor: first.nextCursor! });
    expect(rest.items.map((m) => m.id)).toEqual([ids[0]]);
    expect(rest.nextCursor).toBeNull();
  });
});
