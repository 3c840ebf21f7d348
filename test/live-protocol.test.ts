import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS, LIVE_REQUESTS, type LiveEntry } from '../common/live/protocol.ts';
import { outboxEventsOf, signedInUser } from './helpers.ts';
import type { LiveClient } from './live-client.ts';
import { participantRow } from './live-fixtures.ts';
import {
  admitAll,
  closeLiveClients,
  listenLive,
  liveClient,
  runningSession,
} from './live-socket-fixtures.ts';

/**
 * The live-session socket protocol on the test app listening on loopback, with real Socket.IO clients:
 * admission, ordering, resume without gap or duplicate, blind answers, private messages, the backroom's
 * confidentiality (every frame a participant receives is recorded and searched), limits, the end.
 */
beforeAll(() => listenLive(), 180_000);

afterAll(() => closeLiveClients());

/** The sequence numbers a client applied as new entries: must be 1..n, each once. */
function appliedSeqs(c: LiveClient): number[] {
  return c.applied.filter((a) => !a.update).map((a) => a.entry.seq);
}
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the live protocol', () => {
  it('runs a whole session: lobby, admission, blind answers, privacy, backroom, end — and a participant never receives staff content', async () => {
    const s = await runningSession();
    const { moderator, observer, alice, bob, items } = s;
    expect(alice.state).toMatchObject({ role: 'participant', attendance: 'waiting' });
    expect(moderator.state).toMatchObject({ role: 'moderator', pseudonym: null });
    // Staff joined first: their join lists the invitees, not yet arrived.
    expect(moderator.state!.participants!.map((p) => p.attendance)).toEqual(['none', 'none']);
    expect(alice.state!.participants).toBeNull();
    // Staff see who waits; participants cannot act as moderators nor read the room yet.
    await moderator.waitForEvent(
      LIVE_EVENTS.participants,
      (p) =>
        (p as { participants: { attendance: string }[] }).participants.filter(
          (x) => x.attendance === 'waiting',
        ).length === 2,
    );
    expect(await alice.request(LIVE_REQUESTS.admit, { all: true })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await alice.request(LIVE_REQUESTS.resume, { afterSeq: 0 })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await alice.send({ body: 'Hello?' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await alice.request(LIVE_REQUESTS.backroomResume, { afterSeq: 0 })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    await admitAll(s);
    expect((await participantRow(s.session.id, s.people.alice.memberId)).attendance).toBe('admitted');

    // A blind question: Alice answers first; Bob sees a placeholder until he answers, then her answer.
    const q1 = await moderator.request<{ seq: number }>(LIVE_REQUESTS.sendItem, {
      itemId: items[0].id,
      body: 'What do you ride for, mostly?',
    });
    expect(q1).toMatchObject({ ok: true, seq: 1 });
    const a1 = await alice.send({ itemId: items[0].id, body: 'Commuting to work' });
    expect(a1).toMatchObject({ ok: true, seq: 2 });
    await bob.waitForSeq(2);
    expect(bob.entries().get(2)).toMatchObject({
      kind: 'answer',
      hidden: true,
      body: null,
      author: null,
      itemId: items[0].id,
    });
    expect(await bob.send({ itemId: items[0].id, body: 'Weekend trails' })).toMatchObject({
      ok: true,
      seq: 3,
    });
    await bob.waitFor(
      'Alice’s answer revealed to Bob',
      () => bob.entries().get(2)?.body === 'Commuting to work',
    );
    await alice.waitFor('Bob’s answer to Alice', () => alice.entries().get(3)?.body === 'Weekend trails');
    expect(await alice.send({ itemId: items[0].id, body: 'again' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });

    // A choice question: the tally reaches staff only.
    await moderator.request(LIVE_REQUESTS.sendItem, { itemId: items[1].id });
    expect(await alice.send({ itemId: items[1].id, choice: ['Maybe'] })).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
    expect(await alice.send({ itemId: items[1].id, choice: ['Yes'] })).toMatchObject({ ok: true });
    await observer.waitForEvent(
      LIVE_EVENTS.tally,
      (t) => (t as { counts: Record<string, number> }).counts.Yes === 1,
    );

    // Private messages: moderator → Alice, Alice → moderators; Bob gets numbered placeholders only.
    const privateOut = await moderator.send({
      toMemberId: s.people.alice.memberId,
      body: 'PRIVATE-TO-ALICE',
    });
    const privateBack = await alice.send({ private: true, body: 'PRIVATE-FROM-ALICE' });
    await alice.waitForSeq(privateBack.seq);
    expect(alice.entries().get(privateOut.seq)).toMatchObject({
      kind: 'private',
      body: 'PRIVATE-TO-ALICE',
      author: { role: 'moderator', pseudonym: null },
    });
    await bob.waitForSeq(privateBack.seq);
    expect(bob.entries().get(privateOut.seq)).toMatchObject({ kind: 'hidden', hidden: true, body: null });
    await moderator.waitFor(
      'Alice’s private reply',
      () => moderator.entries().get(privateBack.seq)?.body === 'PRIVATE-FROM-ALICE',
    );

    // The backroom: observers talk and suggest; the moderator approves an edited probe into the room.
    expect(
      await observer.request(LIVE_REQUESTS.backroomSend, { body: 'SECRET-BACKROOM-NOTE' }),
    ).toMatchObject({ ok: true });
    const suggestion = await observer.request<{ suggestionId: string }>(LIVE_REQUESTS.suggest, {
      body: 'SECRET-ORIGINAL-PROBE',
    });
    await moderator.waitForEvent(LIVE_EVENTS.backroom, (b) =>
      JSON.stringify(b).includes('SECRET-ORIGINAL-PROBE'),
    );
    expect(await observer.send({ body: 'Observers cannot talk in the room' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      await observer.request(LIVE_REQUESTS.decide, {
        suggestionId: suggestion.suggestionId,
        decision: 'approve',
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    const approved = await moderator.request<{ roomSeq: number }>(LIVE_REQUESTS.decide, {
      suggestionId: suggestion.suggestionId,
      decision: 'approve',
      body: 'What would make you ride more?',
    });
    expect(approved).toMatchObject({ ok: true });
    await bob.waitFor(
      'the approved probe',
      () => bob.entries().get(approved.roomSeq)?.body === 'What would make you ride more?',
    );
    expect(bob.entries().get(approved.roomSeq)!.author).toEqual({
      role: 'moderator',
      memberId: null,
      pseudonym: null,
    });

    // Reactions, a deletion, a reveal.
    const rude = await bob.send({ body: 'Something rude', replyToSeq: a1.seq });
    expect(await alice.request(LIVE_REQUESTS.react, { seq: rude.seq, reaction: 'disagree' })).toMatchObject({
      ok: true,
      reactions: { disagree: 1 },
    });
    const deletion = await moderator.request<{ seq: number }>(LIVE_REQUESTS.deleteEntry, { seq: rude.seq });
    await alice.waitForSeq(deletion.seq);
    await moderator.request(LIVE_REQUESTS.sendItem, { itemId: items[2].id });
    const worst = await alice.send({ itemId: items[2].id, body: 'In the snow' });
    await bob.waitForSeq(worst.seq);
    expect(bob.entries().get(worst.seq)!.hidden).toBe(true);
    const reveal = await moderator.request<{ seq: number }>(LIVE_REQUESTS.reveal, { itemId: items[2].id });
    expect(reveal).toMatchObject({ ok: true });
    await bob.waitFor('the revealed answer', () => bob.entries().get(worst.seq)?.body === 'In the snow');
    expect(await moderator.request(LIVE_REQUESTS.sendItem, { itemId: items[3].id })).toMatchObject({
      ok: false,
      code: 'conflict',
    });

    // The end: a thank-you, attendance, one session.attended per admitted participant.
    const end = await moderator.request<{ seq: number; attended: number }>(LIVE_REQUESTS.end);
    expect(end).toMatchObject({ ok: true, attended: 2 });
    await alice.waitForEvent(LIVE_EVENTS.ended);
    await bob.waitForEvent(LIVE_EVENTS.ended);
    const events = await outboxEventsOf(s.community.id);
    expect(
      events
        .filter((e) => e.type === 'session.attended')
        .map((e) => e.payload.memberId)
        .sort(),
    ).toEqual([s.people.alice.memberId, s.people.bob.memberId].sort());
    expect(events.map((e) => e.type)).toContain('live_session.ended');
    expect((await participantRow(s.session.id, s.people.bob.memberId)).left_at).not.toBeNull();

    // Every participant applied 1..n once each, and their view equals what the database replays to them.
    await alice.waitForSeq(end.seq);
    await bob.waitForSeq(end.seq);
    for (const c of [alice, bob]) {
      expect(appliedSeqs(c)).toEqual(oneToN(end.seq));
      expect(c.entries().get(rude.seq)).toBeDefined();
    }
    const bobView = bob.entries();
    expect(bobView.get(rude.seq)).toMatchObject({ deleted: false });
    expect(bobView.get(deletion.seq)).toMatchObject({ kind: 'deletion', targetSeq: rude.seq });

    // Confidentiality: nothing of the backroom, the observers or staff identities in any participant frame.
    const { observer: obs, moderator: mod } = s.people;
    const staffUsers = [s.users.moderator, s.users.observer];
    for (const c of [alice, bob]) {
      const all = JSON.stringify(c.frames);
      for (const secret of [
        'SECRET-BACKROOM-NOTE',
        'SECRET-ORIGINAL-PROBE',
        obs.memberId,
        mod.memberId,
        // Test pseudonyms are `p` + the membership id's last ten characters (see addMember).
        `p${obs.memberId.slice(-10)}`,
        `p${mod.memberId.slice(-10)}`,
        ...staffUsers.flatMap((u) => [u.userId, u.email, u.name]),
        s.people.admin.memberId,
      ]) {
        expect(all, `a participant received ${secret}`).not.toContain(secret);
      }
      const events = new Set(c.frames.map((f) => f.event));
      for (const staffOnly of [
        LIVE_EVENTS.backroom,
        LIVE_EVENTS.participants,
        LIVE_EVENTS.tally,
        LIVE_EVENTS.guide,
      ]) {
        expect(events.has(staffOnly), `a participant received ${staffOnly}`).toBe(false);
      }
      expect(all).not.toContain('"invitation"');
    }
    // Bob never received Alice's private exchange; Alice never received anything of the staff pseudonyms.
    expect(JSON.stringify(bob.frames)).not.toContain('PRIVATE-');
  });

  it('gives a participant who drops, reloads or opens another tab every missed entry, in order, once', async () => {
    const s = await runningSession();
    await admitAll(s);
    const { moderator, alice, bob } = s;
    const first = await alice.send({ body: 'before the drop' });
    await bob.waitForSeq(first.seq);
    bob.socket.disconnect();
    let last = first.seq;
    for (let i = 0; i < 6; i++) {
      const sender = i % 2 === 0 ? moderator : alice;
      const reply = await sender.send({ body: `missed ${i}` });
      expect(reply.ok).toBe(true);
      last = reply.seq;
    }
    await bob.reconnect();
    await bob.waitForSeq(last);
    expect(appliedSeqs(bob)).toEqual(oneToN(last));
    expect([...bob.entries().values()].slice(-6).map((e) => e.body)).toEqual([
      'missed 0',
      'missed 1',
      'missed 2',
      'missed 3',
      'missed 4',
      'missed 5',
    ]);
    // A second tab starts from nothing and gets the same conversation.
    const tab = await liveClient(s.users.bob, s.session.id);
    expect((await tab.join()).attendance).toBe('admitted');
    await tab.waitForSeq(last);
    expect([...tab.entries().values()]).toEqual([...bob.entries().values()]);
    // A resend after a lost acknowledgement is stored once.
    const again1 = await alice.request<{ seq: number }>(LIVE_REQUESTS.send, {
      clientId: 'same-id',
      body: 'once',
    });
    const again2 = await alice.request<{ seq: number }>(LIVE_REQUESTS.send, {
      clientId: 'same-id',
      body: 'once',
    });
    expect(again2.seq).toBe(again1.seq);
    // The moderator drops too and carries on.
    moderator.socket.disconnect();
    const during = await alice.send({ body: 'while the moderator is away' });
    await moderator.reconnect();
    await moderator.waitForSeq(during.seq);
    expect(await moderator.send({ body: 'Back!' })).toMatchObject({ ok: true, seq: during.seq + 1 });
    expect(appliedSeqs(moderator)).toEqual(oneToN(during.seq + 1));
  });

  it('keeps latecomers in the lobby, dismisses, mutes and removes, and limits participants', async () => {
    const s = await runningSession();
    const { moderator, alice, bob } = s;
    expect(
      await moderator.request(LIVE_REQUESTS.admit, { memberIds: [s.people.alice.memberId] }),
    ).toMatchObject({ ok: true, admitted: [s.people.alice.memberId] });
    await alice.waitForEvent(LIVE_EVENTS.admitted);
    const hello = await moderator.send({ body: 'Welcome' });
    await alice.waitForSeq(hello.seq);
    // Bob, still waiting, receives nothing of the room.
    expect(bob.frames.filter((f) => f.event === LIVE_EVENTS.entries)).toEqual([]);
    expect(await moderator.request(LIVE_REQUESTS.dismiss, { memberId: s.people.bob.memberId })).toMatchObject(
      { ok: true },
    );
    await bob.waitForEvent(LIVE_EVENTS.excluded, (p) => (p as { reason: string }).reason === 'dismissed');
    expect(await bob.request(LIVE_REQUESTS.join)).toMatchObject({ ok: false, code: 'forbidden' });

    // Limits: length, then rate.
    expect(await alice.send({ body: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
    expect(await alice.send({ body: '   ' })).toMatchObject({ ok: false, code: 'validation_failed' });
    let limited: { ok: boolean; code?: string; retryAfter?: number } | null = null;
    for (let i = 0; i < 12 && !limited; i++) {
      const reply = await alice.send({ body: `fast ${i}` });
      if (!reply.ok) limited = reply;
    }
    expect(limited).toMatchObject({ ok: false, code: 'rate_limited', retryAfter: 15 });

    // Mute, then remove.
    expect(
      await moderator.request(LIVE_REQUESTS.mute, { memberId: s.people.alice.memberId, muted: true }),
    ).toMatchObject({ ok: true });
    await alice.waitForEvent(LIVE_EVENTS.muted);
    expect(await alice.send({ body: 'muted?' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await moderator.request(LIVE_REQUESTS.remove, { memberId: s.people.alice.memberId }),
    ).toMatchObject({ ok: true });
    await alice.waitForEvent(LIVE_EVENTS.excluded, (p) => (p as { reason: string }).reason === 'removed');
    const after = await moderator.send({ body: 'after the removal' });
    await moderator.waitForSeq(after.seq);
    expect(alice.entries().get(after.seq)).toBeUndefined();
    expect(await alice.request(LIVE_REQUESTS.resume, { afterSeq: 0 })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    // Strangers and anonymous sockets get nothing.
    const anonymous = await liveClient(null, s.session.id);
    expect(await anonymous.request(LIVE_REQUESTS.join)).toMatchObject({ ok: false, code: 'unauthenticated' });
    const stranger = await liveClient(await signedInUser(), s.session.id);
    expect(await stranger.request(LIVE_REQUESTS.join)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await stranger.request(LIVE_REQUESTS.join, { sessionId: 'nope' })).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
    const entries = (await moderator.request<{ entries: LiveEntry[] }>(LIVE_REQUESTS.resume, { afterSeq: 0 }))
      .entries;
    expect(entries.map((e) => e.seq)).toEqual(oneToN(after.seq));
  });
});
