import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS, LIVE_REQUESTS } from '../common/live/protocol.ts';
import { testApp } from './helpers.ts';
import type { LiveClient } from './live-client.ts';
import { admitAll, closeLiveClients, listenLive, runningSession } from './live-socket-fixtures.ts';

/**
 * Issue 4, point 14 over real sockets: limits explained in each participant's language, a moderator who
 * drops and comes back, and a room that carries on meanwhile without letting participants into the backroom.
 */
beforeAll(() => listenLive(), 180_000);

afterAll(() => closeLiveClients());

/** Every frame a participant's socket received holds nothing of the backroom. */
function expectNoBackroom(c: LiveClient): void {
  expect(c.frames.filter((f) => f.event === LIVE_EVENTS.backroom)).toEqual([]);
  expect(JSON.stringify(c.frames)).not.toContain('BACKROOM-');
}

describe('the live room', () => {
  it('explains the length and rate limits in the participant’s language (French, English)', async () => {
    const s = await runningSession();
    await admitAll(s);
    // Bob reads English: his account says so, and his socket's next handshake picks it up.
    const { kernel } = await testApp();
    await kernel.db
      .updateTable('auth_user')
      .set({ locale: 'en' })
      .where('id', '=', s.users.bob.userId)
      .execute();
    await s.bob.reconnect();
    const tooLong = 'x'.repeat(2001);
    expect(await s.alice.send({ body: tooLong })).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fields: [{ path: '/body', message: '2000 caractères au plus.' }],
    });
    expect(await s.bob.send({ body: tooLong })).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fields: [{ path: '/body', message: 'At most 2000 characters.' }],
    });
    const limited = async (c: LiveClient) => {
      for (let i = 0; i < 12; i++) {
        const reply = await c.send({ body: `fast ${i}` });
        if (!reply.ok) return reply;
      }
      return null;
    };
    expect(await limited(s.alice)).toMatchObject({
      ok: false,
      code: 'rate_limited',
      retryAfter: 15,
      message: 'Vous écrivez trop vite : patientez quelques secondes.',
    });
    expect(await limited(s.bob)).toMatchObject({
      ok: false,
      code: 'rate_limited',
      retryAfter: 15,
      message: 'You are writing too fast: wait a few seconds.',
    });
  });

  it('carries on while the moderator is away, keeps the backroom from participants, and lets the moderator carry on', async () => {
    const s = await runningSession();
    await admitAll(s);
    const { moderator, observer, alice, bob, items } = s;
    const welcome = await moderator.send({ body: 'Welcome' });
    await alice.waitForSeq(welcome.seq);

    moderator.socket.disconnect();
    // Without the moderator: participants write, the observer writes in the backroom and suggests a probe.
    const meanwhile = await alice.send({ body: 'Are you still there?' });
    expect(meanwhile).toMatchObject({ ok: true });
    expect(await bob.send({ body: 'I am' })).toMatchObject({ ok: true });
    expect(
      await observer.request(LIVE_REQUESTS.backroomSend, { body: 'BACKROOM-note while away' }),
    ).toMatchObject({ ok: true });
    const suggestion = await observer.request<{ suggestionId: string }>(LIVE_REQUESTS.suggest, {
      body: 'BACKROOM-probe while away',
    });
    expect(suggestion).toMatchObject({ ok: true });
    // Participants cannot read the backroom, nor act as the missing moderator.
    for (const c of [alice, bob]) {
      expect(await c.request(LIVE_REQUESTS.backroomResume, { afterSeq: 0 })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      expect(
        await c.request(LIVE_REQUESTS.decide, { suggestionId: suggestion.suggestionId, decision: 'approve' }),
      ).toMatchObject({ ok: false, code: 'forbidden' });
    }
    await observer.waitForSeq(welcome.seq + 2);

    // The moderator comes back: every missed entry, in order, once; the backroom's history too.
    await moderator.reconnect();
    await moderator.waitForSeq(welcome.seq + 2);
    expect(moderator.applied.filter((a) => !a.update).map((a) => a.entry.seq)).toEqual([1, 2, 3]);
    const backroom = await moderator.request<{ entries: { body: string }[] }>(LIVE_REQUESTS.backroomResume, {
      afterSeq: 0,
    });
    expect(backroom.entries.map((e) => e.body)).toEqual([
      'BACKROOM-note while away',
      'BACKROOM-probe while away',
    ]);

    // …and carries on: approves the probe as edited, sends a guide item, writes privately.
    const approved = await moderator.request<{ roomSeq: number }>(LIVE_REQUESTS.decide, {
      suggestionId: suggestion.suggestionId,
      decision: 'approve',
      body: 'What made you stay?',
    });
    expect(approved).toMatchObject({ ok: true, roomSeq: 4 });
    expect(await moderator.request(LIVE_REQUESTS.sendItem, { itemId: items[1].id })).toMatchObject({
      ok: true,
      seq: 5,
    });
    const direct = await moderator.send({ body: 'Thanks for waiting', toMemberId: s.people.alice.memberId });
    for (const c of [alice, bob]) await c.waitForSeq(direct.seq);
    expect(alice.entries().get(4)).toMatchObject({
      body: 'What made you stay?',
      author: { role: 'moderator' },
    });
    expect(alice.entries().get(direct.seq)).toMatchObject({ body: 'Thanks for waiting' });
    expect(bob.entries().get(direct.seq)).toMatchObject({ hidden: true, body: null });
    for (const c of [alice, bob]) expectNoBackroom(c);
    await observer.waitForEvent(LIVE_EVENTS.backroom, (p) =>
      JSON.stringify(p).includes('What made you stay?'),
    );
  });
});
